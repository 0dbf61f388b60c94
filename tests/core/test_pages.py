"""Every role lands on its own home page; error pages are friendly; nothing here returns a 500."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(
    "persona, heading",
    [
        ("inspector", "Your work"),
        ("support_officer", "Your work"),
        ("administrator", "Go to administration"),
        ("coordinator", "Dundee City"),
    ],
)
def test_each_role_sees_its_home_page(client_for, request, persona, heading):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("core:home"))
    assert response.status_code == 200
    assert heading in response.content.decode()


def test_provider_home_lists_only_their_own_services(client_for, provider_user, other_provider_user):
    mine = factories.CareServiceFactory(provider=provider_user.provider, name="Ness Bank Care Home")
    factories.CareServiceFactory(provider=other_provider_user.provider, name="Someone Else's Home")
    page = client_for(provider_user).get(reverse("core:home")).content.decode()
    assert mine.name in page
    assert "Someone Else" not in page


def test_unknown_page_shows_friendly_404(client_for, inspector):
    response = client_for(inspector).get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_server_error_page_renders_without_request_context(rf):
    from inspectorate.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_health_check_answers(client, db):
    assert client.get(reverse("core:health")).json() == {"status": "ok"}


def test_navigation_shows_care_services_to_inspectors_only(client_for, inspector, coordinator):
    assert "Care services" in client_for(inspector).get(reverse("core:home")).content.decode()
    assert "Care services" not in client_for(coordinator).get(reverse("core:home")).content.decode()


def test_refused_access_by_a_signed_in_user_is_audited(client_for, provider_user, other_provider_user):
    from inspectorate.audit.models import Action, AuditEvent

    theirs = factories.CareServiceFactory(provider=other_provider_user.provider)
    client_for(provider_user).get(theirs.get_absolute_url())
    event = AuditEvent.objects.get(action=Action.ACCESS_REFUSED)
    assert event.actor == provider_user
    assert event.detail["path"] == theirs.get_absolute_url()
    assert event.outcome == "404"
