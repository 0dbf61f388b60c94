"""The team's reports page, the excerpts page, the public page and the co-ordinator's home."""

from datetime import date

from inspectorate.reports.models import ClearedExcerpt, Release
from reviews.models import Evaluation, PublishedUpdate, ReviewKind
from surveys.models import Answer
from tests.reports.conftest import CLEARED_TEXT, UNCLEARED_TEXT
from tests.reports.pdf_text import rendered, text_of


def test_team_reports_page_lists_each_area_report_and_its_release(full_review, dundee, inspector, client_for):
    Release.objects.create(kind="area-feedback", subject_id=str(dundee.pk), released_by=inspector)
    page = client_for(inspector).get(f"/reports/review/{full_review.pk}/").content.decode()
    assert "National overview report" in page
    assert f"/reports/area-feedback/{dundee.pk}/" in page and f"/reports/staff-survey/{dundee.pk}/" in page
    assert "Released" in page and "Not released" in page
    assert f"/reports/excerpts/{full_review.pk}/" in page


def test_reports_page_is_for_the_team_only(full_review, coordinator, outsider_inspector, client_for, client):
    for user in (coordinator, outsider_inspector):
        other = client_for(user)
        assert other.get(f"/reports/review/{full_review.pk}/").status_code == 404
        assert other.get(f"/reports/excerpts/{full_review.pk}/").status_code == 404
        other.logout()
    assert client.get(f"/reports/review/{full_review.pk}/").status_code == 302


def test_reports_page_queries_do_not_grow_with_areas(full_review, inspector, client_for, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.reviews.factories import add_area

    team = client_for(inspector)
    with CaptureQueriesContext(connection) as small:
        team.get(f"/reports/review/{full_review.pk}/")
    for name in ["Highland", "Fife", "Moray"]:
        add_area(full_review, area_name=name)
    with django_assert_max_num_queries(len(small.captured_queries)):
        team.get(f"/reports/review/{full_review.pk}/")


def test_team_clears_an_edited_excerpt_and_reports_quote_only_that(full_review, dundee, inspector, client_for):
    team = client_for(inspector)
    page = team.get(f"/reports/excerpts/{full_review.pk}/").content.decode()
    assert CLEARED_TEXT in page and UNCLEARED_TEXT in page
    answer = Answer.objects.filter(text=UNCLEARED_TEXT, cleared_excerpt__isnull=True).first()
    response = team.post(
        f"/reports/excerpts/{full_review.pk}/{answer.pk}/clear/", {"text": "A worker helped my son every week."}
    )
    assert response.status_code == 302
    excerpt = ClearedExcerpt.objects.get(answer=answer)
    assert excerpt.area == dundee and excerpt.cleared_by == inspector
    text = text_of(rendered("area-feedback", dundee, inspector))
    assert "A worker helped my son every week." in text and "Jean Smith" not in text


def test_clearing_an_empty_excerpt_shows_the_error_and_keeps_the_answer(full_review, inspector, client_for):
    team = client_for(inspector)
    answer = Answer.objects.filter(text=UNCLEARED_TEXT, cleared_excerpt__isnull=True).first()
    response = team.post(f"/reports/excerpts/{full_review.pk}/{answer.pk}/clear/", {"text": "  "})
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page and "Enter the passage as it may be quoted" in page
    assert not ClearedExcerpt.objects.filter(answer=answer).exists()


def test_withdrawn_excerpt_leaves_the_next_report(full_review, dundee, inspector, client_for):
    excerpt = ClearedExcerpt.objects.get()
    team = client_for(inspector)
    team.post(f"/reports/excerpts/{full_review.pk}/cleared/{excerpt.pk}/withdraw/")
    assert not ClearedExcerpt.objects.exists()
    assert CLEARED_TEXT not in text_of(rendered("staff-survey", dundee, inspector))


def test_published_national_report_is_on_the_public_page_without_sign_in(
    full_review, inspector, client_for, client, django_capture_on_commit_callbacks
):
    PublishedUpdate.objects.create(review=full_review, title="Update", published_on=date(2024, 1, 15), done_so_far="x")
    team = client_for(inspector)
    with django_capture_on_commit_callbacks(execute=True):
        team.post(f"/reports/national-overview/{full_review.pk}/generate/")
    public_page = f"/reviews/public/{full_review.slug}/"
    team.logout()
    assert "National overview report" not in client.get(public_page).content.decode()
    from inspectorate.reports.models import Report

    report = Report.objects.get(kind="national-overview")
    team = client_for(inspector)
    team.post(f"/reports/{report.pk}/publish/")
    team.logout()
    page = client.get(public_page).content.decode()
    assert f"/reports/published/{report.pk}/" in page and f"/reports/published/{report.pk}/pdf/" in page
    html = client.get(f"/reports/published/{report.pk}/").content.decode()
    assert "Record reading results" in html and '<html lang="en-GB">' in html
    assert UNCLEARED_TEXT not in html and inspector.full_name not in html


def test_coordinator_home_lists_only_their_released_reports(
    full_review, dundee, aberdeen, inspector, coordinator, client_for
):
    Release.objects.create(kind="area-feedback", subject_id=str(dundee.pk), released_by=inspector)
    Release.objects.create(kind="staff-survey", subject_id=str(aberdeen.pk), released_by=inspector)
    page = client_for(coordinator).get("/").content.decode()
    assert f"/reports/area-feedback/{dundee.pk}/" in page
    assert f"/reports/staff-survey/{aberdeen.pk}/" not in page


def test_validation_letter_for_a_self_evaluation_area(full_review, dundee, inspector, coordinator, client_for):
    assert client_for(inspector).get(f"/reports/validation-letter/{dundee.pk}/preview/").status_code == 404
    full_review.kind = ReviewKind.SELF_EVALUATION
    full_review.save(update_fields=["kind"])
    assert Evaluation.objects.filter(area=dundee).exists()
    text = text_of(rendered("validation-letter", dundee, inspector))
    assert "Our validation of your self-evaluation" in text and "Dundee City" in text
    assert "Good" in text and "Most plans were timely." in text
    assert coordinator.full_name not in text and inspector.full_name not in text
