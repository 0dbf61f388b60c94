"""The daily annual-return emails: window opened, reminders before the deadline, deadline passed.

Run any number of times a day: each email has a dedupe key, so it is written to the outbox once.
A run missed on the exact day is caught up by the next, because each email has a range of days.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from annual_returns import eligibility
from annual_returns.models import AnnualReturn, Cycle, DeadlineExtension, ReturnStatus
from inspectorate.accounts.models import Role, User
from inspectorate.notifications.actions import notify

FIRST_REMINDER_DAYS = 14
LAST_REMINDER_DAYS = 3
LATE_NOTICE_DAYS = 14  # after this many days past the deadline, the regulator follows up by other means


def _day(value):
    return f"{value:%-d %B %Y}"


def _provider_users(provider_ids):
    users = defaultdict(list)
    for user in User.objects.filter(role=Role.PROVIDER, is_active=True, provider_id__in=provider_ids):
        users[user.provider_id].append(user)
    return users


@transaction.atomic
def send_due(today=None):
    """Write today's due annual-return emails to the outbox. Returns how many were written."""
    today = today or timezone.localdate()
    link = settings.SITE_URL + reverse("annual_returns:home")
    written = 0
    window = datetime.timedelta(days=LATE_NOTICE_DAYS)
    for cycle in Cycle.objects.filter(opens_on__lte=today):
        latest = max([cycle.deadline, *cycle.extensions.values_list("deadline", flat=True)])
        if today > latest + window:
            continue
        written += _opened(cycle, today, link)
        written += _reminders(cycle, today, link)
    return written


def _opened(cycle, today, link):
    if today > cycle.deadline:
        return 0
    services = eligibility.services_that_may_submit(cycle.year).select_related("provider")
    by_provider = defaultdict(list)
    for service in services:
        by_provider[service.provider_id].append(service)
    written = 0
    for provider_id, users in _provider_users(by_provider).items():
        for user in users:
            written += bool(
                notify(
                    user,
                    "annual_return_cycle_opened",
                    reason=f"You submit annual returns for {by_provider[provider_id][0].provider}",
                    context={
                        "full_name": user.full_name,
                        "year": cycle.year,
                        "opens_on": _day(cycle.opens_on),
                        "deadline": _day(cycle.deadline),
                        "services": "\n".join(str(s) for s in by_provider[provider_id]),
                        "link": link,
                    },
                    related=cycle,
                    dedupe_key=f"annual-return-opened-{cycle.year}-{user.pk}",
                )
            )
    return written


def _reminders(cycle, today, link):
    submitted = AnnualReturn.objects.filter(cycle=cycle, service=OuterRef("pk"), status=ReturnStatus.SUBMITTED)
    outstanding = (
        eligibility.services_that_must_submit(cycle.year)
        .filter(~Exists(submitted))
        .select_related("provider")
        .order_by("name")
    )
    extensions = dict(DeadlineExtension.objects.filter(cycle=cycle).values_list("service_id", "deadline"))
    due = defaultdict(list)  # (provider, kind, deadline) -> services
    for service in outstanding:
        deadline = extensions.get(service.pk, cycle.deadline)
        days_left = (deadline - today).days
        if LAST_REMINDER_DAYS < days_left <= FIRST_REMINDER_DAYS:
            kind = "first"
        elif 0 <= days_left <= LAST_REMINDER_DAYS:
            kind = "last"
        elif -LATE_NOTICE_DAYS <= days_left < 0:
            kind = "late"
        else:
            continue
        due[(service.provider_id, kind, deadline)].append(service)
    users = _provider_users({provider_id for provider_id, _, _ in due})
    written = 0
    for (provider_id, kind, deadline), services in due.items():
        for user in users.get(provider_id, []):
            written += bool(
                notify(
                    user,
                    "annual_return_deadline_passed" if kind == "late" else "annual_return_reminder",
                    reason=f"{services[0].provider} has not submitted every {cycle.year} annual return",
                    context={
                        "full_name": user.full_name,
                        "year": cycle.year,
                        "deadline": _day(deadline),
                        "days_left": (deadline - today).days,
                        "services": "\n".join(str(s) for s in services),
                        "link": link,
                    },
                    related=cycle,
                    dedupe_key=f"annual-return-{kind}-{cycle.year}-{user.pk}-{deadline:%Y%m%d}",
                )
            )
    return written
