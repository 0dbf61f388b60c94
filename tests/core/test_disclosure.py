"""Worked examples of disclosure control."""

import pytest

from inspectorate.disclosure import suppress_distribution, suppress_table


def test_large_counts_are_shown_with_percentages():
    result = suppress_distribution({"agree": 30, "disagree": 10})
    assert result.cells["agree"].display == "30"
    assert result.cells["agree"].percent_display == "75%"
    assert not result.total_suppressed


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    # 3 alone could be worked out as 53 - 30 - 12 - 8; so 8 is hidden too.
    result = suppress_distribution({"a": 30, "b": 12, "c": 8, "d": 3})
    assert [k for k, c in result.items() if c.suppressed] == ["c", "d"]
    assert result.cells["d"].display == "fewer than 5"
    assert result.cells["d"].percent_display == "-"
    # 8 is hidden to protect 3: it is not "fewer than 5", so it says only that it is not shown.
    assert result.cells["c"].display == "not shown"
    assert result.cells["c"].percent_display == "-"
    assert result.total == 53


def test_two_small_cells_need_no_secondary_suppression():
    result = suppress_distribution({"a": 30, "b": 2, "c": 4})
    assert {k for k, c in result.items() if c.suppressed} == {"b", "c"}


def test_zero_is_a_true_zero_and_is_not_chosen_for_secondary_suppression():
    result = suppress_distribution({"a": 20, "b": 0, "c": 1, "d": 9})
    assert not result.cells["b"].suppressed
    assert result.cells["b"].display == "0"
    assert {k for k, c in result.items() if c.suppressed} == {"c", "d"}


def test_small_total_suppresses_everything():
    result = suppress_distribution({"yes": 3, "no": 1})
    assert result.total_suppressed
    assert result.total_display == "fewer than 5"
    assert all(c.suppressed for _, c in result.items())


def test_threshold_follows_the_setting(settings):
    settings.DISCLOSURE_THRESHOLD = 10
    result = suppress_distribution({"a": 50, "b": 7, "c": 9})
    assert result.cells["b"].display == "fewer than 10"
    assert result.cells["c"].suppressed


@pytest.mark.parametrize("limit", [3, 5])
def test_no_hidden_cell_is_alone_in_any_row_or_column_of_a_table(limit):
    counts = {
        ("A", "x"): 2,
        ("A", "y"): 40,
        ("A", "z"): 17,
        ("B", "x"): 25,
        ("B", "y"): 30,
        ("B", "z"): 12,
        ("C", "x"): 9,
        ("C", "y"): 11,
        ("C", "z"): 1,
    }
    table = suppress_table(counts, ["A", "B", "C"], ["x", "y", "z"], limit=limit)
    hidden = {key for key, cell in table.cells.items() if cell.suppressed}
    for key, count in counts.items():
        if 0 < count < limit:
            assert key in hidden
    for r in "ABC":
        assert len([c for c in "xyz" if (r, c) in hidden]) != 1
    for c in "xyz":
        assert len([r for r in "ABC" if (r, c) in hidden]) != 1


def test_worked_table_example():
    # A/x = 2 is small. Row A then hides its smallest other cell (A/z = 17); column x hides C/x = 9;
    # row C now has one hidden cell and column z has A/z: C/z = 1 is small anyway, which closes both.
    counts = {
        ("A", "x"): 2,
        ("A", "y"): 40,
        ("A", "z"): 17,
        ("B", "x"): 25,
        ("B", "y"): 30,
        ("B", "z"): 12,
        ("C", "x"): 9,
        ("C", "y"): 11,
        ("C", "z"): 1,
    }
    table = suppress_table(counts, ["A", "B", "C"], ["x", "y", "z"])
    hidden = sorted(key for key, cell in table.cells.items() if cell.suppressed)
    assert hidden == [("A", "x"), ("A", "z"), ("C", "x"), ("C", "z")]
    assert table.grand_total.display == "147"
    assert table.row_totals["A"].display == "59"


def test_box_plot_marks_the_value_and_says_not_shown_for_missing_quartiles():
    from inspectorate.charts import box_plot

    svg = str(box_plot("Staff turnover", [("Scotland", 10, 20, 30, 45), ("Highland", None, None, None, 45)]))
    assert 'role="img"' in svg and "<title" in svg
    assert svg.count("<rect") == 1  # one box: Highland's group is too small to show
    assert "not shown" in svg and "45%" in svg
