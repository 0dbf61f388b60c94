"""The team's and the co-ordinator's survey pages in a real browser, each checked with axe."""

import pytest

from reviews.models import TeamRole
from surveys import actions
from surveys.models import Audience
from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in
from tests.reviews.factories import ReviewFactory, add_area, add_team_member
from tests.surveys.factories import add_responses, link_for, seeded_survey


@pytest.fixture
def answered_survey(db):
    inspector = factories.inspector(full_name="Fiona Mackenzie")
    coordinator = factories.coordinator("Dundee City")
    review = ReviewFactory(lead_inspector=inspector)
    add_team_member(review, inspector, TeamRole.LEAD_INSPECTOR)
    add_area(review, coordinator)
    add_area(review, factories.coordinator("Aberdeen City"))
    survey = seeded_survey(review, Audience.CHILDREN, by=inspector)
    safe = survey.sections.get(title="How you are doing").questions.get(text="I feel safe.")
    options = list(safe.options.all())
    link = link_for(survey, coordinator)
    add_responses(link, options[0], 12)
    add_responses(link, options[1], 3)
    return survey, link, inspector, coordinator


@pytest.mark.django_db(transaction=True)
def test_team_builds_and_reads_results_with_no_axe_failures(page, settings, answered_survey):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    survey, link, inspector, _ = answered_survey
    sign_in(page, inspector, factories.PASSWORD)
    page.get_by_role("heading", level=1).wait_for()

    page.goto("/surveys/")
    page.get_by_role("link", name=survey.title).wait_for()
    check_accessibility(page)
    page.goto("/surveys/new/")
    check_accessibility(page)
    page.get_by_role("button", name="Create survey").click()
    page.locator(".govuk-error-summary").wait_for()
    check_accessibility(page)

    page.goto(survey.get_absolute_url())
    page.get_by_role("heading", name="Questions").wait_for()
    check_accessibility(page)
    page.get_by_role("link", name="See the results").click()
    page.get_by_role("heading", name=f"Results: {survey.title}").wait_for()
    assert "fewer than 5" in page.content()
    assert page.locator("svg.app-chart[role=img]").count() > 0
    check_accessibility(page)
    page.get_by_role("button", name="Release results to Dundee City").click()
    page.get_by_text("Results released to Dundee City").wait_for()
    check_accessibility(page)


@pytest.mark.django_db(transaction=True)
def test_coordinator_shares_links_and_reads_released_results(page, answered_survey):
    survey, link, inspector, coordinator = answered_survey
    actions.release_results(link, by=inspector)
    sign_in(page, coordinator, factories.PASSWORD)
    page.get_by_role("heading", level=1, name="Dundee City").wait_for()
    check_accessibility(page)
    page.goto("/surveys/shared/")
    assert link.token in page.content()
    check_accessibility(page)
    page.get_by_role("link", name=f"See your area's results for {survey.title}").click()
    page.get_by_role("heading", name=f"Results: {survey.title}").wait_for()
    assert "Dundee City: 15 responses" in page.content()
    check_accessibility(page)
