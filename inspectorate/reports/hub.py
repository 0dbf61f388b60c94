"""Reads for a review's reports page: every report of the review and where each stands, in a fixed
number of queries whatever the number of areas or versions."""

from dataclasses import dataclass

from django.db.models import Max

from inspectorate.reports import kinds
from inspectorate.reports.models import Release, Report, ReportStatus
from reviews.models import Phase, ReviewKind

AREA_KINDS = ["area-feedback", "staff-survey"]


@dataclass
class Line:
    kind: kinds.ReportKind
    subject_id: int
    latest_version: int | None
    released: bool


def area_report_lines(review):
    """[(area, [Line])] for the areas in the review's detailed work (every area, for a self-evaluation)."""
    areas = review.areas.select_related("local_authority").order_by("local_authority__name")
    keys = list(AREA_KINDS)
    if review.kind == ReviewKind.SELF_EVALUATION:
        keys = ["validation-letter"]
    else:
        areas = areas.filter(phase=Phase.FIELDWORK)
    areas = list(areas)
    ids = [str(area.pk) for area in areas]
    latest = {
        (row["kind"], row["subject_id"]): row["v"]
        for row in Report.objects.filter(kind__in=keys, subject_id__in=ids, status=ReportStatus.READY)
        .values("kind", "subject_id")
        .annotate(v=Max("version"))
    }
    released = set(Release.objects.filter(kind__in=keys, subject_id__in=ids).values_list("kind", "subject_id"))
    return [
        (
            area,
            [
                Line(kinds.get(key), area.pk, latest.get((key, str(area.pk))), (key, str(area.pk)) in released)
                for key in keys
            ],
        )
        for area in areas
    ]


def national_latest(review):
    return (
        Report.objects.filter(kind="national-overview", subject_id=str(review.pk), status=ReportStatus.READY)
        .order_by("-version")
        .first()
    )
