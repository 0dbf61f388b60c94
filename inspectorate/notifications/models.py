"""The notifications outbox: every message the service owes someone, written before it is sent."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Status(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Notification(models.Model):
    """A message to one person, written in the same transaction as the change that caused it.

    A Celery task sends it after commit; a periodic sweep sends anything the task missed (for
    example when the broker was down), so nothing is lost. Sending claims the row atomically, so
    a retried or duplicated task never sends twice.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    to_email = models.EmailField(help_text="Where the email goes; copied from the recipient when there is one")
    template = models.CharField(max_length=100)
    subject = models.CharField(max_length=200, help_text="Rendered when written, and shown in the service too")
    context = models.JSONField(default=dict, blank=True)
    reason = models.CharField(max_length=200, help_text="Why this person is told, in plain words")
    related_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    related_id = models.CharField(max_length=64, blank=True)
    related = GenericForeignKey("related_type", "related_id")
    dedupe_key = models.CharField(
        max_length=200, blank=True, help_text="Reminders with the same key are only ever created once"
    )
    due_at = models.DateTimeField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    in_digest = models.BooleanField(default=False, help_text="Sent in the recipient's daily summary, not on its own")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"], condition=~models.Q(dedupe_key=""), name="notification_dedupe_once"
            )
        ]

    def __str__(self):
        return f"{self.template} to {self.to_email} ({self.get_status_display()})"
