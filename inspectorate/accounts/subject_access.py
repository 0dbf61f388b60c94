"""What the service holds about one account: for answering a subject access request.

It walks every relation that points at the user, so a new app's data is included without
anyone having to remember to add it here.
"""

from dataclasses import dataclass

from django.db.models import ForeignKey, ManyToManyField, OneToOneField

from inspectorate.audit.models import AuditEvent

ACCOUNT_FIELDS = ["email", "full_name", "role", "local_authority", "provider", "is_active", "date_joined", "last_login"]


@dataclass
class Holding:
    """One kind of record that refers to the person, with a few examples."""

    label: str
    count: int
    examples: list


def account_details(user):
    details = []
    for name in ACCOUNT_FIELDS:
        field = user._meta.get_field(name)
        value = getattr(user, f"get_{name}_display")() if field.choices else getattr(user, name)
        details.append((field.verbose_name.capitalize(), value if value not in (None, "") else "Not set"))
    return details


def holdings(user, examples=5):
    found = []
    for relation in user._meta.get_fields():
        if not relation.auto_created or relation.concrete:
            continue
        if not isinstance(relation.remote_field, ForeignKey | OneToOneField | ManyToManyField):
            continue
        model = relation.related_model
        queryset = model._base_manager.filter(**{relation.field.name: user})
        count = queryset.count()
        if count:
            label = f"{model._meta.verbose_name_plural.capitalize()} ({relation.field.verbose_name})"
            found.append(Holding(label, count, [str(obj) for obj in queryset[:examples]]))
    # The audit trail's link to the actor has no database constraint, so it is not a reverse relation.
    audit = AuditEvent.objects.filter(actor_id=user.pk)
    if audit.exists():
        found.append(
            Holding("Audit trail entries (as the person acting)", audit.count(), [str(e) for e in audit[:examples]])
        )
    return sorted(found, key=lambda holding: holding.label)
