"""Celery tasks for surveys: thin and safe to run any number of times."""

from celery import shared_task

from surveys.reminders import send_due_reminders


@shared_task
def send_survey_reminders():
    """Daily: opening, halfway and closing reminders to co-ordinators (deduplicated)."""
    return send_due_reminders()
