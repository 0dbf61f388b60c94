"""Each role signs in through the real page and lands on its own home page, with no axe failures."""

import pytest

from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "make_user, heading",
    [
        (factories.inspector, "Your work"),
        (factories.support_officer, "Your work"),
        (factories.administrator, "Your work"),
        (lambda: factories.coordinator("Dundee City"), "Dundee City"),
        (
            lambda: factories.provider_user(factories.ProviderFactory(name="Highland Care Homes Ltd")),
            "Highland Care Homes Ltd",
        ),
    ],
)
def test_each_role_signs_in_and_lands_on_their_home_page(page, make_user, heading):
    user = make_user()
    page.goto("/accounts/sign-in/")
    check_accessibility(page)
    sign_in(page, user, factories.PASSWORD)
    page.get_by_role("heading", level=1, name=heading).wait_for()
    assert page.url.endswith("/")
    check_accessibility(page)


@pytest.mark.django_db(transaction=True)
def test_wrong_password_shows_the_error_summary(page):
    user = factories.inspector()
    sign_in(page, user, "not-the-password")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter a correct email address and password" in summary.inner_text()
    check_accessibility(page)
