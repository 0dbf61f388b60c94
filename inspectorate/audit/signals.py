"""Sign-in events reach the audit trail through Django's own authentication signals."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from inspectorate.audit.trail import Action, record


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    record(user, Action.SIGN_IN)


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(user, Action.SIGN_OUT)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    # The attempted email is kept so that an administrator can see attacks on one account.
    record(None, Action.SIGN_IN_FAILED, outcome="refused", attempted_email=str(credentials.get("username", ""))[:254])
