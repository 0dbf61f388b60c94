"""The audit trail: who did what to which confidential thing, and when."""

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed sign-in"
    SIGN_OUT = "sign_out", "Signed out"
    ACCESS_REFUSED = "access_refused", "Access refused"
    VIEW = "view", "Viewed"
    DOWNLOAD = "download", "Downloaded"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    DECIDE = "decide", "Decided"
    DELETE = "delete", "Deleted"


class AuditEvent(models.Model):
    """One row of the audit trail. Rows are written once and never changed or deleted.

    The actor is kept both as a link and as the email at the time, so the trail still reads
    correctly after an account is renamed or removed.
    """

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No database constraint and no cascade: removing an account must not rewrite the trail.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_email = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    outcome = models.CharField(max_length=60, default="success")
    object_type = models.CharField(max_length=100, blank=True, db_index=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        who = self.actor_email or "anonymous"
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {who} {self.get_action_display()} {self.object_repr}"
