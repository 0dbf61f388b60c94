"""Celery tasks for notifications: thin, take ids, safe to run twice."""

import logging

from celery import shared_task

from inspectorate.notifications import sending

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=sending.MAX_ATTEMPTS - 1, default_retry_delay=30)
def send_notification(self, notification_id):
    notification = sending.claim(notification_id)
    if notification is None:
        return "already handled"
    try:
        sending.deliver(notification)
    except Exception as error:
        if notification.attempts < sending.MAX_ATTEMPTS:
            # Back off: 30 s, 60 s, 120 s, ...
            raise self.retry(exc=error, countdown=30 * 2 ** (notification.attempts - 1)) from error
        return "failed"
    return "sent"


@shared_task
def send_daily_digests():
    """Daily: one summary email to each person who chose a digest and has notices waiting."""
    from inspectorate.notifications.models import Notification, Status

    recipients = (
        Notification.objects.filter(in_digest=True, status=Status.PENDING)
        .values_list("recipient", flat=True)
        .distinct()
    )
    from inspectorate.accounts.models import User

    sent = 0
    for user in User.objects.filter(pk__in=list(recipients), is_active=True):
        try:
            sent += sending.send_digest(user)
        except Exception:
            logger.warning("Could not send the daily summary to user %s", user.pk, exc_info=True)
    return sent


@shared_task
def sweep_outbox():
    """Send whatever is due and unsent: the safety net for a broker or worker that was down."""
    sent = 0
    for notification_id in sending.due_for_sweep():
        notification = sending.claim(notification_id)
        if notification is None:
            continue
        try:
            sending.deliver(notification)
            sent += 1
        except Exception:
            # Left pending (or failed) with its error on the row; the next sweep tries again.
            logger.warning("Sweep could not send notification %s", notification_id, exc_info=True)
    return sent
