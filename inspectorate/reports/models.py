"""Generated reports: every version of every PDF the service has rendered, kept."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from inspectorate.scoping import Scope, ScopedQuerySet


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Rendering"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Report(models.Model):
    """One rendered version of a report (for example the national overview of a review).

    Regenerating makes a new version; earlier versions are kept. Access is decided by the
    report's kind (see kinds.py); a published report is also readable without signing in.
    """

    kind = models.CharField(max_length=60, db_index=True)
    subject_id = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    file = models.CharField(max_length=300, blank=True, help_text="Path under MEDIA_ROOT")
    html = models.TextField(blank=True, help_text="The accessible HTML version, kept for publication")
    pages = models.PositiveIntegerField(null=True, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True, help_text="When a worker claimed it to render")
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["kind", "subject_id", "version"], name="report_version_once")]

    def __str__(self):
        return f"{self.title} (version {self.version})"

    def get_absolute_url(self):
        return reverse("reports:status", args=[self.pk])

    @property
    def is_ready(self):
        return self.status == ReportStatus.READY


class Release(models.Model):
    """The team's decision to let an area's co-ordinator read an area report (feedback, local staff
    survey report, validation letter). Until it exists only the team sees the report; area reports
    are never public."""

    kind = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=64)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "subject_id"], name="release_once")]

    def __str__(self):
        return f"{self.kind} {self.subject_id} released"


class ClearedExcerpt(models.Model):
    """A passage of free text (from a survey answer) that the review team has checked names no child,
    family or member of staff, and cleared for quotation in reports. Reports quote only these."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="cleared_excerpts")
    area = models.ForeignKey(
        "reviews.ReviewArea", null=True, blank=True, on_delete=models.CASCADE, related_name="cleared_excerpts"
    )
    answer = models.OneToOneField(
        "surveys.Answer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cleared_excerpt",
        help_text="The survey answer it was taken from",
    )
    source = models.CharField(max_length=300, help_text="For example, Staff survey: What works well?")
    text = models.TextField(help_text="As it may be quoted, with anything identifying taken out")
    cleared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cleared_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["source", "cleared_at", "pk"]

    def __str__(self):
        return f"{self.source}: {self.text[:60]}"
