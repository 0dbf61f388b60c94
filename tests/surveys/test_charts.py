"""The shared SVG charts: accessible names, escaping, suppressed values."""

from inspectorate import charts


def test_horizontal_bar_has_title_and_description_joined_by_aria():
    svg = charts.horizontal_bar("Staff agree", [("Agree", 60.0), ("Disagree", 40.0)], description="Agree 60%")
    assert svg.startswith('<svg class="app-chart" role="img" aria-labelledby="chart-title-')
    title_id = svg.split('aria-labelledby="')[1].split(" ")[0]
    assert f'<title id="{title_id}">Staff agree</title>' in svg
    assert ">60%<" in svg and ">40%<" in svg


def test_horizontal_bar_draws_no_bar_for_a_suppressed_value():
    svg = charts.horizontal_bar("Q", [("Yes", 80.0), ("No", None)])
    assert svg.count("<rect") == 1
    assert "not shown" in svg


def test_chart_text_is_escaped():
    svg = charts.horizontal_bar("<script>alert(1)</script>", [("A & B", 10.0)])
    assert "<script>" not in svg
    assert "A &amp; B" in svg


def test_stacked_bar_lays_segments_by_percentage_with_a_legend():
    svg = charts.stacked_bar(
        "By area",
        [
            ("Dundee City", [("Agree", 50.0), ("Disagree", None)]),
            ("Aberdeen City", [("Agree", None), ("Disagree", None)]),
        ],
        legend=["Agree", "Disagree"],
    )
    assert "<title>Agree: 50%</title>" in svg
    assert "not shown" in svg  # Aberdeen has nothing that can be shown
    assert svg.count(">Disagree</text>") == 1  # the legend entry
