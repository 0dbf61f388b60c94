"""A skills-mix variation in the browser: provider request, team assessment, evaluation, made permanent."""

import pytest

from annual_returns.variations.models import VariationRequest, VariationStatus
from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in


@pytest.fixture(autouse=True)
def _no_two_factor_prompt(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


@pytest.mark.django_db(transaction=True)
def test_skills_mix_variation_from_request_to_permanent(page):
    provider = factories.ProviderFactory(name="Highland Care Homes Ltd")
    provider_user = factories.provider_user(provider)
    factories.CareServiceFactory(provider=provider, name="Ness Bank Care Home")
    inspector = factories.inspector()

    sign_in(page, provider_user, factories.PASSWORD)
    page.get_by_role("link", name="Variations").click()
    page.get_by_role("button", name="Request a variation").click()
    page.get_by_text("Cost saving alone is not an acceptable reason for a variation").wait_for()
    check_accessibility(page)
    page.get_by_label("Ness Bank Care Home").check()
    page.get_by_label("Skills mix (staffing schedule)").check()
    page.get_by_role("button", name="Submit variation request").click()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    page.get_by_label("Current staffing schedule").fill("Nurse, Day, 3\nCare worker, Day, 8")
    page.get_by_label("Proposed staffing schedule").fill("Nurse, Day, 2\nSenior carer, Day, 2\nCare worker, Day, 8")
    page.get_by_label("Why do you want to make this change?").fill("More continuity of care for residents")
    page.get_by_label("Engagement with local commissioners").fill(
        "Met Highland HSCP commissioners, 3 March: supportive"
    )
    page.get_by_label("Engagement with residents and relatives").fill(
        "Relatives' meeting, 10 March: asked about nights"
    )
    page.get_by_label("How will you evaluate").fill("Monthly audit of medication errors and falls")
    page.get_by_role("button", name="Submit variation request").click()
    page.get_by_role("heading", name="Skills mix", exact=False).wait_for()
    check_accessibility(page)
    variation = VariationRequest.objects.get()
    sign_out(page)

    sign_in(page, inspector, factories.PASSWORD)
    page.goto(variation.get_absolute_url())
    check_accessibility(page)
    page.get_by_label("Request more information").fill("How will night shifts be covered?")
    page.get_by_role("button", name="Send the request").click()
    sign_out(page)

    sign_in(page, provider_user, factories.PASSWORD)
    page.goto(variation.get_absolute_url())
    page.get_by_label("Your answer").fill("A nurse on call from our sister home")
    page.get_by_role("button", name="Send your answer").click()
    sign_out(page)

    sign_in(page, inspector, factories.PASSWORD)
    page.goto(variation.get_absolute_url())
    page.get_by_label("Time-limited conditions").fill("Monthly audit report to the registration team")
    page.get_by_label("Conditions end on").fill("30/06/2027")
    page.get_by_role("button", name="Agree with conditions").click()
    page.get_by_text("Look at all quality themes").wait_for()
    sign_out(page)

    sign_in(page, provider_user, factories.PASSWORD)
    page.goto(variation.get_absolute_url())
    page.get_by_label("Your evaluation of the change").fill("No rise in medication errors")
    page.get_by_role("button", name="Submit the evaluation").click()
    sign_out(page)

    sign_in(page, inspector, factories.PASSWORD)
    page.goto(variation.get_absolute_url())
    check_accessibility(page)
    page.get_by_label("Make the variation permanent").check()
    page.get_by_role("button", name="Record the outcome").click()
    page.get_by_text("Made permanent").first.wait_for()
    check_accessibility(page)
    variation.refresh_from_db()
    assert variation.status == VariationStatus.PERMANENT
