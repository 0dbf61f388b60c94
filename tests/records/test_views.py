"""Who sees which record reading page: the team sees readings; co-ordinators see only their own area."""

import pytest
from django.urls import reverse

from inspectorate.audit.models import AuditEvent
from records import actions
from records.models import Answer, ReadingQuestion
from tests.records.factories import answer_everything


@pytest.fixture
def assigned(dundee_sample, inspector, support_officer):
    actions.assign_readers(dundee_sample, readers=[inspector, support_officer], qa_share=10, by=inspector)
    return dundee_sample


def team_urls(sample):
    area = sample.review_area
    record = sample.records.get(kind="sample", position=1)
    reading = record.readings.get(is_second=False)
    question = ReadingQuestion.objects.filter(section__template__review=area.review, kind="evaluation").first()
    return [
        reverse("records:index"),
        reverse("records:review", args=[area.review_id]),
        reverse("records:fields", args=[area.review_id]),
        reverse("records:results", args=[area.review_id]),
        reverse("records:export_results", args=[area.review_id]),
        reverse("records:export_readings", args=[area.review_id]),
        reverse("records:sample", args=[area.pk]),
        reverse("records:assign_readers", args=[area.pk]),
        reverse("records:moderation", args=[area.pk]),
        reverse("records:reading", args=[reading.pk]),
        reverse("records:reading_section", args=[reading.pk, 1]),
        reverse("records:not_read", args=[record.pk]),
        reverse("records:agree", args=[record.pk, question.pk]),
    ]


def area_urls(sample):
    return [
        reverse("records:case_list", args=[sample.review_area_id]),
        reverse("records:area_results", args=[sample.review_area_id]),
    ]


def test_anonymous_visitor_is_sent_to_sign_in(client, assigned):
    for url in team_urls(assigned) + area_urls(assigned):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url


def test_coordinator_gets_404_for_every_team_page(client_for, coordinator, assigned):
    client = client_for(coordinator)
    for url in team_urls(assigned):
        assert client.get(url).status_code == 404, url


def test_inspector_not_on_the_team_gets_404_everywhere(client_for, outsider_inspector, assigned):
    client = client_for(outsider_inspector)
    for url in team_urls(assigned)[1:] + area_urls(assigned):
        assert client.get(url).status_code == 404, url


def test_coordinator_of_other_area_gets_404(client_for, other_coordinator, assigned):
    actions.release_results(assigned, by=assigned.drawn_by)
    client = client_for(other_coordinator)
    for url in area_urls(assigned):
        assert client.get(url).status_code == 404, url


def test_team_actions_by_post_are_404_for_a_coordinator(client_for, coordinator, assigned):
    client = client_for(coordinator)
    record = assigned.records.get(kind="sample", position=1)
    reading = record.readings.get(is_second=False)
    for url in [
        reverse("records:release", args=[assigned.review_area_id]),
        reverse("records:replace", args=[record.pk]),
        reverse("records:complete_reading", args=[reading.pk]),
        reverse("records:install_template", args=[assigned.review_area.review_id]),
    ]:
        assert client.post(url).status_code == 404, url


def test_team_member_sees_each_page_with_its_content(client_for, inspector, assigned):
    client = client_for(inspector)
    expected = [
        "Record reading",
        "Participating areas",
        "Case list fields",
        "Record reading results",
        "Area,Measure",
        "Area,Reference,Reading",
        "Records in the sample",
        "Assign readers",
        "Moderation: Dundee City",
        "Record DC-",
        "Assessment",
        "Mark record DC-",
        "Agreed answer for record DC-",
    ]
    for url, text in zip(team_urls(assigned), expected, strict=True):
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_coordinator_sees_their_case_list_and_the_records_to_make_available(client_for, coordinator, assigned):
    page = client_for(coordinator).get(reverse("records:case_list", args=[assigned.review_area_id])).content.decode()
    assert "Records to make available" in page
    first = assigned.records.get(kind="sample", position=1).reference
    assert first in page
    assert "Reader" not in page and "Assessment" not in page


def test_coordinator_sees_results_only_once_released(client_for, coordinator, inspector, assigned):
    client = client_for(coordinator)
    url = reverse("records:area_results", args=[assigned.review_area_id])
    assert client.get(url).status_code == 404
    client_for(inspector).post(reverse("records:release", args=[assigned.review_area_id]))
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert "Record reading results: Dundee City" in page and "Records drawn" in page
    assert "Release results" not in page


def test_viewing_a_reading_is_audited(client_for, inspector, assigned):
    reading = assigned.records.get(kind="sample", position=1).readings.get(is_second=False)
    client_for(inspector).get(reverse("records:reading", args=[reading.pk]))
    event = AuditEvent.objects.get(action="view", object_type="records.Reading", object_id=str(reading.pk))
    assert event.actor == inspector


