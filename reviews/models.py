"""Reviews: thematic reviews and joint inspections, their teams and participating areas."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from inspectorate.scoping import Scope, ScopedQuerySet


class ReviewKind(models.TextChoices):
    THEMATIC = "thematic", "Thematic review"
    JOINT_INSPECTION = "joint_inspection", "Joint inspection of services for children at risk of harm"
    SELF_EVALUATION = "self_evaluation", "National self-evaluation"
    PROGRESS_REVIEW = "progress_review", "Progress review"


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    NOTIFIED = "notified", "Notified"
    FIELDWORK = "fieldwork", "Fieldwork"
    REPORTING = "reporting", "Reporting"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


# The one place that says which status moves are allowed.
ALLOWED_MOVES = {
    ReviewStatus.PLANNED: {ReviewStatus.NOTIFIED, ReviewStatus.CLOSED},
    ReviewStatus.NOTIFIED: {ReviewStatus.FIELDWORK, ReviewStatus.CLOSED},
    ReviewStatus.FIELDWORK: {ReviewStatus.REPORTING},
    ReviewStatus.REPORTING: {ReviewStatus.FIELDWORK, ReviewStatus.PUBLISHED},
    ReviewStatus.PUBLISHED: {ReviewStatus.CLOSED},
    ReviewStatus.CLOSED: set(),
}


# GOV.UK tag colours for each status, so the pages can show them without deciding anything.
STATUS_TAG_CLASSES = {
    ReviewStatus.PLANNED: "govuk-tag--grey",
    ReviewStatus.NOTIFIED: "govuk-tag--blue",
    ReviewStatus.FIELDWORK: "govuk-tag--purple",
    ReviewStatus.REPORTING: "govuk-tag--yellow",
    ReviewStatus.PUBLISHED: "govuk-tag--green",
    ReviewStatus.CLOSED: "govuk-tag--grey",
}


class StatusMoveRefused(ValidationError):
    pass


class Review(models.Model):
    """A thematic review, joint inspection, national self-evaluation or progress review.

    Carried out under section 53 of the Public Services Reform (Scotland) Act 2010 unless stated.
    Only its team (and administrators) see its working pages; co-ordinators see the reviews their
    area takes part in.
    """

    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the public page's address")
    aims = models.TextField(help_text="The aims and review questions, one per line")
    legal_basis = models.CharField(max_length=200, default="Section 53, Public Services Reform (Scotland) Act 2010")
    lead_inspector = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_led")
    support_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews_supported"
    )
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED)
    notification_date = models.DateField(null=True, blank=True, help_text="When the areas are notified")
    follows = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="progress_reviews",
        help_text="For a progress review: the inspection it follows up",
    )
    framework = models.ForeignKey(
        "QualityFramework",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="The quality framework the team evaluates against",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="team_members__user", area="areas__local_authority")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.pk])

    @property
    def status_tag_class(self):
        return STATUS_TAG_CLASSES[ReviewStatus(self.status)]

    @property
    def aims_list(self):
        return [line.strip() for line in self.aims.splitlines() if line.strip()]

    def allowed_moves(self):
        return ALLOWED_MOVES[ReviewStatus(self.status)]

    @transaction.atomic
    def move_to(self, status, *, by):
        """Change status if the move is allowed from the current one; refuse with a clear error otherwise."""
        locked = Review.objects.select_for_update().get(pk=self.pk)
        if status not in ALLOWED_MOVES[ReviewStatus(locked.status)]:
            raise StatusMoveRefused(
                f"A review that is {locked.get_status_display().lower()} cannot move to "
                f"{ReviewStatus(status).label.lower()}."
            )
        previous = locked.status
        locked.status = status
        locked.save(update_fields=["status"])
        self.status = status
        StatusChange.objects.create(review=self, from_status=previous, to_status=status, changed_by=by)
        return self


class StatusChange(models.Model):
    """One move of a review's status, kept as history."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at"]

    def __str__(self):
        return f"{self.review}: {self.from_status} to {self.to_status}"


class TeamRole(models.TextChoices):
    LEAD_INSPECTOR = "lead_inspector", "Lead inspector"
    INSPECTOR = "inspector", "Inspector"
    SUPPORT_OFFICER = "support_officer", "Strategic support officer"
    PARTNER_HIS = "partner_his", "Partner inspector: Healthcare Improvement Scotland"
    PARTNER_ES = "partner_es", "Partner inspector: Education Scotland"
    PARTNER_HMICS = "partner_hmics", "Partner inspector: HMICS"
    YOUNG_INSPECTION_VOLUNTEER = "young_volunteer", "Young inspection volunteer"
    ASSOCIATE_ASSESSOR = "associate_assessor", "Associate assessor"


