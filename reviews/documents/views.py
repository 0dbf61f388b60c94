"""Pages of the document exchange. Each fetches through a scoped getter and calls one action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inspectorate.audit.trail import Action, record
from inspectorate.scoping import get_for_user
from inspectorate.uploads import open_stored
from reviews.documents import actions, queries
from reviews.documents.forms import DecisionForm, DocumentRequestForm, ReplaceForm, UploadForm
from reviews.documents.models import AreaBundle, AreaRequest, AreaStatus, BundleStatus, Upload, UploadVersion
from reviews.models import Review, ReviewArea


def _team_only(user):
    if not queries.is_team_side(user):
        raise PermissionDenied


def _coordinator_only(user):
    if not user.is_coordinator:
        raise PermissionDenied


def _no_store(response):
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    return response


def _attachment(stored_name, filename, content_type):
    try:
        handle = open_stored(stored_name)
    except FileNotFoundError:
        raise Http404("The file is no longer held") from None
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return _no_store(response)


def _submitted(request, *, files=True):
    """Bind a form on POST (even an empty one, so it shows its errors); leave it unbound on GET."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def _area_request(request, pk):
    queryset = AreaRequest.objects.select_related("request__review", "review_area__local_authority", "decided_by")
    return get_for_user(queryset, request.user, pk=pk)


# --- Co-ordinators (and the team, reading) ---


@login_required
def area_request_list(request):
    if queries.is_team_side(request.user):
        return redirect("documents:reviews")
    _coordinator_only(request.user)
    return render(
        request, "documents/area_request_list.html", {"area_requests": queries.area_requests_for(request.user)}
    )


@login_required
def area_request_detail(request, pk):
    area_request = _area_request(request, pk)
    uploads = list(queries.uploads_of(area_request))
    record(request.user, Action.VIEW, area_request, files=len(uploads))
    team_side = queries.is_team_side(request.user)
    context = {
        "area_request": area_request,
        "uploads": uploads,
        "team_side": team_side,
        "can_upload": request.user.is_coordinator and area_request.can_change_files,
        "decision_form": DecisionForm(action=reverse("documents:decide", args=[pk]))
        if team_side and area_request.status == AreaStatus.UPLOADED
        else None,
    }
    return _no_store(render(request, "documents/area_request_detail.html", context))


