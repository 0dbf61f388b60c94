"""Verbs for reports: request a new version, render it, publish it."""

import functools
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone

from inspectorate import pdf
from inspectorate.accounts.models import Role, User
from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify
from inspectorate.reports import kinds
from inspectorate.reports.models import ClearedExcerpt, Release, Report, ReportStatus


class ReportRefused(Exception):
    pass


def request_report(kind, subject, user):
    """Queue a new version of a report; it renders in a Celery task after commit."""
    for _ in range(3):
        try:
            with transaction.atomic():
                latest = Report.objects.filter(kind=kind.key, subject_id=str(subject.pk)).aggregate(v=Max("version"))
                report = Report.objects.create(
                    kind=kind.key,
                    subject_id=str(subject.pk),
                    title=f"{kind.title}: {subject}",
                    version=(latest["v"] or 0) + 1,
                    requested_by=user,
                )
                record(user, Action.CREATE, report, kind=kind.key)
                transaction.on_commit(functools.partial(_enqueue, report.pk))
                return report
        except IntegrityError:
            continue  # someone asked for the same version at the same moment: take the next
    raise ReportRefused("The report could not be queued. Try again.")


def _enqueue(report_id):
    from inspectorate.reports.tasks import render_report

    try:
        render_report.apply_async(args=[report_id], retry=False)
    except Exception:  # a broker outage must not break the page: the sweep renders it later
        Report.objects.filter(pk=report_id).update(error="Waiting for the background worker")


def render(report_id):
    """Render a queued report. Safe to run twice: only one run claims it."""
    claimed = Report.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
        status=ReportStatus.RENDERING, started_at=timezone.now()
    )
    if not claimed:
        return None
    report = Report.objects.select_related("requested_by").get(pk=report_id)
    kind = kinds.get(report.kind)
    try:
        subject = kind.subject(report.subject_id)
        context = {**kind.build(subject), "report": report, "kind": kind}
        html = pdf.render_html(kind.template, context, for_print=True)
        content, pages = pdf.html_to_pdf(html)
        relative = Path("reports") / report.kind / f"{kind.file_stem(subject)}-v{report.version}.pdf"
        target = Path(settings.MEDIA_ROOT) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    except Exception as error:
        Report.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000], finished_at=timezone.now()
        )
        raise
    preview_html = pdf.render_html(kind.template, context, for_print=False)
    with transaction.atomic():
        Report.objects.filter(pk=report_id).update(
            status=ReportStatus.READY,
            file=str(relative),
            html=preview_html,
            pages=pages,
            size=len(content),
            finished_at=timezone.now(),
            error="",
        )
        notify(
            report.requested_by,
            "report_ready",
            reason="You asked for this report",
            context={"title": report.title, "version": report.version, "link": report.get_absolute_url()},
            related=report,
        )
    return report_id


def publish(report, user):
    kind = kinds.get(report.kind)
    if not kind.publishable:
        raise ReportRefused("This kind of report is never published.")
    if not report.is_ready:
        raise ReportRefused("Only a finished report can be published.")
    with transaction.atomic():
        # One published version at a time: publishing a new one withdraws the old.
        Report.objects.filter(kind=report.kind, subject_id=report.subject_id).exclude(pk=report.pk).update(
            published_at=None
        )
        Report.objects.filter(pk=report.pk).update(published_at=F("finished_at"))
        record(user, Action.DECIDE, report, decision="published")


def file_path(report):
    return Path(settings.MEDIA_ROOT) / report.file


# A render takes about a minute at most; one still "rendering" after this belongs to a dead worker.
STALE_RENDER = timedelta(minutes=15)


def stalled(older_than, now=None):
    """Reports to render again: still queued (their task never arrived, for example with the broker
    down) or left rendering by a worker that died. The stale ones are put back in the queue first."""
    now = now or timezone.now()
    Report.objects.filter(status=ReportStatus.RENDERING).filter(
        Q(started_at__lt=now - STALE_RENDER) | Q(started_at__isnull=True, requested_at__lt=now - STALE_RENDER)
    ).update(status=ReportStatus.QUEUED, started_at=None)
    return list(
        Report.objects.filter(status=ReportStatus.QUEUED, requested_at__lt=older_than).values_list("pk", flat=True)
    )


def release(kind, subject, user):
    """Let the area's co-ordinator read an area report. Refused until a version is ready; releasing
    twice changes nothing."""
    if not kind.releasable:
        raise ReportRefused("This kind of report is not released to a co-ordinator.")
    with transaction.atomic():
        ready = Report.objects.filter(kind=kind.key, subject_id=str(subject.pk), status=ReportStatus.READY)
        if not ready.exists():
            raise ReportRefused("Make the PDF before you release it to the co-ordinator.")
        released, created = Release.objects.get_or_create(
            kind=kind.key, subject_id=str(subject.pk), defaults={"released_by": user}
        )
        if created:
            record(user, Action.DECIDE, subject, decision="released", report=kind.key)
            _tell_coordinator(kind, subject)
    return released


def _tell_coordinator(kind, area):
    """Email the released area's own co-ordinator (or, before one is named, the area's co-ordinators)."""
    if area.coordinator_id:
        people = [area.coordinator] if area.coordinator.is_active else []
    else:
        people = User.objects.filter(role=Role.COORDINATOR, is_active=True, local_authority_id=area.local_authority_id)
    for person in people:
        notify(
            person,
            "report_released",
            reason=f"You co-ordinate {area.local_authority} in {area.review}",
            context={
                "full_name": person.full_name,
                "title": f"{kind.title}: {area.local_authority}",
                "local_authority": area.local_authority.name,
                "link": reverse("reports:home", args=[kind.key, area.pk]),
            },
            related=area,
            dedupe_key=f"reports:released:{kind.key}:{area.pk}:{person.pk}",
        )


def clear_excerpt(review, answer, text, user):
    """Clear a passage of a free-text survey answer for quotation, as the team edited it."""
    text = text.strip()
    if not text:
        raise ReportRefused("Enter the passage as it may be quoted")
    with transaction.atomic():
        excerpt, _ = ClearedExcerpt.objects.update_or_create(
            answer=answer,
            defaults={
                "review": review,
                "area": answer.response.link.review_area,
                "source": f"{answer.response.survey.title}: {answer.question.text}"[:300],
                "text": text,
                "cleared_by": user,
            },
        )
        record(user, Action.DECIDE, excerpt, decision="cleared")
    return excerpt


def withdraw_excerpt(excerpt, user):
    with transaction.atomic():
        record(user, Action.DELETE, excerpt, decision="withdrawn")
        excerpt.delete()
