"""Celery tasks for annual returns. Thin: they call into reminders and imports, and are safe to run twice."""

from celery import shared_task

from annual_returns import reminders


@shared_task
def send_annual_return_emails():
    """Daily: return window opened, return reminders and deadline passed; variation conditions ending and
    evaluations overdue."""
    from annual_returns.variations import reminders as variation_reminders

    return reminders.send_due() + variation_reminders.send_due()


@shared_task
def run_import_job(job_id):
    """Check and import one uploaded file; progress is kept on the ImportJob row."""
    from annual_returns import imports

    job = imports.run(job_id)
    return job.status if job else None
