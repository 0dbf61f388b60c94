"""Results per area and national: the worked example of 120 drawn and 117 read, with disclosure control."""

import pytest
from django.urls import reverse

from records import actions
from records.models import NotReadReason, ReadingQuestion
from records.results import review_results
from tests.records.factories import drawn, read_sample
from tests.reviews.factories import add_area


@pytest.fixture
def worked_example(review, dundee, aberdeen, inspector):
    """Four areas, 30 drawn in each (120), 117 read and 3 not read, as in the regulator's update."""
    dumfries = add_area(review, area_name="Dumfries and Galloway")
    western_isles = add_area(review, area_name="Na h-Eileanan Siar")
    not_read = {
        aberdeen: {7: NotReadReason.UNAVAILABLE},
        dundee: {},
        dumfries: {19: NotReadReason.NOT_ELIGIBLE},
        western_isles: {4: NotReadReason.UNAVAILABLE},
    }
    for index, (area, missing) in enumerate(not_read.items()):
        sample = drawn(area, inspector, eligible=60 + index * 10, prefix=f"A{index}")
        read_sample(sample, inspector, missing)
    return review


def test_national_results_for_120_drawn_and_117_read(worked_example):
    per_area, national = review_results(worked_example)
    assert (national.drawn, national.read, national.in_progress) == (120, 117, 0)
    assert national.not_read.total == 3 and national.not_read.total_display == "fewer than 5"
    assert [(r.title, r.drawn, r.read) for r in per_area] == [
        ("Aberdeen City", 30, 29),
        ("Dumfries and Galloway", 30, 29),
        ("Dundee City", 30, 30),
        ("Na h-Eileanan Siar", 30, 29),
    ]
    quality = next(q for q in national.questions if q.question.key == "assessment_quality")
    # Positions 1-30 map onto the scale in turn: 5 per point per area, less the 3 not read
    # (positions 7 -> very good, 19 -> very good, 4 -> weak).
    counts = {option: cell.count for option, cell in quality.distribution.items()}
    assert counts == {"Excellent": 20, "Very good": 18, "Good": 20, "Adequate": 20, "Weak": 19, "Unsatisfactory": 20}
    assert quality.distribution.total == 117
    assert all(not cell.suppressed for cell in quality.distribution.cells.values())


def test_small_counts_in_an_area_are_suppressed(worked_example):
    per_area, _ = review_results(worked_example)
    aberdeen = per_area[0]
    quality = next(q for q in aberdeen.questions if q.question.key == "assessment_quality")
    shown = {option: cell.display for option, cell in quality.distribution.items()}
    assert shown["Very good"] == "fewer than 5"  # 4: position 7 was not read
    # Secondary suppression: one more cell hidden, so the 4 cannot be worked out from the total of 29.
    assert list(shown.values()).count("fewer than 5") == 1
    assert list(shown.values()).count("not shown") == 1
    assert aberdeen.not_read.cells["Record unavailable"].display == "fewer than 5"


def test_agreed_answer_counts_instead_of_the_first_reading(worked_example, inspector):
    per_area, _ = review_results(worked_example)
    sample = per_area[2].area.record_sample  # Dundee City
    record = sample.records.get(kind="sample", position=6)  # read as excellent
    question = ReadingQuestion.objects.get(key="assessment_quality", section__template__review=worked_example)
    actions.record_agreed_answer(record, question, value="good", by=inspector)
    _, national = review_results(worked_example)
    quality = next(q for q in national.questions if q.question == question)
    assert quality.distribution.cells["Excellent"].count == 19 and quality.distribution.cells["Good"].count == 21


def test_results_page_shows_the_worked_example(worked_example, client_for, inspector):
    page = client_for(inspector).get(reverse("records:results", args=[worked_example.pk])).content.decode()
    assert "Record reading results" in page
    assert ">120<" in page and ">117<" in page and "fewer than 5" in page
    assert page.count('<svg class="app-chart" role="img"') == 15  # one chart per counted question


def test_results_page_queries_do_not_grow_with_readings(
    review, dundee, aberdeen, inspector, client_for, django_assert_max_num_queries
):
    client = client_for(inspector)
    url = reverse("records:results", args=[review.pk])
    read_sample(drawn(dundee, inspector, size=5, eligible=10, prefix="D"), inspector)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    read_sample(drawn(aberdeen, inspector, size=30, eligible=90, prefix="A"), inspector, {3: NotReadReason.OTHER})
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_results_export_goes_through_disclosure_control(worked_example, client_for, inspector):
    response = client_for(inspector).get(reverse("records:export_results", args=[worked_example.pk]))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "Area,Measure,Answer,Count,Percentage" in text.splitlines()[0]
    assert "All areas,Records read,,117," in text
    assert "Aberdeen City,Records not read,Record unavailable,fewer than 5," in text
