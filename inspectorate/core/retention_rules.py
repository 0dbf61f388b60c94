"""Retention rules for the shared core's own data."""

from django.contrib.sessions.models import Session

from inspectorate import retention


def _sent_notifications(cutoff):
    from inspectorate.notifications.models import Notification, Status

    # The fact that a message was sent is kept; what it said (names, links) is not.
    return (
        Notification.objects.filter(status=Status.SENT, sent_at__lt=cutoff)
        .exclude(context={})
        .update(context={}, subject="(removed under the retention schedule)")
    )


def _expired_sessions(cutoff):
    return Session.objects.filter(expire_date__lt=cutoff).delete()[0]


def _sign_in_attempts(cutoff):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    deleted = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    deleted += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted


def _deactivated_accounts(cutoff):
    from inspectorate.accounts.models import User

    # A deactivated account keeps its row (the audit trail and records refer to it) but loses
    # the person's name and email once the period has passed.
    stale = User.objects.filter(is_active=False, last_login__lt=cutoff).exclude(email__endswith="@removed.invalid")
    count = 0
    for user in stale:
        user.full_name = "Former user"
        user.email = f"user-{user.pk}@removed.invalid"
        user.set_unusable_password()
        user.save(update_fields=["full_name", "email", "password"])
        count += 1
    return count


def register():
    retention.register(
        "notifications", "Content of sent emails", "RETENTION_NOTIFICATION_DAYS", 365, _sent_notifications
    )
    retention.register("sessions", "Expired sign-in sessions", "RETENTION_SESSION_DAYS", 1, _expired_sessions)
    retention.register(
        "sign_in_attempts",
        "Records of sign-in attempts (throttling)",
        "RETENTION_SIGN_IN_ATTEMPT_DAYS",
        90,
        _sign_in_attempts,
    )
    retention.register(
        "deactivated_accounts",
        "Names and emails of deactivated accounts",
        "RETENTION_DEACTIVATED_ACCOUNT_DAYS",
        730,
        _deactivated_accounts,
    )
