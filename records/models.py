"""Record reading: case lists, audited random samples, structured readings and their results.

Records are known only by the area's unique reference number and a few non-identifying fields
that the review defines (such as age band); the service never holds a name or a date of birth.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from inspectorate.scoping import Scope, ScopedQuerySet

TEAM = "review_area__review__team_members__user"


class CaseListField(models.Model):
    """A non-identifying field that every row of a review's case lists carries, with its allowed values."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="case_list_fields")
    name = models.SlugField(max_length=40, help_text="The column heading in the file, for example age_band")
    label = models.CharField(max_length=100)
    allowed_values = models.JSONField(default=list, help_text="The values a row may hold in this column")
    order = models.PositiveSmallIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user", area="review__areas__local_authority")

    class Meta:
        ordering = ["review", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["review", "name"], name="case_list_field_once_per_review")]

    def __str__(self):
        return self.label


class CaseList(models.Model):
    """An area's list of records eligible for reading, as its co-ordinator last uploaded it."""

    review_area = models.OneToOneField("reviews.ReviewArea", on_delete=models.CASCADE, related_name="case_list")
    filename = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    record_count = models.PositiveIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=TEAM, area="review_area__local_authority")

    def __str__(self):
        return f"Case list for {self.review_area}"


class CaseRecord(models.Model):
    """One eligible record: the area's unique reference number and its non-identifying field values."""

    case_list = models.ForeignKey(CaseList, on_delete=models.CASCADE, related_name="records")
    reference = models.CharField(max_length=60)
    values = models.JSONField(default=dict)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="case_list__" + TEAM, area="case_list__review_area__local_authority")

    class Meta:
        ordering = ["case_list", "reference"]
        constraints = [models.UniqueConstraint(fields=["case_list", "reference"], name="reference_once_per_list")]

    def __str__(self):
        return self.reference


class Sample(models.Model):
    """The random sample of an area's records drawn for reading, with what is needed to re-derive it.

    Anyone holding the case list can check the draw: the population hash proves which list was
    used, and records.sampling re-creates the same sample and reserve from the seed.
    """

    review_area = models.OneToOneField("reviews.ReviewArea", on_delete=models.CASCADE, related_name="record_sample")
    size = models.PositiveIntegerField()
    reserve_size = models.PositiveIntegerField()
    stratify_by = models.CharField(max_length=40, blank=True)
    seed = models.CharField(max_length=64)
    population_sha256 = models.CharField(max_length=64)
    population_size = models.PositiveIntegerField()
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField(default=timezone.now)
    qa_share = models.PositiveSmallIntegerField(default=0, help_text="Percentage of records given a second reader")
    results_released_at = models.DateTimeField(null=True, blank=True)
    results_released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=TEAM, area="review_area__local_authority")

    def __str__(self):
        return f"Sample of {self.size} for {self.review_area}"

    def get_absolute_url(self):
        return reverse("records:sample", args=[self.review_area_id])

    @property
    def results_released(self):
        return self.results_released_at is not None


class SampleDraw(models.Model):
    """One draw (or re-draw) of an area's sample, kept as history for the audit of the method."""

    review_area = models.ForeignKey("reviews.ReviewArea", on_delete=models.CASCADE, related_name="sample_draws")
    size = models.PositiveIntegerField()
    reserve_size = models.PositiveIntegerField()
    stratify_by = models.CharField(max_length=40, blank=True)
    seed = models.CharField(max_length=64)
    population_sha256 = models.CharField(max_length=64)
    population_size = models.PositiveIntegerField()
    references = models.JSONField(default=list, help_text="The sample, in draw order")
    reserve = models.JSONField(default=list, help_text="The reserve list, in the order it is used")
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=TEAM)

    class Meta:
        ordering = ["review_area", "-drawn_at", "-pk"]

    def __str__(self):
        return f"Draw of {self.size} for {self.review_area} at {self.drawn_at:%Y-%m-%d %H:%M}"


class NotReadReason(models.TextChoices):
    UNAVAILABLE = "unavailable", "Record unavailable"
    NOT_ELIGIBLE = "not_eligible", "Not eligible"
    INSUFFICIENT = "insufficient", "Too little recorded to read"
    OTHER = "other", "Other reason"


