"""The national overview and area feedback reports: what the PDFs say, what they never say, who reads them."""

import pytest

from inspectorate.reports.models import Report, ReportStatus
from reviews.reports import build_area_feedback, build_national
from tests.reports.conftest import CLEARED_TEXT, UNCLEARED_TEXT, answer_survey
from tests.reports.pdf_text import reader_of, rendered, text_of
from tests.reviews.factories import add_area


def names(*users):
    return [user.full_name for user in users]


def test_national_report_has_every_section_and_names_nobody(
    full_review, inspector, support_officer, coordinator, other_coordinator
):
    report = rendered("national-overview", full_review, inspector)
    assert report.status == ReportStatus.READY, report.error
    text = text_of(report)
    for heading in [
        "Contents",
        "Summary",
        "About this review",
        "How we carried out the review",
        "What we found",
        "Key messages",
        "Strengths",
        "Areas for development",
        "Evaluations",
        "Survey results",
        "Record reading results",
        "In their own words",
        "About the figures",
    ]:
        assert heading in text, heading
    assert "Children benefited from people they knew." in text
    assert "National evaluation: Adequate." in text
    assert "fewer than 5" in text  # one area graded good on QI 2.1: too few to show
    assert CLEARED_TEXT in text
    for forbidden in [UNCLEARED_TEXT, "Jean Smith", *names(inspector, support_officer, coordinator, other_coordinator)]:
        assert forbidden not in text, forbidden
    assert "Dundee's plans were timely." not in text  # an area's own finding stays in its feedback


def test_national_report_pdf_is_tagged_titled_and_in_english(full_review, inspector):
    report = rendered("national-overview", full_review, inspector)
    reader = reader_of(report)
    assert reader.metadata.title == f"National overview: {full_review.title}"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "Page 2 of" in text_of(report)
    assert report.pages >= 8


def test_area_feedback_shows_the_area_beside_all_areas_and_suppresses_small_counts(
    full_review, dundee, inspector, coordinator, other_coordinator
):
    report = rendered("area-feedback", dundee, inspector)
    text = text_of(report)
    assert "Feedback to Dundee City" in text
    assert "Record reading results" in text and "Staff survey results" in text
    assert "Dundee City: number" in text and "All areas: number" in text
    assert "Dundee's plans were timely." in text
    assert "fewer than 5" in text  # three staff in Dundee answered "No"
    assert "Aberdeen City" not in text
    for forbidden in [UNCLEARED_TEXT, "Jean Smith", *names(inspector, coordinator, other_coordinator)]:
        assert forbidden not in text, forbidden


def test_staff_survey_report_shows_one_area_only(full_review, dundee, inspector, coordinator):
    text = text_of(rendered("staff-survey", dundee, inspector))
    assert "Staff survey in Dundee City" in text
    assert "Do services help?" in text
    assert "15" in text and "fewer than 5" in text
    assert CLEARED_TEXT in text
    assert UNCLEARED_TEXT not in text and coordinator.full_name not in text


def test_national_build_queries_do_not_grow_with_responses_or_areas(
    full_review, django_assert_max_num_queries, inspector
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        build_national(full_review)
    survey = full_review.surveys.get()
    extra = add_area(full_review, area_name="Highland")
    from surveys.actions import create_links

    create_links(survey)
    answer_survey(survey, extra, 30, 10)
    for area in full_review.areas.all():
        answer_survey(survey, area, 5, 5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        build_national(full_review)


def test_area_build_queries_do_not_grow_with_responses(full_review, dundee, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        build_area_feedback(dundee)
    answer_survey(full_review.surveys.get(), dundee, 40, 40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        build_area_feedback(dundee)


@pytest.mark.parametrize("kind_key", ["area-feedback", "staff-survey"])
def test_coordinator_reads_their_area_report_only_once_released(
    kind_key,
    full_review,
    dundee,
    aberdeen,
    inspector,
    coordinator,
    other_coordinator,
    client_for,
    client,
    django_capture_on_commit_callbacks,
):
    team = client_for(inspector)
    with django_capture_on_commit_callbacks(execute=True):
        team.post(f"/reports/{kind_key}/{dundee.pk}/generate/")
    report = Report.objects.get(kind=kind_key, subject_id=str(dundee.pk))
    team.logout()

    own = client_for(coordinator)
    assert own.get(f"/reports/{kind_key}/{dundee.pk}/").status_code == 404  # not released yet
    assert own.get(f"/reports/{report.pk}/download/").status_code == 404
    own.logout()

    team = client_for(inspector)
    page = team.get(f"/reports/{kind_key}/{dundee.pk}/").content.decode()
    assert "Release to the co-ordinator" in page
    team.post(f"/reports/release/{kind_key}/{dundee.pk}/")
    assert "Released" in team.get(f"/reports/{kind_key}/{dundee.pk}/").content.decode()
    team.logout()

    own = client_for(coordinator)
    home = own.get(f"/reports/{kind_key}/{dundee.pk}/")
    assert home.status_code == 200 and "Make the PDF" not in home.content.decode()
    download = own.get(f"/reports/{report.pk}/download/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert own.post(f"/reports/{kind_key}/{dundee.pk}/generate/").status_code == 404
    assert own.post(f"/reports/release/{kind_key}/{aberdeen.pk}/").status_code == 404
    own.logout()

    other = client_for(other_coordinator)
    assert other.get(f"/reports/{kind_key}/{dundee.pk}/").status_code == 404
    assert other.get(f"/reports/{report.pk}/").status_code == 404
    assert other.get(f"/reports/{report.pk}/download/").status_code == 404
    other.logout()
    assert client.get(f"/reports/{report.pk}/download/").status_code == 302


def test_release_before_any_version_is_refused(full_review, dundee, inspector, client_for):
    team = client_for(inspector)
    response = team.post(f"/reports/release/area-feedback/{dundee.pk}/", follow=True)
    assert "Make the PDF before you release it" in response.content.decode()


def test_area_reports_are_never_public(
    full_review, dundee, inspector, client_for, client, django_capture_on_commit_callbacks
):
    team = client_for(inspector)
    with django_capture_on_commit_callbacks(execute=True):
        team.post(f"/reports/area-feedback/{dundee.pk}/generate/")
    report = Report.objects.get(kind="area-feedback")
    status = team.get(f"/reports/{report.pk}/").content.decode()
    assert "Publish this version" not in status
    team.post(f"/reports/{report.pk}/publish/")
    report.refresh_from_db()
    assert report.published_at is None
    team.logout()
    assert client.get(f"/reports/published/{report.pk}/").status_code == 404
    assert client.get(f"/reports/published/{report.pk}/pdf/").status_code == 404


def test_national_report_is_for_the_team_not_coordinators(full_review, coordinator, outsider_inspector, client_for):
    for user in (coordinator, outsider_inspector):
        other = client_for(user)
        assert other.get(f"/reports/national-overview/{full_review.pk}/").status_code == 404
        assert other.get(f"/reports/national-overview/{full_review.pk}/preview/").status_code == 404
        other.logout()


def test_team_previews_the_national_report_in_the_browser(full_review, inspector, client_for):
    page = client_for(inspector).get(f"/reports/national-overview/{full_review.pk}/preview/").content.decode()
    assert '<html lang="en-GB">' in page
    assert "Survey results" in page and 'alt="Do services help?' in page