def test_reader_saves_a_section_and_continues_to_the_next(client_for, assigned):
    reading = assigned.records.get(kind="sample", position=1).readings.get(is_second=False)
    client = client_for(reading.reader)
    url = reverse("records:reading_section", args=[reading.pk, 1])
    response = client.post(url, {"q1": "yes"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: Assessment" in page and "govuk-error-summary" in page
    assert not Answer.objects.filter(reading=reading).exists()
    response = client.post(url, {"q1": "yes", "q2": "partly", "q3": "good", "q4": "Chronology out of date"})
    assert response["Location"] == reverse("records:reading_section", args=[reading.pk, 2])
    saved = {a.question.key: (a.value, a.note) for a in reading.answers.select_related("question")}
    assert saved["assessment_quality"] == ("good", "") and saved["assessment_notes"] == ("", "Chronology out of date")
    reading.refresh_from_db()
    assert reading.sections_done == [1]


def test_team_member_who_is_not_the_reader_cannot_open_the_form(client_for, assigned):
    reading = assigned.records.get(kind="sample", position=1).readings.get(is_second=False)
    other = assigned.records.get(kind="sample", position=2).readings.get(is_second=False).reader
    assert other != reading.reader
    response = client_for(other).get(reverse("records:reading_section", args=[reading.pk, 1]))
    assert response["Location"] == reverse("records:reading", args=[reading.pk])


def test_reader_finishes_a_reading(client_for, assigned):
    reading = assigned.records.get(kind="sample", position=3).readings.get(is_second=False)
    client = client_for(reading.reader)
    for number, data in enumerate(
        [
            {"q1": "yes", "q2": "yes", "q3": "good"},
            {"q1": "yes", "q2": "no", "q3": "adequate"},
            {"q1": "no", "q2": "partly", "q3": "weak"},
            {"q1": "yes", "q2": "yes", "q3": "very_good"},
            {"q1": "not_applicable", "q2": "yes", "q3": "good"},
        ],
        start=1,
    ):
        client.post(reverse("records:reading_section", args=[reading.pk, number]), data)
    response = client.post(reverse("records:complete_reading", args=[reading.pk]))
    assert response.status_code == 302
    reading.refresh_from_db()
    assert reading.is_complete


def test_not_read_with_other_reason_needs_detail_and_the_record_is_then_replaced(client_for, inspector, assigned):
    client = client_for(inspector)
    record = assigned.records.get(kind="sample", position=2)
    url = reverse("records:not_read", args=[record.pk])
    response = client.post(url, {"reason": "other"})
    assert response.status_code == 400 and "Enter the reason" in response.content.decode()
    client.post(url, {"reason": "unavailable"})
    response = client.post(reverse("records:replace", args=[record.pk]), follow=True)
    first_reserve = assigned.records.get(kind="reserve", position=1)
    assert f"replaced by reserve record {first_reserve.reference}" in response.content.decode()


def test_lead_records_the_agreed_answer(client_for, inspector, support_officer, assigned):
    record = assigned.records.get(kind="sample", position=1)
    first, second = record.readings.order_by("is_second")
    answer_everything(first)
    answer_everything(second)
    question = ReadingQuestion.objects.get(key="views_quality", section__template__review=assigned.review_area.review)
    first.answers.filter(question=question).update(value="good")
    second.answers.filter(question=question).update(value="excellent")
    client = client_for(inspector)
    page = client.get(reverse("records:moderation", args=[assigned.review_area_id])).content.decode()
    assert "How well are the child and their family supported" in page and "Excellent" in page
    client.post(reverse("records:agree", args=[record.pk, question.pk]), {"value": "very_good"})
    assert record.moderated_answers.get(question=question).value == "very_good"


def test_draw_page_draws_and_shows_the_seed(client_for, inspector, dundee):
    from tests.records.factories import case_list

    case_list(dundee, 40)
    client = client_for(inspector)
    url = reverse("records:sample", args=[dundee.pk])
    response = client.post(url, {"size": "50", "reserve_size": "5", "stratify_by": "", "seed": ""})
    assert response.status_code == 400 and "the sample cannot be larger" in response.content.decode()
    client.post(url, {"size": "10", "reserve_size": "5", "stratify_by": "age_band", "seed": "visible-seed"})
    page = client.get(url).content.decode()
    assert "visible-seed" in page and "Draw history" in page


def test_nav_and_home_sections_by_role(client_for, inspector, coordinator, assigned):
    home = client_for(inspector).get("/").content.decode()
    assert reverse("records:index") in home and "Records to read" in home
    home = client_for(coordinator).get("/").content.decode()
    assert f'href="{reverse("records:index")}"' not in home
    assert "Make the sampled records available" in home


def test_fields_page_adds_a_field_and_refuses_identifying_ones(client_for, inspector, review, dundee):
    client = client_for(inspector)
    url = reverse("records:fields", args=[review.pk])
    response = client.post(url, {"label": "Date of birth", "allowed_values": "a\nb"})
    assert response.status_code == 200 and "must not hold names, dates of birth" in response.content.decode()
    assert "<title>Error: " in response.content.decode()
    client.post(url, {"label": "Team", "allowed_values": "East\nWest"})
    assert review.case_list_fields.get(name="team").allowed_values == ["East", "West"]


def test_sample_and_review_pages_queries_do_not_grow_with_records(
    client_for, inspector, support_officer, dundee, aberdeen, django_assert_max_num_queries
):
    from tests.records.factories import drawn

    client = client_for(inspector)
    small = drawn(dundee, inspector, size=3, reserve=1, eligible=10, prefix="D")
    actions.assign_readers(small, readers=[inspector, support_officer], qa_share=50, by=inspector)
    urls = [reverse("records:sample", args=[dundee.pk]), reverse("records:review", args=[dundee.review_id])]
    counts = []
    for url in urls:
        with django_assert_max_num_queries(40) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    large = drawn(aberdeen, inspector, size=40, reserve=10, eligible=90, prefix="A")
    actions.assign_readers(large, readers=[inspector, support_officer], qa_share=50, by=inspector)
    actions.draw_sample(dundee, size=9, reserve_size=1, seed="again", by=inspector)
    for url, count in zip([reverse("records:sample", args=[aberdeen.pk]), urls[1]], counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get(url)
