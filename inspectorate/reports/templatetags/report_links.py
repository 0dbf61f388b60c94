"""Template tags other apps' pages use to show reports without knowing how they are stored."""

from django import template

from inspectorate.reports.models import Report, ReportStatus

register = template.Library()


@register.simple_tag
def published_national_report(review):
    """The version of the review's national overview now on its public page, or None."""
    return (
        Report.objects.filter(
            kind="national-overview", subject_id=str(review.pk), status=ReportStatus.READY, published_at__isnull=False
        )
        .order_by("-published_at")
        .first()
    )
