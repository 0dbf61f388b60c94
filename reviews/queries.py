"""Reads for the reviews pages: what each person sees, fetched in a fixed number of queries."""

from collections import Counter

from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from reviews.models import ActivityKind, Review, ReviewArea, TimelineActivity

NOMINATION_STATES = [
    # state, label, GOV.UK tag colour
    ("accepted", "Accepted", "govuk-tag--green"),
    ("nominated", "Nominated, not yet accepted", "govuk-tag--blue"),
    ("overdue", "Overdue", "govuk-tag--red"),
    ("not_answered", "Not answered", "govuk-tag--yellow"),
    ("not_invited", "Not invited", "govuk-tag--grey"),
]
STATE_LABELS = {key: (label, tag) for key, label, tag in NOMINATION_STATES}

# What a co-ordinator has to do or attend: everything on the timeline except internal milestones.
COORDINATOR_TASK_KINDS = [
    ActivityKind.NOMINATION_DEADLINE,
    ActivityKind.BRIEFING,
    ActivityKind.SURVEY,
    ActivityKind.DOCUMENT_RETURN,
    ActivityKind.RECORD_READING,
    ActivityKind.INTERVIEWS,
    ActivityKind.FEEDBACK,
]


def reviews_for(user):
    """The reviews a person may open: their team's, their area's, or all for administrators."""
    return (
        Review.objects.for_user(user)
        .select_related("lead_inspector")
        .annotate(area_count=Count("areas", distinct=True))
        .order_by("-created_at")
    )


def areas_with_state(review, today=None):
    """The review's areas with their nomination state, and a count of each state."""
    today = today or timezone.localdate()
    areas = list(review.areas.select_related("local_authority", "coordinator", "invitation"))
    for area in areas:
        area.state = area.nomination_state(today)
        area.state_label, area.state_tag = STATE_LABELS[area.state]
    counts = Counter(area.state for area in areas)
    summary = [(key, label, counts.get(key, 0)) for key, label, _ in NOMINATION_STATES]
    return areas, summary


def timeline_for(review, user, area=None):
    """The activities of a review this person may see, optionally only one area's (and review-wide) ones."""
    activities = TimelineActivity.objects.for_user(user).filter(review=review).select_related("area__local_authority")
    if area is not None:
        activities = activities.filter(Q(area=area) | Q(area__isnull=True))
    return activities


def coordinator_area(review, user):
    """The co-ordinator's own area in this review (the review was fetched through their scope)."""
    return review.areas.select_related("local_authority", "coordinator").get(local_authority_id=user.local_authority_id)


def upcoming_tasks(activities, today=None):
    today = today or timezone.localdate()
    return [a for a in activities if a.kind in COORDINATOR_TASK_KINDS and a.last_day >= today]


def engagement_totals(review):
    totals = review.engagements.aggregate(
        events=Count("pk"),
        children=Sum("children_count"),
        families=Sum("families_count"),
        staff=Sum("staff_count"),
        leaders=Sum("leaders_count"),
    )
    return {key: value or 0 for key, value in totals.items()}


def next_activity_by_review(reviews, today=None):
    """For the home page: the next dated activity of each review, in one query."""
    today = today or timezone.localdate()
    upcoming = (
        TimelineActivity.objects.filter(review__in=reviews)
        .filter(Q(starts_on__gte=today) | Q(ends_on__gte=today))
        .order_by("review_id", "starts_on")
    )
    first = {}
    for activity in upcoming:
        first.setdefault(activity.review_id, activity)
    return first


def nominations_to_accept(user):
    return ReviewArea.objects.filter(coordinator=user, nomination_status="nominated").select_related("review")


def evaluations_grid(review):
    """Rows of (indicator, {area or None: evaluation}) for the review's framework, and the columns."""
    areas = list(review.areas.filter(evaluations__isnull=False).distinct().select_related("local_authority"))
    indicators = review.framework.indicators.prefetch_related(
        Prefetch("evaluations", queryset=review.evaluations.select_related("area"), to_attr="review_evaluations")
    )
    rows = []
    for indicator in indicators:
        by_area = {e.area_id: e for e in indicator.review_evaluations}
        rows.append((indicator, [by_area.get(None)] + [by_area.get(area.pk) for area in areas]))
    return areas, rows
