"""Factories for reviews, their teams and participating areas."""

import factory

from reviews.models import NominationStatus, Phase, Review, ReviewArea, ReviewKind, TeamMember, TeamRole
from tests import factories


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    kind = ReviewKind.THEMATIC
    title = factory.Sequence(lambda n: f"Thematic review {n}")
    slug = factory.Sequence(lambda n: f"thematic-review-{n}")
    aims = "How well are children supported?"
    lead_inspector = factory.LazyFunction(factories.inspector)


def add_team_member(review, user, role=TeamRole.INSPECTOR):
    return TeamMember.objects.create(review=review, user=user, role=role)


def add_area(review, coordinator=None, *, area_name=None, phase=Phase.FIELDWORK):
    local_authority = coordinator.local_authority if coordinator else factories.local_authority(area_name)
    return ReviewArea.objects.create(
        review=review,
        local_authority=local_authority,
        phase=phase,
        coordinator=coordinator,
        nomination_status=NominationStatus.ACCEPTED if coordinator else NominationStatus.NOT_INVITED,
    )


def joint_inspection(lead, **kwargs):
    """A joint inspection led by `lead`, with the lead on its team."""
    review = ReviewFactory(kind=ReviewKind.JOINT_INSPECTION, lead_inspector=lead, **kwargs)
    add_team_member(review, lead, TeamRole.LEAD_INSPECTOR)
    return review


def add_activity(review, *, area=None, kind="document_return", title="Position statement returned", starts_on=None):
    from datetime import date

    from reviews.models import TimelineActivity

    return TimelineActivity.objects.create(
        review=review, area=area, kind=kind, title=title, starts_on=starts_on or date(2030, 3, 4)
    )


def care_and_protection_framework():
    from reviews.frameworks import install
    from reviews.models import QualityFramework, QualityIndicator

    return install(QualityFramework, QualityIndicator)[0]
