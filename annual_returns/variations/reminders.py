"""Daily variation reminders: conditions ending soon, and evaluations overdue. Deduplicated, so safe to rerun."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from annual_returns.variations.models import VariationRequest, VariationStatus
from inspectorate.accounts.models import Role, User
from inspectorate.notifications.actions import notify

ENDING_SOON_DAYS = 28


def _recipients(variation):
    """The provider's users, and the assessor who agreed the conditions."""
    people = list(User.objects.filter(role=Role.PROVIDER, is_active=True, provider_id=variation.service.provider_id))
    agreed = variation.events.filter(to_status=VariationStatus.AGREED).select_related("by").last()
    if agreed is not None and agreed.by.is_active:
        people.append(agreed.by)
    return people


@transaction.atomic
def send_due(today=None):
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=ENDING_SOON_DAYS)
    written = 0
    agreed = VariationRequest.objects.filter(
        status=VariationStatus.AGREED, conditions_end_on__isnull=False, conditions_end_on__lte=soon
    ).select_related("service")
    for variation in agreed:
        template = (
            "variation_evaluation_overdue" if variation.conditions_end_on < today else "variation_conditions_ending"
        )
        for person in _recipients(variation):
            written += bool(
                notify(
                    person,
                    template,
                    reason=f"You are part of registration variation {variation.reference}",
                    context={
                        "full_name": person.full_name,
                        "reference": variation.reference,
                        "service": str(variation.service),
                        "end_on": f"{variation.conditions_end_on:%-d %B %Y}",
                        "link": settings.SITE_URL + variation.get_absolute_url(),
                    },
                    related=variation,
                    dedupe_key=f"{template}-{variation.pk}-{variation.conditions_end_on:%Y%m%d}-{person.pk}",
                )
            )
    return written
