from celery import shared_task

from inspectorate import retention


@shared_task
def apply_retention_schedule():
    """Daily: delete or anonymise what the retention schedule says has expired."""
    return retention.apply_all()
