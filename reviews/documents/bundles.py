"""Build one zip of all of an area's accepted files for a review, reporting progress as it goes."""

import csv
import io
import logging
import tempfile
import zipfile

from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from inspectorate.uploads import delete_stored, open_stored, store_generated
from reviews.documents.models import AreaBundle, AreaStatus, BundleStatus, UploadVersion

logger = logging.getLogger(__name__)
FOLDER = "document-bundles"


def accepted_files(review_area):
    """The current version of every document in the area's accepted requests."""
    return (
        UploadVersion.objects.filter(
            upload__area_request__review_area=review_area,
            upload__area_request__status=AreaStatus.ACCEPTED,
            upload__current_version=F("pk"),
        )
        .select_related("upload__area_request__request", "uploaded_by")
        .order_by("upload__area_request__request__due_date", "upload__area_request__request__title", "reference")
    )


def _manifest(versions):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["reference", "request", "description", "file name", "type", "bytes", "sha256", "uploaded at"])
    for version in versions:
        writer.writerow(
            [
                version.reference,
                version.upload.area_request.request.title,
                version.upload.description,
                version.original_name,
                version.file_type,
                version.size,
                version.sha256,
                timezone.localtime(version.uploaded_at).isoformat(timespec="minutes"),
            ]
        )
    return text.getvalue()


def build(bundle_id):
    """Claim a queued bundle and build it. Safe to run twice: a bundle already claimed is left alone."""
    claimed = AreaBundle.objects.filter(pk=bundle_id, status=BundleStatus.QUEUED).update(status=BundleStatus.BUILDING)
    if not claimed:
        return None
    bundle = AreaBundle.objects.select_related("review_area__local_authority").get(pk=bundle_id)
    versions = list(accepted_files(bundle.review_area))
    AreaBundle.objects.filter(pk=bundle_id).update(files_total=len(versions))
    stored_name = ""
    try:
        with tempfile.TemporaryFile() as scratch:
            with zipfile.ZipFile(scratch, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for done, version in enumerate(versions, start=1):
                    folder = slugify(version.upload.area_request.request.title) or "documents"
                    with (
                        open_stored(version.stored_name) as source,
                        archive.open(f"{folder}/{version.reference} {version.original_name}", "w") as target,
                    ):
                        while chunk := source.read(1024 * 1024):
                            target.write(chunk)
                    AreaBundle.objects.filter(pk=bundle_id).update(files_done=done)
                archive.writestr("manifest.csv", _manifest(versions))
            size = scratch.tell()
            scratch.seek(0)
            stored_name = store_generated(scratch, FOLDER)
        AreaBundle.objects.filter(pk=bundle_id).update(
            status=BundleStatus.READY, stored_name=stored_name, size=size, finished_at=timezone.now()
        )
    except Exception:
        logger.exception("Could not build document bundle %s", bundle_id)
        delete_stored(stored_name)
        AreaBundle.objects.filter(pk=bundle_id).update(
            status=BundleStatus.FAILED, finished_at=timezone.now(), error="The zip could not be built. Try again."
        )
        return BundleStatus.FAILED
    return BundleStatus.READY
