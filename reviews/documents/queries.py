"""The reads behind the document exchange pages, each a fixed number of queries whatever the data."""

from dataclasses import dataclass

from django.db.models import Count, Q

from reviews.documents.models import AreaBundle, AreaRequest, AreaStatus, DocumentRequest, Upload, UploadVersion
from reviews.models import Review, ReviewArea


def is_team_side(user):
    """Regulator staff and administrators work the team side; co-ordinators never do."""
    return user.is_authenticated and (user.is_regulator_staff or user.is_administrator)


def area_requests_for(user):
    return (
        AreaRequest.objects.for_user(user)
        .select_related("request__review", "review_area__local_authority")
        .annotate(file_count=Count("uploads"))
        .order_by("request__due_date", "request__review__title", "request__title")
    )


def team_reviews(user):
    return (
        Review.objects.for_user(user)
        .annotate(request_count=Count("document_requests", distinct=True))
        .order_by("-created_at")
    )


@dataclass
class MatrixRow:
    review_area: ReviewArea
    cells: list  # one AreaRequest or None per request, in the order of the columns
    accepted: int


def matrix(review):
    """Areas x requests for one review: (requests, rows). Three queries however many areas and requests."""
    requests = list(DocumentRequest.objects.filter(review=review).order_by("due_date", "title"))
    area_requests = (
        AreaRequest.objects.filter(request__review=review)
        .select_related("request")
        .annotate(file_count=Count("uploads"))
    )
    by_area = {}
    for area_request in area_requests:
        by_area.setdefault(area_request.review_area_id, {})[area_request.request_id] = area_request
    areas = ReviewArea.objects.filter(review=review, pk__in=by_area.keys()).select_related("local_authority")
    rows = []
    for area in areas.order_by("local_authority__name"):
        cells = [by_area[area.pk].get(request.pk) for request in requests]
        accepted = sum(1 for cell in cells if cell is not None and cell.status == AreaStatus.ACCEPTED)
        rows.append(MatrixRow(area, cells, accepted))
    return requests, rows


def uploads_of(area_request):
    return (
        Upload.objects.filter(area_request=area_request)
        .select_related("current_version__uploaded_by")
        .annotate(version_count=Count("versions"))
    )


def versions_of(upload):
    return UploadVersion.objects.filter(upload=upload).select_related("uploaded_by").order_by("-number")


def recent_bundles(review_area, user):
    return (
        AreaBundle.objects.for_user(user)
        .filter(review_area=review_area)
        .select_related("review_area__local_authority")[:5]
    )


def outstanding_for_coordinator(user):
    """The co-ordinator's requests that still need something from their area, soonest due first."""
    return (
        area_requests_for(user)
        .filter(Q(status=AreaStatus.NOT_STARTED) | Q(status=AreaStatus.RETURNED))
        .order_by("request__due_date")
    )
