"""Verbs for accounts."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from inspectorate.accounts.models import User
from inspectorate.notifications.actions import notify


def set_password_link(user):
    """A one-time link for the user to choose a password (Django's password-reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:password-reset-confirm", args=[uid, token])


@transaction.atomic
def invite_user(*, email, full_name, role, local_authority=None, provider=None, invited_by=None):
    """Create an account with no password and email the person a link to choose one."""
    user = User.objects.create_user(
        email, full_name=full_name, role=role, local_authority=local_authority, provider=provider
    )
    send_invitation(user)
    return user


def send_invitation(user):
    notify(
        user,
        "account_invitation",
        reason="An account was created for you",
        context={"full_name": user.full_name, "role": user.get_role_display(), "link": set_password_link(user)},
        related=user,
    )
