"""Reminders to co-ordinators while a survey is open: when it opens, at halfway and three days
before it closes, each with their area's response count so far.

Only the stage the survey has reached is sent (a sweep that first runs after halfway does not
send the opening email too), and each (link, stage) is sent once, through its dedupe key, so the
daily sweep can run any number of times.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from inspectorate.disclosure import suppress_distribution
from inspectorate.notifications.actions import notify
from surveys.forms import last_day
from surveys.models import SurveyLink

CLOSING_NOTICE = timedelta(days=3)


def stage(survey, now):
    """Which reminder is due for an open survey: "opening", "halfway" or "closing"."""
    if now >= survey.closes_at - CLOSING_NOTICE:
        return "closing"
    if now >= survey.opens_at + (survey.closes_at - survey.opens_at) / 2:
        return "halfway"
    return "opening"


def send_due_reminders(now=None):
    """Notify each open link's co-ordinator of the stage reached. Returns how many were written."""
    now = now or timezone.now()
    links = (
        SurveyLink.objects.filter(survey__opens_at__lte=now, survey__closes_at__gt=now)
        .exclude(review_area__coordinator=None)
        .select_related("survey__review", "review_area__local_authority", "review_area__coordinator")
        .annotate(responses_count=Count("responses"))
    )
    written = 0
    for link in links:
        survey = link.survey
        reached = stage(survey, now)
        coordinator = link.review_area.coordinator
        responses = suppress_distribution({link.pk: link.responses_count}).cells[link.pk]
        with transaction.atomic():
            made = notify(
                coordinator,
                f"survey_{reached}",
                reason=f"You co-ordinate {link.local_authority}'s part in {survey.review}",
                context={
                    "full_name": coordinator.full_name,
                    "survey_title": survey.title,
                    "review_title": survey.review.title,
                    "area": str(link.local_authority),
                    "opens_on": timezone.localtime(survey.opens_at).strftime("%-d %B %Y"),
                    "last_day": last_day(survey.closes_at).strftime("%-d %B %Y"),
                    "responses": responses.display,
                    "expected": str(link.expected_responses),
                    "link": settings.SITE_URL + reverse("surveys:shared"),
                },
                related=link,
                dedupe_key=f"survey-{reached}-{link.pk}",
            )
        written += made is not None
    return written
