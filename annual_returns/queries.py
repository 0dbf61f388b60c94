"""Reads for annual-return pages: a fixed number of queries whatever the number of services."""

from dataclasses import dataclass

from django.utils import timezone

from annual_returns import eligibility
from annual_returns.models import AnnualReturn, DeadlineExtension, ReturnStatus
from inspectorate.organisations.models import CareService


@dataclass
class ServiceReturnRow:
    """One line of a provider's list: a service, its return (if started) and its deadline."""

    service: CareService
    obligation: eligibility.Obligation
    annual_return: AnnualReturn | None
    deadline: object
    is_open: bool

    @property
    def status_label(self):
        if self.annual_return is None:
            return ReturnStatus.NOT_STARTED.label
        return self.annual_return.get_status_display()

    @property
    def status(self):
        return self.annual_return.status if self.annual_return else ReturnStatus.NOT_STARTED


def provider_rows(user, cycle, today=None):
    """The user's services that can submit in `cycle`, each with its return and deadline."""
    today = today or timezone.localdate()
    services = list(
        eligibility.services_that_may_submit(cycle.year, CareService.objects.for_user(user)).select_related(
            "local_authority"
        )
    )
    returns = {r.service_id: r for r in AnnualReturn.objects.for_user(user).filter(cycle=cycle)}
    extensions = dict(
        DeadlineExtension.objects.filter(cycle=cycle, service__in=services).values_list("service_id", "deadline")
    )
    return [
        ServiceReturnRow(
            service=service,
            obligation=eligibility.obligation(service, cycle.year),
            annual_return=returns.get(service.pk),
            deadline=extensions.get(service.pk, cycle.deadline),
            is_open=cycle.opens_on <= today <= extensions.get(service.pk, cycle.deadline),
        )
        for service in services
    ]


def past_returns(user, cycle):
    return (
        AnnualReturn.objects.for_user(user)
        .submitted()
        .filter(cycle__year__lt=cycle.year)
        .select_related("cycle", "service")
        .order_by("-cycle__year", "service__name")
    )
