"""The daily reminders to co-ordinators: a request due soon, and a request overdue."""

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from inspectorate.accounts.models import Role, User
from inspectorate.notifications.actions import notify
from reviews.documents.actions import request_context
from reviews.documents.models import AreaRequest


def _coordinators_by_area(area_requests):
    areas = {ar.review_area.local_authority_id for ar in area_requests}
    people = defaultdict(list)
    for user in User.objects.filter(role=Role.COORDINATOR, is_active=True, local_authority_id__in=areas):
        people[user.local_authority_id].append(user)
    return people


@transaction.atomic
def send_due_reminders(today: date | None = None):
    """Remind co-ordinators of requests still waiting for their area. Safe to run any number of times:
    each reminder has a dedupe key for the request, the person and the due date."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=settings.DOCUMENT_DUE_SOON_DAYS)
    waiting = list(
        AreaRequest.objects.waiting_for_area()
        .filter(request__due_date__lte=soon)
        .select_related("request__review", "review_area__local_authority")
    )
    people = _coordinators_by_area(waiting)
    sent = 0
    for area_request in waiting:
        due = area_request.request.due_date
        kind, template = ("overdue", "document_overdue") if due < today else ("due-soon", "document_due_soon")
        for coordinator in people[area_request.review_area.local_authority_id]:
            created = notify(
                coordinator,
                template,
                reason=f"{area_request.request.title} is {'overdue' if kind == 'overdue' else 'due soon'}",
                context=request_context(area_request),
                related=area_request,
                dedupe_key=f"documents:{kind}:{area_request.pk}:{coordinator.pk}:{due.isoformat()}",
            )
            sent += created is not None
    return sent
