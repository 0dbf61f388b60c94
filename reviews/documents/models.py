"""Document requests from a review team to participating areas, and the files areas send back."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from inspectorate.scoping import Scope, ScopedQuerySet


class DocumentRequest(models.Model):
    """A request from a review team for documents, such as the position statement and written
    evidence, sent to every area taking part in the review or to chosen areas, with a due date."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="document_requests")
    title = models.CharField(max_length=200)
    guidance = models.TextField(help_text="What to send and how the team will use it")
    due_date = models.DateField()
    all_areas = models.BooleanField(default=True, help_text="Sent to every area taking part in the review")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user", area="area_requests__review_area__local_authority")

    class Meta:
        ordering = ["due_date", "title"]
        constraints = [models.UniqueConstraint(fields=["review", "title"], name="document_request_title_per_review")]

    def __str__(self):
        return f"{self.title} ({self.review})"


class AreaStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    UPLOADED = "uploaded", "Uploaded"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned"


# How each state shows on a page: label and GOV.UK tag colour. "Overdue" is not stored: it is a
# request still waiting for the area after its due date, so it can never go stale.
OVERDUE = ("Overdue", "govuk-tag--red")
STATUS_TAGS = {
    AreaStatus.NOT_STARTED: ("Not started", "govuk-tag--grey"),
    AreaStatus.UPLOADED: ("Uploaded", "govuk-tag--blue"),
    AreaStatus.ACCEPTED: ("Accepted", "govuk-tag--green"),
    AreaStatus.RETURNED: ("Returned", "govuk-tag--orange"),
}
WAITING_FOR_AREA = {AreaStatus.NOT_STARTED, AreaStatus.RETURNED}


class AreaRequestQuerySet(ScopedQuerySet):
    def outstanding(self):
        return self.exclude(status=AreaStatus.ACCEPTED)

    def waiting_for_area(self):
        return self.filter(status__in=WAITING_FOR_AREA)


class AreaRequest(models.Model):
    """One area's part of a document request: what it has sent and what the team decided.

    The team accepts the area's files or returns them with a comment; a returned request goes
    back to the co-ordinator, who replaces or adds files.
    """

    request = models.ForeignKey(DocumentRequest, on_delete=models.CASCADE, related_name="area_requests")
    review_area = models.ForeignKey("reviews.ReviewArea", on_delete=models.CASCADE, related_name="document_requests")
    status = models.CharField(max_length=20, choices=AreaStatus.choices, default=AreaStatus.NOT_STARTED)
    comment = models.TextField(blank=True, help_text="The team's reason for returning the files")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = AreaRequestQuerySet.as_manager()
    scope = Scope(team="request__review__team_members__user", area="review_area__local_authority")

    class Meta:
        ordering = ["request__due_date", "request__title", "review_area__local_authority__name"]
        constraints = [models.UniqueConstraint(fields=["request", "review_area"], name="one_area_request_per_area")]

    def __str__(self):
        return f"{self.request.title}: {self.review_area.local_authority}"

    def get_absolute_url(self):
        return reverse("documents:area-request", args=[self.pk])

    @property
    def is_overdue(self):
        return self.status in WAITING_FOR_AREA and self.request.due_date < timezone.localdate()

    @property
    def tag(self):
        """(label, css class) for the status tag."""
        return OVERDUE if self.is_overdue else STATUS_TAGS[AreaStatus(self.status)]

    @property
    def can_change_files(self):
        return self.status != AreaStatus.ACCEPTED


class Upload(models.Model):
    """A document an area sent for a request. Each replacement is a new version; all are kept."""

    area_request = models.ForeignKey(AreaRequest, on_delete=models.CASCADE, related_name="uploads")
    description = models.CharField(max_length=300)
    current_version = models.ForeignKey(
        "UploadVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(
        team="area_request__request__review__team_members__user", area="area_request__review_area__local_authority"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.description

    def get_absolute_url(self):
        return reverse("documents:upload", args=[self.pk])


class UploadVersion(models.Model):
    """One file as it was uploaded, held under its own unique reference number (DOC-2024-000123).

    The stored file has a random name under MEDIA_ROOT; the original name is kept only as
    sanitised text for display and as the download name.
    """

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    original_name = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    file_type = models.CharField(max_length=60, help_text="The type found from the file's content")
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(
        team="upload__area_request__request__review__team_members__user",
        area="upload__area_request__review_area__local_authority",
    )

    class Meta:
        ordering = ["upload", "-number"]
        constraints = [models.UniqueConstraint(fields=["upload", "number"], name="one_version_number_per_upload")]

    def __str__(self):
        return f"{self.reference} {self.original_name}"

    def get_absolute_url(self):
        return reverse("documents:download", args=[self.reference])


class BundleStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class AreaBundle(models.Model):
    """A zip of all of one area's accepted files for a review, built in the background for the team."""

    review_area = models.ForeignKey("reviews.ReviewArea", on_delete=models.CASCADE, related_name="document_bundles")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=BundleStatus.choices, default=BundleStatus.QUEUED)
    files_total = models.PositiveIntegerField(default=0)
    files_done = models.PositiveIntegerField(default=0)
    stored_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review_area__review__team_members__user")

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"Accepted files of {self.review_area.local_authority} ({self.requested_at:%d %B %Y %H:%M})"

    def get_absolute_url(self):
        return reverse("documents:bundle", args=[self.pk])

    @property
    def percent_done(self):
        if self.status == BundleStatus.READY:
            return 100
        return int(100 * self.files_done / self.files_total) if self.files_total else 0

    @property
    def download_name(self):
        return f"{self.review_area.review.slug}-{self.review_area.local_authority.slug}-accepted-documents.zip"
