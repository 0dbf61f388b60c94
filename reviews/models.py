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
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(team="team_members__user", area="areas__local_authority")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.pk])

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
