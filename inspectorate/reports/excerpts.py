"""Reads for the team's page that clears free-text excerpts for quotation in reports."""

from django.db.models import Q

from inspectorate.reports.models import ClearedExcerpt
from surveys.models import TEXT_KINDS, Answer


def uncleared_answers(review, user):
    """Free-text survey answers of the review not yet cleared, read through the team's scope."""
    return (
        Answer.objects.for_user(user)
        .filter(response__survey__review=review, question__kind__in=TEXT_KINDS, cleared_excerpt__isnull=True)
        .exclude(Q(text="") | Q(text__isnull=True))
        .select_related("question", "response__survey", "response__link__review_area__local_authority")
        .order_by("response__survey__opens_at", "question__order", "pk")
    )


def cleared(review, user):
    return (
        ClearedExcerpt.objects.for_user(user)
        .filter(review=review)
        .select_related("area__local_authority")
        .order_by("source", "pk")
    )
