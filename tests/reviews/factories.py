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
