"""The one place that decides which rows a user may see.

Every model that a co-ordinator, provider or team member can reach declares a `Scope` saying how
its rows relate to a local authority area, a provider and a review team. Views fetch through
`Model.objects.for_user(user)` or `get_for_user(...)`, so scoping is written and tested once.
Something out of scope is a 404, the same as something that does not exist.
"""

from dataclasses import dataclass

from django.db import models
from django.http import Http404


@dataclass(frozen=True)
class Scope:
    """How a model's rows relate to the people who may see them.

    area: lookup from the model to a LocalAuthority (co-ordinators see their area's rows).
    provider: lookup to a Provider (provider users see their provider's rows).
    team: lookup to a User on a review team (inspectors and support officers see their reviews).
    staff_all: regulator staff (inspectors, support officers) see every row; used where there is
        no review team, such as the register of care services.
    """

    area: str | None = None
    provider: str | None = None
    team: str | None = None
    staff_all: bool = False


class ScopedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Rows this user may see: none for anonymous or inactive users, all for administrators."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_administrator:
            return self.all()
        scope: Scope = self.model.scope
        if user.is_regulator_staff:
            if scope.staff_all:
                return self.all()
            return self._within(scope.team, user.pk)
        if user.is_coordinator:
            return self._within(scope.area, user.local_authority_id)
        if user.is_provider_user:
            return self._within(scope.provider, user.provider_id)
        return self.none()

    def _within(self, lookup, value):
        if lookup is None or value is None:
            return self.none()
        if lookup == "pk":
            return self.filter(pk=value)
        # A subquery keeps one row per object even when the lookup crosses a many-valued relation.
        matching = self.model._base_manager.filter(**{lookup: value}).values("pk")
        return self.filter(pk__in=matching)


def get_for_user(queryset_or_model, user, **lookup):
    """Fetch one object the user may see, or raise Http404 whether it is missing or not theirs."""
    queryset = queryset_or_model
    if isinstance(queryset_or_model, type) and issubclass(queryset_or_model, models.Model):
        queryset = queryset_or_model.objects.all()
    try:
        return queryset.for_user(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("No such page") from None
