"""An inspector previews and makes the national overview report and Dundee City's feedback, and
releases the feedback; Dundee City's co-ordinator downloads it and cannot reach Aberdeen City's."""

import pytest

from reviews.models import TeamRole
from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in
from tests.records.factories import add_fields, drawn, read_sample
from tests.reports.conftest import answer_survey
from tests.reviews.factories import ReviewFactory, add_area, add_team_member
from tests.surveys.factories import simple_survey


@pytest.mark.django_db(transaction=True)
def test_inspector_makes_reports_and_coordinator_downloads_only_their_own(browser, live_server):
    inspector = factories.inspector(full_name="Fiona Mackenzie")
    coordinator = factories.coordinator("Dundee City", full_name="Graham Stewart", email="graham@dundeecity.example")
    other = factories.coordinator("Aberdeen City", full_name="Morag Campbell")
    review = ReviewFactory(lead_inspector=inspector, title="Thematic review of services for disabled children")
    add_team_member(review, inspector, TeamRole.LEAD_INSPECTOR)
    dundee = add_area(review, coordinator)
    aberdeen = add_area(review, other)
    add_fields(review)
    for area, prefix in [(dundee, "DC"), (aberdeen, "AC")]:
        read_sample(drawn(area, inspector, size=10, reserve=2, eligible=30, prefix=prefix), inspector)
    survey = simple_survey(review)
    answer_survey(survey, dundee, 12, 3)
    answer_survey(survey, aberdeen, 9, 7)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, inspector, factories.PASSWORD)

    page.goto(f"/reviews/{review.pk}/")
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("heading", level=1, name="Reports").wait_for()
    check_accessibility(page)
    page.get_by_role("link", name="Open the national overview report").click()
    check_accessibility(page)
    page.get_by_role("link", name="Preview in the browser").click()
    page.get_by_role("heading", name="Record reading results").wait_for()
    check_accessibility(page)
    page.go_back()
    page.get_by_role("button", name="Make the PDF").click()
    page.get_by_role("heading", name="Ready").wait_for()
    check_accessibility(page)
    with page.expect_download() as national:
        page.get_by_role("link", name="Download the report (PDF").click()
    assert national.value.suggested_filename.startswith("national-overview-")

    page.goto(f"/reports/review/{review.pk}/")
    page.get_by_role("link", name="Area feedback report for Dundee City").click()
    page.get_by_role("button", name="Make the PDF").click()
    page.get_by_role("heading", name="Ready").wait_for()
    page.get_by_role("link", name="All versions of this report").click()
    page.get_by_role("button", name="Release to the co-ordinator").click()
    page.get_by_text("The co-ordinator can now download this report.").wait_for()
    check_accessibility(page)
    context.close()

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, coordinator, factories.PASSWORD)
    page.goto("/")
    check_accessibility(page)
    page.get_by_role("link", name=f"Area feedback report: {review.title}").click()
    check_accessibility(page)
    with page.expect_download() as feedback:
        page.get_by_role("link", name="Download version 1 (PDF)").click()
    assert feedback.value.suggested_filename.startswith("feedback-dundee-city")

    response = page.goto(f"/reports/area-feedback/{aberdeen.pk}/")
    assert response.status == 404
    response = page.goto(f"/reports/national-overview/{review.pk}/")
    assert response.status == 404
    context.close()
