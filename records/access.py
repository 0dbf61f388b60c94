"""Scoped getters for record reading: out of scope, or the wrong role, is a 404 like a missing page.

Only the review team (and administrators) work with samples and readings; a co-ordinator reaches
their own area's case list and, once released, their own area's results.
"""

from django.http import Http404

from inspectorate.scoping import get_for_user
from reviews.models import Review, ReviewArea


def is_team_role(user):
    return user.is_authenticated and (user.is_regulator_staff or user.is_administrator)


def require_team_role(user):
    if not is_team_role(user):
        raise Http404("No such page")


def team_review(user, review_id):
    """A review whose team the user is on."""
    require_team_role(user)
    return get_for_user(Review, user, pk=review_id)


def team_area(user, area_id):
    """A participating area of a review whose team the user is on."""
    require_team_role(user)
    return get_for_user(ReviewArea.objects.select_related("review", "local_authority"), user, pk=area_id)


def any_area(user, area_id):
    """A participating area the user may see: the team's areas, or the co-ordinator's own."""
    return get_for_user(ReviewArea.objects.select_related("review", "local_authority"), user, pk=area_id)


def team_object(model_or_queryset, user, **lookup):
    require_team_role(user)
    return get_for_user(model_or_queryset, user, **lookup)
