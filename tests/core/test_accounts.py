"""Sign in with email, audit of sign-ins, choosing a password, and the rules of roles."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from inspectorate.accounts.models import Role, User
from inspectorate.audit.models import Action, AuditEvent
from tests import factories


def test_sign_in_with_email_is_audited_and_lands_on_home(client, inspector):
    response = client.post(
        reverse("accounts:sign-in"), {"username": inspector.email.upper(), "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert AuditEvent.objects.filter(actor=inspector, action=Action.SIGN_IN).exists()


def test_failed_sign_in_does_not_say_whether_the_account_exists(client, inspector):
    known = client.post(reverse("accounts:sign-in"), {"username": inspector.email, "password": "wrong"})
    unknown = client.post(reverse("accounts:sign-in"), {"username": "nobody@example.org", "password": "wrong"})
    for response in (known, unknown):
        assert response.status_code == 200
        assert "Enter a correct email address and password." in response.content.decode()
        assert "Error: Sign in" in response.content.decode()
    failures = AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED)
    assert sorted(failures.values_list("actor_email", flat=True)) == ["nobody@example.org", inspector.email]


def test_empty_sign_in_form_shows_each_error(client, db):
    page = client.post(reverse("accounts:sign-in"), {}).content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_deactivated_user_cannot_sign_in(client, inspector):
    inspector.is_active = False
    inspector.save()
    assert (
        client.post(
            reverse("accounts:sign-in"), {"username": inspector.email, "password": factories.PASSWORD}
        ).status_code
        == 200
    )


def test_sign_out_is_a_post_and_audited(client_for, inspector):
    client = client_for(inspector)
    assert client.post(reverse("accounts:sign-out")).status_code == 302
    assert AuditEvent.objects.filter(actor=inspector, action=Action.SIGN_OUT).exists()
    assert client.get(reverse("core:home")).status_code == 302


def test_password_reset_link_lets_the_person_choose_a_password(client, inspector):
    client.post(reverse("accounts:password-reset"), {"email": inspector.email})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/set-password/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choose a password" in form_page.content.decode()
    new_password = "a-long-new-password-for-fiona"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    inspector.refresh_from_db()
    assert inspector.check_password(new_password)


def test_password_reset_for_unknown_email_looks_the_same(client, db):
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "role, fields, message",
    [
        (Role.COORDINATOR, {}, "A co-ordinator must belong to a local authority."),
        (Role.PROVIDER, {}, "A provider user must belong to a provider."),
    ],
)
def test_roles_need_their_organisation(db, role, fields, message):
    with pytest.raises(ValidationError, match=message):
        User.objects.create_user("x@example.org", full_name="X", role=role, **fields)


def test_only_administrators_reach_django_admin(client_for, inspector, administrator):
    assert inspector.is_staff is False
    assert client_for(inspector).get("/admin/").status_code == 302
    assert administrator.is_staff and administrator.is_superuser
    assert client_for(administrator).get("/admin/").status_code == 200


def test_admin_creates_an_account_and_the_person_is_invited(
    client_for, administrator, django_capture_on_commit_callbacks
):
    client = client_for(administrator)
    dundee = factories.local_authority("Dundee City")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/accounts/user/add/",
            {
                "email": "morag@dundeecity.example",
                "full_name": "Morag Campbell",
                "role": Role.COORDINATOR,
                "local_authority": dundee.pk,
                "provider": "",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="morag@dundeecity.example")
    assert user.local_authority == dundee and not user.has_usable_password()
    assert mail.outbox[0].to == ["morag@dundeecity.example"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/organisations/careservice/",
        "/admin/organisations/localauthority/",
        "/admin/audit/auditevent/",
        "/admin/notifications/notification/",
        "/admin/reviews/review/",
    ],
)
def test_admin_lists_render(client_for, administrator, path):
    factories.CareServiceFactory()
    assert client_for(administrator).get(path).status_code == 200


def test_audit_rows_cannot_be_changed_in_admin(client_for, administrator, inspector):
    from inspectorate.audit.trail import record

    event = record(inspector, Action.VIEW, inspector)
    client = client_for(administrator)
    assert client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