class SampledRecord(models.Model):
    """A record in an area's sample or on its reserve list, with the readers it is given to.

    A reserve record joins the sample (in reserve order) when it replaces one that could not be read.
    """

    class Kind(models.TextChoices):
        SAMPLE = "sample", "Sample"
        RESERVE = "reserve", "Reserve"

    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="records")
    case_record = models.ForeignKey(CaseRecord, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=60)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    position = models.PositiveIntegerField(help_text="Order in the sample, or in the reserve list")
    in_sample = models.BooleanField(help_text="Drawn into the sample, or taken from the reserve to replace a record")
    replaces = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by")
    not_read_reason = models.CharField(max_length=20, choices=NotReadReason.choices, blank=True)
    not_read_note = models.CharField(max_length=300, blank=True)
    marked_not_read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="sample__" + TEAM)

    class Meta:
        ordering = ["sample", "-kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "kind", "position"], name="one_record_per_position"),
            models.UniqueConstraint(fields=["sample", "case_record"], name="record_once_per_sample"),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_not_read(self):
        return bool(self.not_read_reason)


class ReadingTemplate(models.Model):
    """The structured template a review's readers read each record against."""

    review = models.OneToOneField("reviews.Review", on_delete=models.CASCADE, related_name="reading_template")
    title = models.CharField(max_length=200)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    def __str__(self):
        return self.title


class ReadingSection(models.Model):
    """A part of the reading template, such as assessment or the child's views: one page of the form."""

    template = models.ForeignKey(ReadingTemplate, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=100)

    class Meta:
        ordering = ["template", "number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="section_number_once")]

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    EVALUATION = "evaluation", "Six-point evaluation"
    YES_NO = "yes_no", "Yes, no, partly or not applicable"
    NOTES = "notes", "Notes"


EVALUATION_SCALE = [
    ("excellent", "Excellent"),
    ("very_good", "Very good"),
    ("good", "Good"),
    ("adequate", "Adequate"),
    ("weak", "Weak"),
    ("unsatisfactory", "Unsatisfactory"),
]
YES_NO_SCALE = [("yes", "Yes"), ("no", "No"), ("partly", "Partly"), ("not_applicable", "Not applicable")]


class ReadingQuestion(models.Model):
    """One question of a reading template section: an evaluation, a yes / no question or notes."""

    section = models.ForeignKey(ReadingSection, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=60, help_text="A stable name for exports")
    text = models.CharField(max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)

    class Meta:
        ordering = ["section__number", "number"]
        constraints = [models.UniqueConstraint(fields=["section", "number"], name="question_number_once")]

    def __str__(self):
        return self.text

    @property
    def options(self):
        return {QuestionKind.EVALUATION: EVALUATION_SCALE, QuestionKind.YES_NO: YES_NO_SCALE}.get(self.kind, [])

    @property
    def is_counted(self):
        return self.kind != QuestionKind.NOTES


class Reading(models.Model):
    """One reader's reading of one sampled record; a second reading is the quality-assurance check."""

    sampled_record = models.ForeignKey(SampledRecord, on_delete=models.CASCADE, related_name="readings")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="record_readings")
    is_second = models.BooleanField(default=False, help_text="A second, quality-assurance reading")
    sections_done = models.JSONField(default=list, help_text="Numbers of the sections saved")
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="sampled_record__sample__" + TEAM)

    class Meta:
        ordering = ["sampled_record", "is_second"]
        constraints = [
            models.UniqueConstraint(fields=["sampled_record", "is_second"], name="one_reading_per_role"),
        ]

    def __str__(self):
        return f"{'Second reading' if self.is_second else 'Reading'} of {self.sampled_record}"

    def get_absolute_url(self):
        return reverse("records:reading", args=[self.pk])

    @property
    def is_complete(self):
        return self.completed_at is not None


class Answer(models.Model):
    """A reader's answer to one question for one record."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ReadingQuestion, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["reading", "question"]
        constraints = [models.UniqueConstraint(fields=["reading", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question.key}: {self.value or self.note[:30]}"

    @property
    def value_label(self):
        return dict(self.question.options).get(self.value, self.value)


class ModeratedAnswer(models.Model):
    """The answer the lead agreed where the two readings of a record disagreed; results use it."""

    sampled_record = models.ForeignKey(SampledRecord, on_delete=models.CASCADE, related_name="moderated_answers")
    question = models.ForeignKey(ReadingQuestion, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=20)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="sampled_record__sample__" + TEAM)

    class Meta:
        ordering = ["sampled_record", "question"]
        constraints = [
            models.UniqueConstraint(fields=["sampled_record", "question"], name="one_agreed_answer_per_question")
        ]

    def __str__(self):
        return f"Agreed {self.question.key} for {self.sampled_record}: {self.value}"
