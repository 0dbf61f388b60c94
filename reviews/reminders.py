"""Daily nomination reminders: a few days before an area's deadline, and an overdue notice after it."""

from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from inspectorate.notifications.actions import notify
from reviews.models import NominationStatus, ReviewArea, ReviewStatus

REMINDER_DAYS_BEFORE = 3


def _recipient(area):
    """Who still has to act: the nominated co-ordinator (to accept) or the invited contact (to use the link)."""
    if area.nomination_status == NominationStatus.NOMINATED and area.coordinator is not None:
        return area.coordinator, None, area.coordinator.full_name, reverse("reviews:detail", args=[area.review_id])
    invitation = getattr(area, "invitation", None)
    if invitation is None or not invitation.nonce:
        return None
    from reviews.actions import nomination_token

    link = reverse("reviews:nomination", args=[nomination_token(invitation)])
    return None, invitation.email, invitation.full_name, link


@transaction.atomic
def send_nomination_reminders(today: date | None = None):
    """Remind areas that have not accepted. Each reminder has a dedupe key for the area and its deadline,
    so the sweep can run any number of times, and a new deadline earns a new reminder."""
    today = today or timezone.localdate()
    waiting = (
        ReviewArea.objects.filter(
            nomination_status__in=[NominationStatus.INVITED, NominationStatus.NOMINATED],
            nomination_deadline__isnull=False,
            nomination_deadline__lte=today + timedelta(days=REMINDER_DAYS_BEFORE),
        )
        .exclude(review__status__in=[ReviewStatus.PUBLISHED, ReviewStatus.CLOSED])
        .select_related("review", "local_authority", "coordinator", "invitation")
    )
    written = 0
    for area in waiting:
        who = _recipient(area)
        if who is None:
            continue
        recipient, to_email, name, link = who
        deadline = area.nomination_deadline
        kind = "overdue" if deadline < today else "reminder"
        created = notify(
            recipient,
            f"review_nomination_{kind}",
            to_email=to_email,
            reason=f"{area.local_authority} has not yet confirmed its co-ordinator for {area.review}",
            context={
                "full_name": name,
                "local_authority": area.local_authority.name,
                "review_title": area.review.title,
                "deadline": f"{deadline:%-d %B %Y}",
                "link": link,
            },
            related=area,
            dedupe_key=f"reviews:nomination-{kind}:{area.pk}:{deadline.isoformat()}",
        )
        written += created is not None
    return written