@login_required
def upload_files(request, pk):
    _coordinator_only(request.user)
    area_request = _area_request(request, pk)
    if not area_request.can_change_files:
        messages.info(request, "The team has accepted these documents, so they can no longer be changed.")
        return redirect(area_request)
    form = UploadForm(*_submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            versions = actions.add_uploads(
                area_request, form.cleaned_data["files"], description=form.cleaned_data["description"], by=request.user
            )
        except actions.DocumentActionRefused as refused:
            form.add_error(None, refused.message)
        else:
            references = ", ".join(version.reference for version in versions)
            messages.success(request, f"Uploaded {len(versions)} file{'s' if len(versions) != 1 else ''}: {references}")
            return redirect(area_request)
    return render(request, "documents/upload_form.html", {"form": form, "area_request": area_request})


@login_required
def upload_detail(request, pk):
    upload = get_for_user(
        Upload.objects.select_related("area_request__request__review", "area_request__review_area__local_authority"),
        request.user,
        pk=pk,
    )
    versions = list(queries.versions_of(upload))
    record(request.user, Action.VIEW, upload, versions=len(versions))
    context = {
        "upload": upload,
        "area_request": upload.area_request,
        "versions": versions,
        "can_replace": request.user.is_coordinator and upload.area_request.can_change_files,
    }
    return _no_store(render(request, "documents/upload_detail.html", context))


@login_required
def replace_upload(request, pk):
    _coordinator_only(request.user)
    upload = get_for_user(
        Upload.objects.select_related("area_request__request", "current_version"), request.user, pk=pk
    )
    if not upload.area_request.can_change_files:
        messages.info(request, "The team has accepted these documents, so they can no longer be changed.")
        return redirect(upload)
    form = ReplaceForm(*_submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            version = actions.replace_upload(upload, form.cleaned_data["file"], by=request.user)
        except actions.DocumentActionRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, f"Replaced with version {version.number}: {version.reference}")
            return redirect(upload)
    return render(request, "documents/replace_form.html", {"form": form, "upload": upload})


@login_required
def download(request, reference):
    queryset = UploadVersion.objects.select_related("upload__area_request")
    try:
        version = get_for_user(queryset, request.user, reference=reference)
    except Http404:
        record(request.user, Action.ACCESS_REFUSED, None, outcome="refused", reference=reference[:20])
        raise
    response = _attachment(version.stored_name, version.original_name, version.content_type)
    record(request.user, Action.DOWNLOAD, version, reference=version.reference, sha256=version.sha256)
    return response


# --- The review team ---


@login_required
def review_list(request):
    _team_only(request.user)
    return render(request, "documents/review_list.html", {"reviews": queries.team_reviews(request.user)})


@login_required
def review_matrix(request, review_pk):
    _team_only(request.user)
    review = get_for_user(Review, request.user, pk=review_pk)
    requests, rows = queries.matrix(review)
    context = {"review": review, "requests": requests, "rows": rows}
    return render(request, "documents/review_matrix.html", context)


@login_required
def create_request(request, review_pk):
    _team_only(request.user)
    review = get_for_user(Review, request.user, pk=review_pk)
    form = DocumentRequestForm(*_submitted(request, files=False), review=review)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document_request = actions.create_request(
            review,
            title=data["title"],
            guidance=data["guidance"],
            due_date=data["due_date"],
            areas=form.target_areas(),
            by=request.user,
        )
        messages.success(request, f"Request sent to {document_request.area_requests.count()} area(s)")
        return redirect("documents:matrix", review.pk)
    return render(request, "documents/request_form.html", {"form": form, "review": review})


@login_required
@require_POST
def decide(request, pk):
    _team_only(request.user)
    area_request = _area_request(request, pk)
    form = DecisionForm(request.POST, action=reverse("documents:decide", args=[pk]))
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == DecisionForm.ACCEPT:
                actions.accept(area_request, by=request.user)
                messages.success(request, "Documents accepted. The co-ordinator has been told.")
            else:
                actions.return_to_area(area_request, comment=form.cleaned_data["comment"], by=request.user)
                messages.success(request, "Documents returned. The co-ordinator has been told.")
        except actions.DocumentActionRefused as refused:
            messages.error(request, refused.message)
        return redirect(area_request)
    uploads = list(queries.uploads_of(area_request))
    context = {"area_request": area_request, "uploads": uploads, "team_side": True, "decision_form": form}
    return _no_store(render(request, "documents/area_request_detail.html", context))


@login_required
@require_POST
def start_bundle(request, area_pk):
    _team_only(request.user)
    review_area = get_for_user(ReviewArea, request.user, pk=area_pk)
    bundle = actions.request_bundle(review_area, by=request.user)
    return redirect(bundle)


def _bundle(request, pk):
    _team_only(request.user)
    queryset = AreaBundle.objects.select_related("review_area__review", "review_area__local_authority")
    return get_for_user(queryset, request.user, pk=pk)


@login_required
def bundle_detail(request, pk):
    bundle = _bundle(request, pk)
    return _no_store(render(request, "documents/bundle_detail.html", {"bundle": bundle}))


@login_required
def bundle_status(request, pk):
    """Progress for the page's poller (a static script; the CSP forbids inline ones)."""
    bundle = _bundle(request, pk)
    data = {
        "status": bundle.status,
        "status_label": bundle.get_status_display(),
        "files_done": bundle.files_done,
        "files_total": bundle.files_total,
        "percent": bundle.percent_done,
        "finished": bundle.status in (BundleStatus.READY, BundleStatus.FAILED),
    }
    return _no_store(JsonResponse(data))


@login_required
def bundle_download(request, pk):
    bundle = _bundle(request, pk)
    if bundle.status != BundleStatus.READY:
        raise Http404("The zip is not ready")
    response = _attachment(bundle.stored_name, bundle.download_name, "application/zip")
    record(
        request.user, Action.DOWNLOAD, bundle, area=str(bundle.review_area.local_authority), files=bundle.files_total
    )
    return response