class TeamMember(models.Model):
    """Someone on a review's team, with their role on this review."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_memberships")
    role = models.CharField(max_length=20, choices=TeamRole.choices)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["review", "role", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="one_membership_per_review")]

    def __str__(self):
        return f"{self.user.full_name}, {self.get_role_display()} ({self.review})"


class Phase(models.TextChoices):
    NATIONAL = "national", "Phase 1: national"
    FIELDWORK = "fieldwork", "Phase 2: participating areas"


class NominationStatus(models.TextChoices):
    NOT_INVITED = "not_invited", "Not invited"
    INVITED = "invited", "Invited"
    NOMINATED = "nominated", "Nominated"
    ACCEPTED = "accepted", "Accepted"


class ReviewArea(models.Model):
    """A local authority area taking part in a review, in phase 1 (national) or phase 2 (detailed work).

    Each area names one co-ordinator (the single point of contact) by the nomination deadline.
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="areas")
    local_authority = models.ForeignKey(
        "organisations.LocalAuthority", on_delete=models.PROTECT, related_name="review_areas"
    )
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.NATIONAL)
    nomination_deadline = models.DateField(null=True, blank=True)
    nomination_status = models.CharField(
        max_length=20, choices=NominationStatus.choices, default=NominationStatus.NOT_INVITED
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="coordinated_areas"
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user", area="local_authority")

    class Meta:
        ordering = ["review", "local_authority__name"]
        constraints = [models.UniqueConstraint(fields=["review", "local_authority"], name="area_once_per_review")]

    def __str__(self):
        return f"{self.local_authority} in {self.review}"

    def nomination_state(self, today):
        """Where the nomination stands, as the review page shows it: accepted, nominated, overdue
        (invited and the deadline has passed), not answered (invited, deadline still ahead) or not invited."""
        if self.nomination_status in (NominationStatus.ACCEPTED, NominationStatus.NOMINATED):
            return self.nomination_status
        if self.nomination_status == NominationStatus.INVITED:
            if self.nomination_deadline and self.nomination_deadline < today:
                return "overdue"
            return "not_answered"
        return NominationStatus.NOT_INVITED


class ReviewAreaInvitation(models.Model):
    """The invitation sent to an area to nominate its co-ordinator for a review.

    The email carries a one-time link: a signed token naming this invitation and its nonce. Using
    the link clears the nonce, so the same link cannot be used twice.
    """

    area = models.OneToOneField(ReviewArea, on_delete=models.CASCADE, related_name="invitation")
    email = models.EmailField(help_text="Where the invitation was sent")
    full_name = models.CharField(max_length=150, blank=True)
    nonce = models.CharField(max_length=64, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)
    nominated_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="area__review__team_members__user", area="area__local_authority")

    class Meta:
        ordering = ["-invited_at"]

    def __str__(self):
        return f"Invitation to {self.area.local_authority} for {self.area.review}"


class ActivityKind(models.TextChoices):
    NOTIFICATION = "notification", "Notification"
    NOMINATION_DEADLINE = "nomination_deadline", "Co-ordinator nomination deadline"
    BRIEFING = "briefing", "Briefing session"
    SURVEY = "survey", "Survey window"
    DOCUMENT_RETURN = "document_return", "Document return"
    RECORD_READING = "record_reading", "Record reading"
    INTERVIEWS = "interviews", "Interviews and focus groups"
    FEEDBACK = "feedback", "Feedback meeting"
    PUBLICATION = "publication", "Publication"
    OTHER = "other", "Other"


class TimelineQuerySet(ScopedQuerySet):
    def for_user(self, user):
        """A co-ordinator sees their own area's activities and the review-wide ones of their reviews."""
        if user is not None and user.is_authenticated and user.is_active and user.is_coordinator:
            if user.local_authority_id is None:
                return self.none()
            taking_part = ReviewArea.objects.filter(local_authority_id=user.local_authority_id).values("review_id")
            return self.filter(
                models.Q(area__local_authority_id=user.local_authority_id)
                | models.Q(area__isnull=True, review_id__in=taking_part)
            )
        return super().for_user(user)


class TimelineActivity(models.Model):
    """A dated activity on a review's timeline: for the whole review, or for one participating area.

    Activities built by the timeline generator are marked `generated`; an inspector's edit makes an
    activity their own, and regenerating the plan leaves it alone.
    """

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="activities")
    area = models.ForeignKey(
        ReviewArea,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activities",
        help_text="Leave empty when the activity is for every area",
    )
    kind = models.CharField(max_length=30, choices=ActivityKind.choices)
    title = models.CharField(max_length=200)
    phase = models.CharField(max_length=60, blank=True, help_text="For example, Phase 1 or Reporting")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Leave empty for a single day")
    details = models.TextField(blank=True)
    generated = models.BooleanField(default=False)

    objects = TimelineQuerySet.as_manager()
    scope = Scope(team="review__team_members__user", area="area__local_authority")

    class Meta:
        ordering = ["starts_on", "ends_on", "pk"]
        verbose_name_plural = "timeline activities"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="activity_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_on:%d %b %Y})"

    @property
    def last_day(self):
        return self.ends_on or self.starts_on


