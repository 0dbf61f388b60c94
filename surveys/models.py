"""Surveys: the questionnaires a review uses to hear from staff, children and young people, parents
and carers, and (in the national phase) every local authority.

Anonymous surveys store no name, email address, IP address or browser details: an answer is
tagged with the area whose link it came through and nothing else. The national survey is the
exception: each local authority answers once through its named co-ordinator.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from inspectorate.scoping import Scope, ScopedQuerySet

TEAM = "review__team_members__user"


class Audience(models.TextChoices):
    STAFF = "staff", "Staff"
    CHILDREN = "children", "Children and young people"
    PARENTS = "parents", "Parents and carers"
    LOCAL_AUTHORITIES = "local_authorities", "Local authorities (national survey or self-evaluation)"


class Kind(models.TextChoices):
    SINGLE = "single", "Single choice"
    MULTIPLE = "multiple", "Multiple choice"
    AGREEMENT = "agreement", "Agreement scale"
    SIX_POINT = "six_point", "Six-point scale"
    NUMBER = "number", "Number"
    SHORT_TEXT = "short_text", "Short text"
    LONG_TEXT = "long_text", "Long text"


# The fixed scales: a question of these kinds always has exactly these options, in this order.
SCALES = {
    Kind.AGREEMENT: [
        "Strongly agree",
        "Agree",
        "Neither agree nor disagree",
        "Disagree",
        "Strongly disagree",
        "Don't know",
    ],
    Kind.SIX_POINT: ["Excellent", "Very good", "Good", "Adequate", "Weak", "Unsatisfactory"],
}
CHOICE_KINDS = {Kind.SINGLE, Kind.MULTIPLE, Kind.AGREEMENT, Kind.SIX_POINT}
TEXT_KINDS = {Kind.SHORT_TEXT, Kind.LONG_TEXT}


class WindowState(models.TextChoices):
    NOT_OPEN = "not_open", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Survey(models.Model):
    """A questionnaire for one audience of a review, open between two set times.

    Each participating area gets its own link (SurveyLink); answers are collected only while the
    window is open.
    """

    review = models.ForeignKey("reviews.Review", on_delete=models.PROTECT, related_name="surveys")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Shown on the first page, before the questions")
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    expected_responses_per_area = models.PositiveIntegerField(
        default=0, help_text="How many responses each area is expected to return (for example, its number of staff)"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=TEAM, area="links__review_area__local_authority")

    class Meta:
        ordering = ["opens_at", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("surveys:detail", args=[self.pk])

    @property
    def is_anonymous(self):
        return self.audience != Audience.LOCAL_AUTHORITIES

    @property
    def plain_words(self):
        """Pages for children and young people use plainer words."""
        return self.audience == Audience.CHILDREN

    def window_state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return WindowState.NOT_OPEN
        if now >= self.closes_at:
            return WindowState.CLOSED
        return WindowState.OPEN

    def is_open(self, now=None):
        return self.window_state(now) == WindowState.OPEN

    def has_answers(self):
        return Response.objects.filter(survey=self).exists()


class Section(models.Model):
    """A page of a survey: a group of questions answered together."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=f"survey__{TEAM}")

    class Meta:
        ordering = ["survey", "order", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    """One question. A follow-up question is shown only when its trigger question was answered
    with the trigger option ("show B when A was answered X")."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField(max_length=500)
    help_text = models.CharField(max_length=500, blank=True)
    required = models.BooleanField(default=True)
    order = models.PositiveIntegerField(default=0)
    shown_when = models.ForeignKey(
        "Option",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        help_text="Ask this question only when this option was chosen",
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=f"section__survey__{TEAM}")

    class Meta:
        ordering = ["section__order", "section", "order", "pk"]

    def __str__(self):
        return self.text

    @property
    def has_options(self):
        return self.kind in CHOICE_KINDS

    @property
    def is_free_text(self):
        return self.kind in TEXT_KINDS


class Option(models.Model):
    """One answer a respondent may choose for a choice or scale question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.label


def new_token():
    return secrets.token_urlsafe(24)


class SurveyLink(models.Model):
    """The link one participating area shares with its people.

    The token is unguessable; an answer that comes through it is tagged with this area and nothing
    else. For the national survey the link belongs to one named respondent (the area's
    co-ordinator), who signs in to answer. The team releases an area's results to its co-ordinator.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    review_area = models.ForeignKey("reviews.ReviewArea", on_delete=models.PROTECT, related_name="survey_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    expected_responses = models.PositiveIntegerField(default=0)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="National survey only: the named person who answers for the area",
    )
    released_at = models.DateTimeField(null=True, blank=True, help_text="When the area's results were released")
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=f"survey__{TEAM}", area="review_area__local_authority")

    class Meta:
        ordering = ["survey", "review_area__local_authority__name"]
        constraints = [models.UniqueConstraint(fields=["survey", "review_area"], name="one_link_per_area_per_survey")]

    def __str__(self):
        return f"{self.survey}: {self.review_area.local_authority}"

    def get_absolute_url(self):
        return reverse("surveys:start", args=[self.token])

    @property
    def local_authority(self):
        return self.review_area.local_authority

    @property
    def is_released(self):
        return self.released_at is not None


class Response(models.Model):
    """One submitted questionnaire. Anonymous: only the area's link and the time are kept.

    The idempotency key comes from the answer form, so a double click stores one response.
    """

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    link = models.ForeignKey(SurveyLink, on_delete=models.PROTECT, related_name="responses")
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submitted_at = models.DateTimeField(default=timezone.now)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="National survey only; always empty for anonymous surveys",
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=f"survey__{TEAM}")

    class Meta:
        ordering = ["submitted_at"]

    def __str__(self):
        return f"Response {self.pk} to {self.survey}"


class Answer(models.Model):
    """One answer within a response: a chosen option (one row per option for multiple choice), a
    number or some text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(Option, null=True, blank=True, on_delete=models.PROTECT, related_name="answers")
    number = models.IntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team=f"response__survey__{TEAM}")

    class Meta:
        ordering = ["response", "question", "pk"]

    def __str__(self):
        return f"Answer to {self.question_id} in response {self.response_id}"
