"""Registration variations: a provider asks to change a service's registration, the registration team decides."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from inspectorate.organisations.models import CareService
from inspectorate.scoping import Scope, ScopedQuerySet


class VariationKind(models.TextChoices):
    SKILLS_MIX = "skills_mix", "Skills mix (staffing schedule)"
    CAPACITY = "capacity", "Number of places"
    PREMISES = "premises", "Premises"
    SERVICE_TYPE = "service_type", "Service type"


class VariationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    INFORMATION_REQUESTED = "information_requested", "More information requested"
    AGREED = "agreed", "Agreed with time-limited conditions"
    EVALUATION_SUBMITTED = "evaluation_submitted", "Evaluation submitted"
    PERMANENT = "permanent", "Made permanent"
    REFUSED = "refused", "Refused"
    ENDED = "ended", "Ended"


class VariationRequest(models.Model):
    """A provider's request to vary the registration of one care service.

    A skills-mix variation (for example senior care workers taking on tasks nurses did) comes with
    the current and proposed staffing schedules, the engagement with commissioners, residents and
    relatives, and a plan to evaluate it. If agreed, time-limited conditions apply until an end
    date; the provider evaluates, and only then is it made permanent, extended or ended.
    """

    service = models.ForeignKey(CareService, on_delete=models.PROTECT, related_name="variations")
    kind = models.CharField(max_length=20, choices=VariationKind.choices)
    status = models.CharField(max_length=30, choices=VariationStatus.choices, default=VariationStatus.SUBMITTED)
    current_schedule = models.JSONField(default=list, help_text="Rows of role, shift and number of staff")
    proposed_schedule = models.JSONField(default=list, help_text="Rows of role, shift and number of staff")
    reason = models.TextField()
    engagement_commissioners = models.TextField(blank=True)
    engagement_residents = models.TextField(blank=True)
    evaluation_plan = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    conditions_end_on = models.DateField(null=True, blank=True)
    evaluation = models.TextField(blank=True)
    refusal_reasons = models.JSONField(default=list, blank=True)
    inspect_all_quality_themes = models.BooleanField(
        default=False, help_text="The service's next inspection looks at all quality themes"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(provider="service__provider", staff_all=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "conditions_end_on"])]

    def __str__(self):
        return f"{self.reference}: {self.get_kind_display()} for {self.service.name}"

    def get_absolute_url(self):
        return reverse("annual_returns:variation-detail", args=[self.pk])

    @property
    def reference(self):
        return f"VAR-{self.pk:05d}"


class VariationEvent(models.Model):
    """One step in a variation's history: a move between states, with who, when and what was said."""

    variation = models.ForeignKey(VariationRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=30, choices=VariationStatus.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=VariationStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.variation.reference}: {self.to_status}"


class VariationDocument(models.Model):
    """A supporting document, stored through the checked upload path (inspectorate.uploads)."""

    variation = models.ForeignKey(VariationRequest, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=150)
    stored_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(provider="variation__service__provider", staff_all=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.name
