from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from inspectorate.reports import actions


@shared_task(acks_late=True)
def render_report(report_id):
    return actions.render(report_id)


@shared_task
def sweep_queued_reports():
    """Render reports whose task was lost (broker down when they were asked for) or whose worker died."""
    for report_id in actions.stalled(timezone.now() - timedelta(minutes=5)):
        render_report.delay(report_id)
