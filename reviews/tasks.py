"""Celery tasks for reviews: thin, and safe to run twice."""

from celery import shared_task

from reviews import reminders


@shared_task
def send_nomination_reminders():
    """Daily: nomination reminders before the deadline and overdue notices after it (deduplicated)."""
    return reminders.send_nomination_reminders()
