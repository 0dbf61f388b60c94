"""Annual returns: the yearly cycle, its question set, each service's return and its sections."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from annual_returns import questions
from inspectorate.organisations.models import CareService
from inspectorate.scoping import Scope, ScopedQuerySet


def end_of_day(day):
    """The last second of `day` in the service's time zone: a deadline date is open all that day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


class Cycle(models.Model):
    """One year's annual return collection: the window in which every registered service submits.

    The closing date may be pushed back by an extension for everyone (extended_to) and, for one
    service, by a DeadlineExtension.
    """

    year = models.PositiveSmallIntegerField(unique=True, help_text="The year of the return, for example 2026")
    opens_on = models.DateField(help_text="First day providers can submit")
    closes_on = models.DateField(help_text="The usual closing date")
    extended_to = models.DateField(
        null=True, blank=True, help_text="A later closing date for every service, if the window was extended"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(staff_all=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="cycle_closes_after_open"
            )
        ]

    def __str__(self):
        return f"Annual return {self.year}"

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "The closing date must be on or after the opening date."})
        if self.extended_to and self.closes_on and self.extended_to < self.closes_on:
            raise ValidationError({"extended_to": "The extension must end on or after the usual closing date."})

    @property
    def deadline(self):
        return self.extended_to or self.closes_on

    def is_open_on(self, day):
        return self.opens_on <= day <= self.deadline

    def question_set_definition(self):
        question_set = getattr(self, "question_set", None)
        return question_set.definition if question_set else questions.definition(self.year)


class QuestionSet(models.Model):
    """The questions asked in one cycle, frozen as data so each year's returns keep their own questions."""

    cycle = models.OneToOneField(Cycle, on_delete=models.CASCADE, related_name="question_set")
    definition = models.JSONField(help_text="Sections and questions, as written by annual_returns.questions")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Questions for {self.cycle}"

    def sections_for(self, service_type):
        """The sections, each with only the questions asked of this service type."""
        return sections_for(self.definition, service_type)


def sections_for(definition, service_type):
    result = []
    for section in definition["sections"]:
        asked = [q for q in section["questions"] if questions.applies_to(q, service_type)]
        if asked:
            result.append({**section, "questions": asked})
    return result


class DeadlineExtension(models.Model):
    """A later deadline for one service in one cycle, granted by the regulator with a reason."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="extensions")
    service = models.ForeignKey(CareService, on_delete=models.CASCADE, related_name="return_extensions")
    deadline = models.DateField()
    reason = models.TextField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cycle", "service"], name="one_extension_per_service")]

    def __str__(self):
        return f"{self.service} until {self.deadline:%d %B %Y}"

    def clean(self):
        if self.cycle_id and self.deadline and self.deadline <= self.cycle.deadline:
            raise ValidationError({"deadline": "An extension must end after the cycle's own deadline."})


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"


class AnnualReturnQuerySet(ScopedQuerySet):
    def submitted(self):
        return self.filter(status=ReturnStatus.SUBMITTED)


class AnnualReturn(models.Model):
    """One service's annual return for one cycle. Once submitted it is kept exactly as submitted.

    The benchmark figures (turnover, vacancy rate, agency use, occupancy) are worked out from the
    answers when the return is submitted, so comparisons do not re-read every return's answers.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="returns")
    service = models.ForeignKey(CareService, on_delete=models.PROTECT, related_name="annual_returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED)
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_into"
    )
    reference = models.CharField(max_length=30, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declared_name = models.CharField(max_length=150, blank=True)
    declared_position = models.CharField(max_length=150, blank=True)
    staff_turnover = models.FloatField(null=True, blank=True)
    vacancy_rate = models.FloatField(null=True, blank=True)
    agency_use = models.FloatField(null=True, blank=True)
    occupancy = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AnnualReturnQuerySet.as_manager()
    scope = Scope(provider="service__provider", staff_all=True)

    class Meta:
        ordering = ["-cycle__year", "service__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "service"], name="one_return_per_service_per_cycle")]
        indexes = [models.Index(fields=["cycle", "status"])]

    def __str__(self):
        return f"{self.cycle.year} return for {self.service}"

    def get_absolute_url(self):
        return reverse("annual_returns:task-list", args=[self.pk])

    @property
    def is_submitted(self):
        return self.status == ReturnStatus.SUBMITTED

    def sections(self):
        return sections_for(self.cycle.question_set_definition(), self.service.service_type)


class SectionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class SectionAnswer(models.Model):
    """The answers to one section of a return, stored as JSON keyed by question.

    `explanations` holds the provider's reasons for unusual values they confirmed (shown to
    inspectors); `carried_forward` marks answers copied from last year and not yet confirmed;
    `changed` lists the questions whose answer differs from last year's.
    """

    annual_return = models.ForeignKey(AnnualReturn, on_delete=models.CASCADE, related_name="section_answers")
    section = models.CharField(max_length=40)
    answers = models.JSONField(default=dict)
    explanations = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=SectionStatus.choices, default=SectionStatus.IN_PROGRESS)
    carried_forward = models.BooleanField(default=False)
    previous_answers = models.JSONField(default=dict, blank=True)
    changed = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(provider="annual_return__service__provider", staff_all=True)

    class Meta:
        ordering = ["annual_return", "section"]
        constraints = [models.UniqueConstraint(fields=["annual_return", "section"], name="one_answer_per_section")]

    def __str__(self):
        return f"{self.annual_return}: {self.section}"


class ImportKind(models.TextChoices):
    SERVICES = "services", "Register of care services"
    RETURNS = "returns", "Past annual returns"


class ImportStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    CHECKING = "checking", "Checking every row"
    REJECTED = "rejected", "Rejected: bad rows found, nothing imported"
    IMPORTING = "importing", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class ImportJob(models.Model):
    """A large CSV import (such as the national register of ~14,000 services) run by a worker.

    The whole file is checked first; if any row is bad, nothing is imported and every bad row is
    listed. Otherwise rows are imported in batches and the progress is kept here for the admin.
    """

    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    file = models.FileField(upload_to="annual_returns/imports/")
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.WAITING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    bad_rows = models.JSONField(default=list, blank=True, help_text="Row number and reasons for each bad row")
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} import of {self.created_at:%d %B %Y %H:%M}"

    @property
    def percent_done(self):
        return round(100 * self.processed_rows / self.total_rows) if self.total_rows else 0


# Registration variations live in their own module; importing them here registers them with the app.
from annual_returns.variations.models import VariationDocument, VariationEvent, VariationRequest  # noqa: E402, F401
