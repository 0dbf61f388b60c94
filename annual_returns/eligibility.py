"""Which services must submit an annual return in a cycle: the rule, written once.

Every registered service must submit, inactive ones included. A service registered on or after
1 October of the year before the return may submit but need not. Cancelled services do not.
"""

import datetime
from enum import Enum

from inspectorate.organisations.models import CareService, ServiceStatus


class Obligation(Enum):
    MUST = "must"
    MAY = "may"
    EXEMPT = "exempt"

    @property
    def label(self):
        return {"must": "Must submit", "may": "May submit", "exempt": "Does not submit"}[self.value]


def cutoff(year):
    """Services registered on or after this date are new for the `year` return."""
    return datetime.date(year - 1, 10, 1)


def obligation(service, year):
    """Must, may or does not: the one decision about one service for the return of `year`."""
    if service.status == ServiceStatus.CANCELLED:
        return Obligation.EXEMPT
    if service.registered_on >= cutoff(year):
        return Obligation.MAY
    return Obligation.MUST


def services_that_must_submit(year, queryset=None):
    """The same rule as `obligation`, as a query: active and inactive services registered before the cutoff."""
    queryset = CareService.objects.all() if queryset is None else queryset
    return queryset.exclude(status=ServiceStatus.CANCELLED).filter(registered_on__lt=cutoff(year))


def services_that_may_submit(year, queryset=None):
    """Every service that can submit at all: those that must and those that are new this year."""
    queryset = CareService.objects.all() if queryset is None else queryset
    return queryset.exclude(status=ServiceStatus.CANCELLED)
