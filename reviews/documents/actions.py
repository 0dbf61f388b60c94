"""The verbs of the document exchange. Each runs in one transaction and refuses a wrong starting state."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from inspectorate.accounts.models import Role, User
from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify
from inspectorate.uploads import delete_stored, store
from reviews.documents.models import (
    AreaBundle,
    AreaRequest,
    AreaStatus,
    BundleStatus,
    DocumentRequest,
    Upload,
    UploadVersion,
)
from reviews.models import ReviewArea

STORAGE_FOLDER = "documents"
logger = logging.getLogger(__name__)


class DocumentActionRefused(ValidationError):
    pass


def coordinators_of(review_area):
    """The co-ordinators of an area: active users with the co-ordinator role for its local authority."""
    return User.objects.filter(role=Role.COORDINATOR, local_authority_id=review_area.local_authority_id, is_active=True)


def request_context(area_request):
    request = area_request.request
    return {
        "title": request.title,
        "review": str(request.review),
        "area": str(area_request.review_area.local_authority),
        "due_date": request.due_date.strftime("%-d %B %Y"),
        "link": area_request.get_absolute_url(),
    }


@transaction.atomic
def create_request(review, *, title, guidance, due_date, areas, by):
    """Raise a document request to the given areas (None: every area taking part) and tell their co-ordinators."""
    document_request = DocumentRequest.objects.create(
        review=review, title=title, guidance=guidance, due_date=due_date, all_areas=areas is None, created_by=by
    )
    targets = ReviewArea.objects.filter(review=review).select_related("local_authority")
    if areas is not None:
        targets = targets.filter(pk__in=[area.pk for area in areas])
    area_requests = AreaRequest.objects.bulk_create(
        AreaRequest(request=document_request, review_area=area) for area in targets
    )
    for area_request in area_requests:
        for coordinator in coordinators_of(area_request.review_area):
            notify(
                coordinator,
                "document_request_created",
                reason=f"Your area has been asked for documents for {review}",
                context=request_context(area_request),
                related=area_request,
                dedupe_key=f"documents:request-created:{area_request.pk}:{coordinator.pk}",
            )
    record(by, Action.CREATE, document_request, areas=len(area_requests))
    return document_request


def _refuse_if_accepted(area_request):
    if area_request.status == AreaStatus.ACCEPTED:
        raise DocumentActionRefused("The team has accepted these documents, so they can no longer be changed.")


def _new_version(upload, checked, number, by, stored):
    stored_name = store(checked, STORAGE_FOLDER)
    stored.append(stored_name)
    version = UploadVersion.objects.create(
        upload=upload,
        number=number,
        original_name=checked.name,
        size=checked.size,
        file_type=checked.file_type.label,
        content_type=checked.content_type,
        sha256=checked.sha256,
        stored_name=stored_name,
        uploaded_by=by,
    )
    # The reference is built from the row's own id, so it is unique without a separate counter.
    version.reference = f"DOC-{version.uploaded_at:%Y}-{version.pk:06d}"
    version.save(update_fields=["reference"])
    upload.current_version = version
    upload.save(update_fields=["current_version"])
    return version


def _keeping_files_only_on_success(work):
    """Run work(stored) in a transaction; if it fails, delete every file it stored, so nothing is kept."""
    stored = []
    try:
        with transaction.atomic():
            return work(stored)
    except BaseException:
        for stored_name in stored:
            delete_stored(stored_name)
        raise


def _mark_uploaded(area_request):
    if area_request.status != AreaStatus.UPLOADED:
        area_request.status = AreaStatus.UPLOADED
        area_request.save(update_fields=["status"])


def add_uploads(area_request, checked_files, *, description, by):
    """Keep one or more checked files for an area's request, each as a new document at version 1."""

    def work(stored):
        locked = AreaRequest.objects.select_for_update().get(pk=area_request.pk)
        _refuse_if_accepted(locked)
        versions = []
        for checked in checked_files:
            upload = Upload.objects.create(area_request=locked, description=description)
            versions.append(_new_version(upload, checked, 1, by, stored))
        _mark_uploaded(locked)
        for version in versions:
            record(by, Action.CREATE, version, reference=version.reference, sha256=version.sha256)
        return versions

    return _keeping_files_only_on_success(work)


def replace_upload(upload, checked, *, by):
    """Keep a new version of a document that has not been accepted; earlier versions stay."""

    def work(stored):
        locked = AreaRequest.objects.select_for_update().get(pk=upload.area_request_id)
        _refuse_if_accepted(locked)
        number = upload.versions.count() + 1
        version = _new_version(upload, checked, number, by, stored)
        _mark_uploaded(locked)
        record(by, Action.CHANGE, version, reference=version.reference, version=number, sha256=version.sha256)
        return version

    return _keeping_files_only_on_success(work)


def _decide(area_request, status, *, comment, by, template):
    locked = AreaRequest.objects.select_for_update().get(pk=area_request.pk)
    if locked.status != AreaStatus.UPLOADED:
        raise DocumentActionRefused(
            f"Only uploaded documents can be accepted or returned; these are {locked.get_status_display().lower()}."
        )
    locked.status = status
    locked.comment = comment
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "comment", "decided_by", "decided_at"])
    context = {**request_context(locked), "comment": comment}
    for coordinator in coordinators_of(locked.review_area):
        notify(
            coordinator,
            template,
            reason=f"The review team looked at your {locked.request.title}",
            context=context,
            related=locked,
        )
    record(by, Action.DECIDE, locked, decision=status)
    return locked


@transaction.atomic
def accept(area_request, *, by):
    return _decide(area_request, AreaStatus.ACCEPTED, comment="", by=by, template="document_accepted")


@transaction.atomic
def return_to_area(area_request, *, comment, by):
    if not comment.strip():
        raise DocumentActionRefused("Say why the documents are being returned.")
    return _decide(area_request, AreaStatus.RETURNED, comment=comment.strip(), by=by, template="document_returned")


@transaction.atomic
def request_bundle(review_area, *, by):
    """Start building a zip of the area's accepted files. The task runs after the row is committed."""
    from reviews.documents.tasks import build_area_bundle

    bundle = AreaBundle.objects.create(review_area=review_area, requested_by=by)
    record(by, Action.CREATE, bundle, area=str(review_area.local_authority))
    transaction.on_commit(lambda: _enqueue_bundle(build_area_bundle, bundle.pk))
    return bundle


def _enqueue_bundle(task, bundle_id):
    try:
        task.delay(bundle_id)
    except Exception:  # an unreachable broker must never break the user's request
        logger.warning("Could not queue the zip for bundle %s", bundle_id, exc_info=True)
        AreaBundle.objects.filter(pk=bundle_id, status=BundleStatus.QUEUED).update(
            status=BundleStatus.FAILED, error="The background worker could not be reached. Try again later."
        )
