"""A provider with two services fills in a return through the whole task list, across a sign-out."""

import datetime

import pytest
from django.utils import timezone

from annual_returns.models import AnnualReturn, ReturnStatus
from inspectorate.organisations.models import ServiceType
from tests import factories
from tests.annual_returns.factories import CycleFactory
from tests.e2e.conftest import check_accessibility, sign_in


@pytest.fixture(autouse=True)
def _no_two_factor_prompt(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []


def fill_section(page, overrides=None):
    """Answer every question on a section page: 0 for numbers, the first option, a short text."""
    for field in page.locator("input[inputmode=numeric], input[inputmode=decimal]").all():
        field.fill("0")
    for name in set(page.locator("input[type=radio]").evaluate_all("els => els.map(e => e.name)")):
        if name != "completed":
            page.locator(f"input[type=radio][name='{name}']").first.check()
    for field in page.locator("textarea:visible").all():
        field.fill("Answered in the browser")
    for label, value in (overrides or {}).items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()


@pytest.mark.django_db(transaction=True)
def test_provider_completes_and_submits_a_return_across_a_sign_out(page):
    today = timezone.localdate()
    CycleFactory(
        year=today.year + 1, opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=30)
    )
    provider = factories.ProviderFactory(name="Highland Care Homes Ltd")
    user = factories.provider_user(provider)
    factories.CareServiceFactory(provider=provider, name="Ness Bank Care Home", capacity=48)
    factories.CareServiceFactory(provider=provider, name="Little Acorns", service_type=ServiceType.DAY_CARE_OF_CHILDREN)

    sign_in(page, user, factories.PASSWORD)
    page.get_by_role("link", name="Annual returns").first.click()
    page.get_by_role("heading", name="Annual returns", level=1).wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Start the return for Ness Bank Care Home").click()
    page.get_by_role("heading", name=f"{today.year + 1} annual return").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name="Service details and status").click()
    fill_section(page)
    page.get_by_role("link", name="People using the service").click()
    fill_section(page)

    # A negative number is refused with the error summary, and nothing is lost.
    page.get_by_role("link", name="Capacity and occupancy").click()
    fill_section(page, {"Registered places": "-4", "Places occupied on 31 December": "50"})
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter a number that is 0 or more" in summary.inner_text()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    # Corrected, but more places occupied than registered: a warning to explain.
    fill_section(page, {"Registered places": "48", "Places occupied on 31 December": "50"})
    assert "more than registered places" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)
    page.get_by_label("Why are more places occupied than registered?").fill("Two couples share double rooms")
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_text("You have completed 3 of 6 sections").wait_for()

    # Sign out and back in: the work is still there.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, user, factories.PASSWORD)
    page.get_by_role("link", name="Annual returns").first.click()
    page.get_by_role("link", name="Continue the return for Ness Bank Care Home").click()
    page.get_by_text("You have completed 3 of 6 sections").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name="Staffing").click()
    check_accessibility(page)
    fill_section(
        page,
        {
            "Care and support workers: headcount on 31 December": "10",
            "Care and support workers: whole-time equivalent on 31 December": "8",
            "Care and support workers: starters during the year": "8",
            "Care and support workers: leavers during the year": "8",
        },
    )
    assert "Staff turnover is 80%" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why is staff turnover this high?").fill("A new wing opened and closed again")
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Workforce registration with the SSSC").click()
    fill_section(page)
    page.get_by_role("link", name="Infection control, nutrition and other topics").click()
    fill_section(page)

    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("heading", name="Check your answers before submitting your return").wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Accept and submit").click()
    assert "Confirm the declaration to submit the return" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)
    page.get_by_label("Your position").fill("Registered manager")
    page.get_by_label("I declare").check()
    page.get_by_role("button", name="Accept and submit").click()
    page.get_by_role("heading", name="Annual return submitted").wait_for()
    check_accessibility(page)
    annual_return = AnnualReturn.objects.get(service__name="Ness Bank Care Home")
    assert annual_return.status == ReturnStatus.SUBMITTED
    assert annual_return.reference in page.locator(".govuk-panel").inner_text()

    page.get_by_role("link", name="Back to your services' returns").click()
    page.get_by_role("link", name="View the return for Ness Bank Care Home").wait_for()
    check_accessibility(page)
