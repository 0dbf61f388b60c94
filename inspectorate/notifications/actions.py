"""Create notifications. Call `notify` inside the transaction of the change that causes it."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspectorate.notifications import catalogue
from inspectorate.notifications.models import Notification
from inspectorate.notifications.sending import render_subject

logger = logging.getLogger(__name__)


def notify(recipient, template, *, reason, context=None, related=None, due_at=None, dedupe_key="", to_email=None):
    """Write a notification to the outbox and queue it to send after the transaction commits.

    A notification with a dedupe_key that already exists is not created again (returns None), so
    scheduled reminders can be swept any number of times. If the change rolls back, the row goes
    with it and nothing is sent.
    """
    catalogue.get(template)  # an unknown template is a programming error: fail loudly, now
    context = context or {}
    notification = Notification(
        recipient=recipient,
        to_email=to_email or recipient.email,
        template=template,
        subject=render_subject(template, context)[:200],
        context=context,
        reason=reason,
        related_type=ContentType.objects.get_for_model(related) if related is not None else None,
        related_id=str(related.pk) if related is not None else "",
        due_at=due_at or timezone.now(),
        dedupe_key=dedupe_key,
        in_digest=bool(recipient and recipient.email_digest),
    )
    if dedupe_key:
        if Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            return None
    else:
        notification.save()
    if notification.due_at <= timezone.now() and not notification.in_digest:
        transaction.on_commit(lambda: enqueue(notification.pk))
    return notification


def enqueue(notification_id):
    """Hand a notification to Celery. If the broker is down, the outbox sweep sends it later."""
    from inspectorate.notifications.tasks import send_notification

    try:
        # No publish retries: with the broker down the request must not wait; the sweep sends it.
        send_notification.apply_async(args=[notification_id], retry=False)
    except Exception:  # the broker being unreachable must never break the user's request
        logger.warning("Could not queue notification %s; the outbox sweep will send it", notification_id)
