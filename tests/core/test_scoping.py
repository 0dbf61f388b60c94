"""The shared scoping helper: who sees which rows, and 404 for the rest."""

import pytest
from django.http import Http404

from inspectorate.organisations.models import CareService, LocalAuthority
from inspectorate.scoping import get_for_user
from reviews.models import Review, ReviewArea
from tests import factories


def test_coordinator_sees_only_the_reviews_their_area_takes_part_in(review, other_review, coordinator):
    assert list(Review.objects.for_user(coordinator)) == [review]


def test_coordinator_sees_only_their_own_area_row(review, coordinator):
    assert [a.local_authority for a in ReviewArea.objects.for_user(coordinator)] == [coordinator.local_authority]


def test_coordinator_of_other_area_gets_404_for_an_area_row(review, coordinator, other_coordinator):
    theirs = ReviewArea.objects.get(review=review, local_authority=coordinator.local_authority)
    with pytest.raises(Http404):
        get_for_user(ReviewArea, other_coordinator, pk=theirs.pk)


def test_team_member_sees_their_review_once_and_not_others(review, other_review, inspector):
    assert list(Review.objects.for_user(inspector)) == [review]


def test_inspector_off_the_team_gets_404(review, outsider_inspector):
    with pytest.raises(Http404):
        get_for_user(Review, outsider_inspector, pk=review.pk)


def test_administrator_sees_everything(review, other_review, administrator):
    assert Review.objects.for_user(administrator).count() == 2


def test_provider_user_sees_only_their_services(provider_user, other_provider_user):
    mine = factories.CareServiceFactory(provider=provider_user.provider)
    factories.CareServiceFactory(provider=other_provider_user.provider)
    assert list(CareService.objects.for_user(provider_user)) == [mine]
    assert Review.objects.for_user(provider_user).count() == 0


def test_regulator_staff_see_the_whole_register(inspector, provider_user):
    factories.CareServiceFactory(provider=provider_user.provider)
    assert CareService.objects.for_user(inspector).count() == 1
    assert LocalAuthority.objects.for_user(inspector).count() == 32


def test_coordinator_sees_the_services_in_their_area_only(coordinator):
    factories.CareServiceFactory(local_authority=coordinator.local_authority)
    factories.CareServiceFactory(local_authority=factories.local_authority("Fife"))
    assert [s.local_authority for s in CareService.objects.for_user(coordinator)] == [coordinator.local_authority]


def test_inactive_and_anonymous_users_see_nothing(review, inspector):
    from django.contrib.auth.models import AnonymousUser

    inspector.is_active = False
    assert Review.objects.for_user(inspector).count() == 0
    assert Review.objects.for_user(AnonymousUser()).count() == 0


@pytest.mark.django_db
def test_a_malformed_id_is_a_404_not_a_500(inspector):
    with pytest.raises(Http404):
        get_for_user(Review, inspector, pk="not-a-number")
