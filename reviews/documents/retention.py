"""How long a review's documents are kept, and the purge that removes them when that time is up.

A review's uploads are kept for DOCUMENT_RETENTION_YEARS after the review is published (or closed,
for a review that ends without publication). Until then there is no retention date: the files are
still in use. Zips built for the team are working copies and go after BUNDLE_KEEP.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from inspectorate.audit.trail import Action, record
from inspectorate.uploads import delete_stored
from reviews.documents.models import AreaBundle, Upload, UploadVersion
from reviews.models import Review, ReviewStatus, StatusChange

BUNDLE_KEEP = timedelta(days=7)
ENDING_STATUSES = [ReviewStatus.PUBLISHED, ReviewStatus.CLOSED]


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def ended_on_by_review(review_ids=None):
    """{review id: the date it was first published or closed}; reviews still running are absent."""
    changes = StatusChange.objects.filter(to_status__in=ENDING_STATUSES)
    if review_ids is not None:
        changes = changes.filter(review_id__in=review_ids)
    rows = changes.values("review_id").annotate(ended=Min("changed_at"))
    return {row["review_id"]: timezone.localdate(row["ended"]) for row in rows}


def retention_date(review):
    """The day the review's documents are deleted, or None while the review is still running."""
    ended = ended_on_by_review([review.pk]).get(review.pk)
    return add_years(ended, settings.DOCUMENT_RETENTION_YEARS) if ended else None


def expired_review_ids(today):
    years = settings.DOCUMENT_RETENTION_YEARS
    return [review_id for review_id, ended in ended_on_by_review().items() if add_years(ended, years) <= today]


def purge_expired(today: date | None = None):
    """Delete the files of every review past its retention date, and old zips. Returns {review: files deleted}.

    Files go first, then rows: if the rows cannot be deleted, the next run finds them again and a
    file already gone is not an error. Each review's purge leaves one audit row.
    """
    today = today or timezone.localdate()
    purged = {}
    for review in Review.objects.filter(pk__in=expired_review_ids(today)).order_by("pk"):
        versions = list(
            UploadVersion.objects.filter(upload__area_request__request__review=review).values_list(
                "reference", "stored_name"
            )
        )
        bundles = AreaBundle.objects.filter(review_area__review=review)
        if not versions and not bundles.exists():
            continue
        with transaction.atomic():
            for _, stored_name in versions:
                delete_stored(stored_name)
            for stored_name in bundles.values_list("stored_name", flat=True):
                delete_stored(stored_name)
            Upload.objects.filter(area_request__request__review=review).delete()
            bundles.delete()
            record(
                None,
                Action.DELETE,
                review,
                reason="retention period ended",
                retention_date=add_years(
                    ended_on_by_review([review.pk])[review.pk], settings.DOCUMENT_RETENTION_YEARS
                ).isoformat(),
                files=len(versions),
                references=[reference for reference, _ in versions],
            )
        purged[review] = len(versions)
    _purge_old_bundles()
    return purged


def _purge_old_bundles():
    old = AreaBundle.objects.filter(requested_at__lt=timezone.now() - BUNDLE_KEEP)
    for bundle in old:
        delete_stored(bundle.stored_name)
    old.delete()
