"""Copy CELERY_BEAT_SCHEDULE into django-celery-beat's tables, where administrators can see and edit them.

Settings are the source of truth for each task's name, task and timing; an administrator's choice to
switch a task off is kept. Running it again changes nothing.
"""

import datetime

from celery.schedules import crontab
from django.conf import settings
from django.db import transaction
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask


class UnknownSchedule(ValueError):
    """A beat entry whose timing is neither seconds, a timedelta nor a crontab."""


def schedule_row(schedule):
    """The IntervalSchedule or CrontabSchedule row for a beat entry's timing, made if missing.

    Returns (field name on PeriodicTask, row)."""
    if isinstance(schedule, crontab):
        row, _ = CrontabSchedule.objects.get_or_create(
            minute=schedule._orig_minute,
            hour=schedule._orig_hour,
            day_of_week=schedule._orig_day_of_week,
            day_of_month=schedule._orig_day_of_month,
            month_of_year=schedule._orig_month_of_year,
            timezone=settings.CELERY_TIMEZONE or settings.TIME_ZONE,
        )
        return "crontab", row
    if isinstance(schedule, datetime.timedelta):
        schedule = schedule.total_seconds()
    if isinstance(schedule, int | float):
        row = IntervalSchedule.objects.filter(every=int(schedule), period=IntervalSchedule.SECONDS).first()
        if row is None:
            row = IntervalSchedule.objects.create(every=int(schedule), period=IntervalSchedule.SECONDS)
        return "interval", row
    raise UnknownSchedule(f"Cannot store a schedule of type {type(schedule).__name__}")


@transaction.atomic
def sync(beat_schedule=None):
    """Create or update one PeriodicTask per entry. Returns (created, updated) names."""
    beat_schedule = settings.CELERY_BEAT_SCHEDULE if beat_schedule is None else beat_schedule
    created, updated = [], []
    for name, entry in beat_schedule.items():
        field, row = schedule_row(entry["schedule"])
        wanted = {
            "task": entry["task"],
            "interval": row if field == "interval" else None,
            "crontab": row if field == "crontab" else None,
        }
        existing = PeriodicTask.objects.filter(name=name).first()
        if existing is None:
            PeriodicTask.objects.create(name=name, **wanted)
            created.append(name)
        elif any(getattr(existing, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(existing, key, value)
            existing.save()
            updated.append(name)
    return created, updated
