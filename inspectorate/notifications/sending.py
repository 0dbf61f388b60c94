"""Render and send one notification, claiming it first so that it is never sent twice."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from inspectorate.notifications.models import Notification, Status

MAX_ATTEMPTS = 5
# A row left "sending" this long belongs to a worker that died: the sweep may try it again.
STALE_CLAIM = timedelta(minutes=10)


def _full_context(context):
    return {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL, **context}


def render_subject(template, context):
    return render_to_string(f"notifications/{template}/subject.txt", _full_context(context)).strip()


def render(template, context):
    """Return (subject, text body, HTML body) for a template and its context."""
    full_context = _full_context(context)
    subject = render_subject(template, context)
    text = render_to_string(f"notifications/{template}/body.txt", full_context)
    html = render_to_string(f"notifications/{template}/body.html", full_context)
    return subject, text, html


def claim(notification_id):
    """Atomically move a due notification to 'sending'. Returns the row, or None if someone else has it."""
    now = timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, status=Status.PENDING, due_at__lte=now, in_digest=False
    ).update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return None
    return Notification.objects.get(pk=notification_id)


def deliver(notification):
    """Send a claimed notification. On failure, put it back to wait, or mark it failed for good."""
    try:
        subject, text, html = render(notification.template, notification.context)
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [notification.to_email])
        message.attach_alternative(html, "text/html")
        message.send()
    except Exception as error:
        gave_up = notification.attempts >= MAX_ATTEMPTS
        Notification.objects.filter(pk=notification.pk).update(
            status=Status.FAILED if gave_up else Status.PENDING, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    Notification.objects.filter(pk=notification.pk).update(status=Status.SENT, sent_at=timezone.now(), last_error="")


def due_for_sweep():
    """Ids of notifications that are due but were never sent, including claims abandoned by a dead worker."""
    now = timezone.now()
    Notification.objects.filter(status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM).update(status=Status.PENDING)
    due = Notification.objects.filter(status=Status.PENDING, due_at__lte=now, in_digest=False)
    return list(due.values_list("pk", flat=True)[:500])


def send_digest(user):
    """Send one summary of a person's due notices; returns how many it covered (0: nothing sent)."""
    now = timezone.now()
    due = Notification.objects.filter(recipient=user, in_digest=True, status=Status.PENDING, due_at__lte=now)
    ids = list(due.values_list("pk", flat=True))
    # Claim them all at once: a second digest run finds nothing to claim and sends nothing.
    claimed = Notification.objects.filter(pk__in=ids, status=Status.PENDING).update(
        status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return 0
    notices = list(
        Notification.objects.filter(pk__in=ids, status=Status.SENDING, claimed_at=now).order_by("created_at")
    )
    context = {"full_name": user.full_name, "notices": [{"subject": n.subject, "reason": n.reason} for n in notices]}
    try:
        subject, text, html = render("daily_digest", context)
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
        message.attach_alternative(html, "text/html")
        message.send()
    except Exception as error:
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
            status=Status.PENDING, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        raise
    Notification.objects.filter(pk__in=[n.pk for n in notices]).update(status=Status.SENT, sent_at=timezone.now())
    return len(notices)