class EngagementKind(models.TextChoices):
    FOCUS_GROUP = "focus_group", "Focus group"
    CHILDREN = "children", "Meeting with children and young people"
    FAMILIES = "families", "Meeting with families and carers"
    STAFF = "staff", "Meeting with staff and leaders"
    PARTNERSHIP = "partnership", "Partnership discussion"


class EngagementEvent(models.Model):
    """A focus group, meeting or discussion the team held: when, where, in which area, and how many
    people took part by group. Never names: these counts feed the reports' methodology."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="engagements")
    area = models.ForeignKey(ReviewArea, null=True, blank=True, on_delete=models.PROTECT, related_name="engagements")
    kind = models.CharField(max_length=20, choices=EngagementKind.choices)
    held_on = models.DateField()
    location = models.CharField(max_length=200, blank=True, help_text="For example, online, or a family centre")
    children_count = models.PositiveIntegerField("children and young people", default=0)
    families_count = models.PositiveIntegerField("parents, families and carers", default=0)
    staff_count = models.PositiveIntegerField("staff", default=0)
    leaders_count = models.PositiveIntegerField("leaders and managers", default=0)
    team_members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    notes = models.TextField(blank=True, help_text="What was discussed, without names")

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.held_on:%d %b %Y}"

    @property
    def total(self):
        return self.children_count + self.families_count + self.staff_count + self.leaders_count


class PublishedUpdate(models.Model):
    """A dated public update on a review: what the team has done so far and the next steps."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="updates")
    title = models.CharField(max_length=200, help_text="For example, Update - January 2024")
    published_on = models.DateField()
    done_so_far = models.TextField("What we have done so far")
    next_steps = models.TextField("Next steps", blank=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.review})"


class QualityFramework(models.Model):
    """A quality framework: its quality indicators, evaluated on the six-point scale."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class QualityIndicator(models.Model):
    """One quality indicator of a framework, such as QI 2.1 Impact on children and young people.

    A key indicator is one whose weak or unsatisfactory grade calls for a progress review.
    """

    framework = models.ForeignKey(QualityFramework, on_delete=models.CASCADE, related_name="indicators")
    number = models.CharField(max_length=10, help_text="For example, 2.1")
    title = models.CharField(max_length=200)
    heading = models.CharField(max_length=200, blank=True, help_text="The framework area it sits in")
    is_key = models.BooleanField("key indicator", default=False)
    links_to = models.TextField(blank=True, help_text="Indicators of another framework it maps to")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["framework", "position", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="indicator_number_once")]

    def __str__(self):
        return f"QI {self.number} {self.title}"


class Grade(models.IntegerChoices):
    """The six-point scale."""

    EXCELLENT = 6, "Excellent"
    VERY_GOOD = 5, "Very good"
    GOOD = 4, "Good"
    ADEQUATE = 3, "Adequate"
    WEAK = 2, "Weak"
    UNSATISFACTORY = 1, "Unsatisfactory"


# Grades at or below this on a key indicator call for a progress review.
PROGRESS_REVIEW_THRESHOLD = Grade.WEAK


class Evaluation(models.Model):
    """The team's grade for one quality indicator, for one area or (with no area) nationally."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="evaluations")
    area = models.ForeignKey(ReviewArea, null=True, blank=True, on_delete=models.CASCADE, related_name="evaluations")
    indicator = models.ForeignKey(QualityIndicator, on_delete=models.PROTECT, related_name="evaluations")
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    rationale = models.TextField()
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    evaluated_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["indicator__position", "area__local_authority__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "area", "indicator"], name="one_grade_per_area_indicator", nulls_distinct=False
            )
        ]

    def __str__(self):
        where = self.area.local_authority if self.area_id else "national"
        return f"{self.indicator} ({where}): {self.get_grade_display()}"

    @property
    def calls_for_progress_review(self):
        return self.indicator.is_key and self.grade <= PROGRESS_REVIEW_THRESHOLD


class FindingKind(models.TextChoices):
    KEY_MESSAGE = "key_message", "Key message"
    STRENGTH = "strength", "Strength"
    DEVELOPMENT = "development", "Area for development"


class Finding(models.Model):
    """A key message, strength or area for development, for one area or (with no area) nationally."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    area = models.ForeignKey(ReviewArea, null=True, blank=True, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user")

    class Meta:
        ordering = ["kind", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class ActionProgress(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class ActionPlanItem(models.Model):
    """One item of a partnership's improvement action plan after a joint inspection, and its
    progress as the link inspector records it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="action_plan_items")
    area = models.ForeignKey(ReviewArea, on_delete=models.CASCADE, related_name="action_plan_items")
    indicator = models.ForeignKey(
        QualityIndicator, null=True, blank=True, on_delete=models.PROTECT, related_name="action_plan_items"
    )
    action = models.TextField()
    owner = models.CharField(max_length=200, blank=True, help_text="Who in the partnership leads it")
    due_on = models.DateField(null=True, blank=True)
    progress = models.CharField(max_length=20, choices=ActionProgress.choices, default=ActionProgress.NOT_STARTED)
    progress_notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="review__team_members__user", area="area__local_authority")

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.action[:80]
