"""Write to the audit trail. Every app calls `record(...)`; nothing else writes AuditEvent rows."""

from inspectorate.audit.models import Action, AuditEvent

__all__ = ["Action", "record"]


def record(actor, action, obj=None, *, outcome="success", **detail):
    """Append one audit row.

    actor: the user (anonymous users are stored as no actor); obj: the thing acted on, if any;
    detail: small JSON-safe facts (never personal data beyond the actor's own email).
    """
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    outcome = str(outcome)[:60]
    return AuditEvent.objects.create(
        actor=actor if signed_in else None,
        actor_email=actor.email if signed_in else detail.pop("attempted_email", ""),
        action=action,
        outcome=outcome,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        detail=detail,
    )
