"""Report pages: versions, preview, generate, progress, download and publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from inspectorate import pdf
from inspectorate.audit.trail import Action, record
from inspectorate.reports import access, actions, hub, kinds
from inspectorate.reports import excerpts as excerpt_reads
from inspectorate.reports.forms import ExcerptForm
from inspectorate.reports.models import Release, Report, ReportStatus
from inspectorate.scoping import get_for_user


def _subject_for(user, kind_key, subject_id, *, generate=False):
    """The kind and subject, or 404 when the user may not see (or generate) this report."""
    kind = kinds.get(kind_key)
    subject = kind.subject(subject_id)
    allowed = kind.can_generate(user, subject) if generate else kind.can_view(user, subject)
    if not allowed:
        record(user, Action.ACCESS_REFUSED, outcome="404", report=kind_key, subject=str(subject_id))
        raise Http404("No such report")
    return kind, subject


def _report_for(user, report_id):
    report = get_object_or_404(Report, pk=report_id)
    kind, subject = _subject_for(user, report.kind, report.subject_id)
    return report, kind, subject


@login_required
def report_home(request, kind_key, subject_id):
    kind, subject = _subject_for(request.user, kind_key, subject_id)
    versions = Report.objects.filter(kind=kind.key, subject_id=str(subject.pk))
    if not kind.can_generate(request.user, subject):
        versions = versions.filter(status=ReportStatus.READY)
    context = {
        "kind": kind,
        "subject": subject,
        "versions": versions,
        "can_generate": kind.can_generate(request.user, subject),
        "release": Release.objects.filter(kind=kind.key, subject_id=str(subject.pk)).first()
        if kind.releasable
        else None,
    }
    return render(request, "reports/report_home.html", context)


@login_required
def preview(request, kind_key, subject_id):
    kind, subject = _subject_for(request.user, kind_key, subject_id, generate=True)
    record(request.user, Action.VIEW, subject, report=kind.key, form="preview")
    return HttpResponse(pdf.render_html(kind.template, {**kind.build(subject), "kind": kind}, for_print=False))


@login_required
@require_POST
def generate(request, kind_key, subject_id):
    kind, subject = _subject_for(request.user, kind_key, subject_id, generate=True)
    try:
        report = actions.request_report(kind, subject, request.user)
    except actions.ReportRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("reports:home", kind.key, subject.pk)
    return redirect(report)


@login_required
def status(request, report_id):
    report, kind, subject = _report_for(request.user, report_id)
    context = {"report": report, "kind": kind, "subject": subject, "working": report.status in _WORKING}
    return render(request, "reports/status.html", context)


_WORKING = {ReportStatus.QUEUED, ReportStatus.RENDERING}


def _pdf_response(report):
    path = actions.file_path(report)
    if not report.is_ready or not path.exists():
        raise Http404("No such report")
    response = FileResponse(path.open("rb"), as_attachment=True, filename=path.name, content_type="application/pdf")
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
def download(request, report_id):
    report, kind, subject = _report_for(request.user, report_id)
    response = _pdf_response(report)
    record(request.user, Action.DOWNLOAD, report, kind=kind.key)
    return response


@login_required
@require_POST
def publish(request, report_id):
    report, kind, subject = _report_for(request.user, report_id)
    if not kind.can_generate(request.user, subject):
        raise Http404("No such report")
    try:
        actions.publish(report, request.user)
    except actions.ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Version {report.version} is now on the public page.")
    return redirect(report)


def _published(report_id):
    return get_object_or_404(Report, pk=report_id, published_at__isnull=False, status=ReportStatus.READY)


def public_html(request, report_id):
    """The accessible HTML version of a published report: no sign-in."""
    return HttpResponse(_published(report_id).html)


def public_pdf(request, report_id):
    report = _published(report_id)
    response = _pdf_response(report)
    response["Cache-Control"] = "public, max-age=3600"
    return response


@login_required
@require_POST
def release(request, kind_key, subject_id):
    kind, subject = _subject_for(request.user, kind_key, subject_id, generate=True)
    try:
        actions.release(kind, subject, request.user)
    except actions.ReportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "The co-ordinator can now download this report.")
    return redirect("reports:home", kind.key, subject.pk)


def _team_review(user, review_id):
    """The review, if the user is regulator staff on its team (or an administrator); 404 otherwise."""
    from reviews.models import Review

    review = get_for_user(Review, user, pk=review_id)
    if not access.on_review_team(user, review):
        raise Http404("No such review")
    return review


@login_required
def excerpts(request, review_id, form=None, status=200):
    review = _team_review(request.user, review_id)
    answers = Paginator(excerpt_reads.uncleared_answers(review, request.user), 20).get_page(request.GET.get("page"))
    context = {
        "review": review,
        "answers": answers,
        "cleared": excerpt_reads.cleared(review, request.user),
        "form": form,
    }
    return render(request, "reports/excerpts.html", context, status=status)


@login_required
@require_POST
def excerpt_clear(request, review_id, answer_id):
    review = _team_review(request.user, review_id)
    answer = get_object_or_404(excerpt_reads.uncleared_answers(review, request.user), pk=answer_id)
    form = ExcerptForm(request.POST)
    if not form.is_valid():
        form.answer_id = answer.pk
        return excerpts(request, review.pk, form=form, status=400)
    actions.clear_excerpt(review, answer, form.cleaned_data["text"], request.user)
    messages.success(request, "The excerpt is cleared: reports of this review may now quote it.")
    return redirect("reports:excerpts", review.pk)


@login_required
@require_POST
def excerpt_withdraw(request, review_id, excerpt_id):
    review = _team_review(request.user, review_id)
    excerpt = get_object_or_404(excerpt_reads.cleared(review, request.user), pk=excerpt_id)
    actions.withdraw_excerpt(excerpt, request.user)
    messages.success(request, "The excerpt is withdrawn: reports made from now on will not quote it.")
    return redirect("reports:excerpts", review.pk)


@login_required
def review_reports(request, review_id):
    """Every report of one review, for its team: the national overview, each area's reports, excerpts."""
    review = _team_review(request.user, review_id)
    context = {
        "review": review,
        "national": hub.national_latest(review),
        "areas": hub.area_report_lines(review),
        "is_self_evaluation": review.kind == "self_evaluation",
    }
    return render(request, "reports/review_reports.html", context)


@login_required
def annual_return_reports(request):
    """For regulator staff: the statistics of each cycle, each local authority's profile, and a
    service's benchmark sheet found by its registration number."""
    if not access.is_staff(request.user):
        raise Http404("No such page")
    from annual_returns.models import Cycle
    from inspectorate.organisations.models import CareService, LocalAuthority

    error = ""
    number = request.GET.get("registration_number", "").strip().upper()
    if number:
        service = CareService.objects.filter(registration_number=number).first()
        if service is not None:
            return redirect("reports:home", "service-benchmark", service.pk)
        error = f"No care service has the registration number {number}"
    context = {
        "cycles": Cycle.objects.order_by("-year"),
        "local_authorities": LocalAuthority.objects.order_by("name"),
        "number": number,
        "error": error,
    }
    return render(request, "reports/annual_return_reports.html", context, status=400 if error else 200)
