"""Which services must submit: the rule on its boundary dates."""

import datetime

import pytest

from annual_returns.eligibility import Obligation, obligation, services_that_may_submit, services_that_must_submit
from inspectorate.organisations.models import CareService, ServiceStatus
from tests.factories import CareServiceFactory


def service(registered_on, status=ServiceStatus.ACTIVE):
    return CareService(registered_on=registered_on, status=status)


def test_service_registered_on_30_september_of_previous_year_must_submit():
    assert obligation(service(datetime.date(2025, 9, 30)), 2026) is Obligation.MUST


def test_service_registered_on_1_october_of_previous_year_may_submit_but_need_not():
    assert obligation(service(datetime.date(2025, 10, 1)), 2026) is Obligation.MAY


def test_service_registered_during_the_return_year_may_submit():
    assert obligation(service(datetime.date(2026, 1, 10)), 2026) is Obligation.MAY


def test_inactive_service_must_still_submit():
    assert obligation(service(datetime.date(2010, 5, 1), ServiceStatus.INACTIVE), 2026) is Obligation.MUST


def test_cancelled_service_does_not_submit_even_if_new():
    assert obligation(service(datetime.date(2010, 5, 1), ServiceStatus.CANCELLED), 2026) is Obligation.EXEMPT
    assert obligation(service(datetime.date(2025, 10, 1), ServiceStatus.CANCELLED), 2026) is Obligation.EXEMPT


@pytest.mark.django_db
def test_the_query_agrees_with_the_rule_for_every_case():
    services = [
        CareServiceFactory(registered_on=datetime.date(2025, 9, 30)),
        CareServiceFactory(registered_on=datetime.date(2025, 10, 1)),
        CareServiceFactory(registered_on=datetime.date(2012, 1, 1), status=ServiceStatus.INACTIVE),
        CareServiceFactory(registered_on=datetime.date(2012, 1, 1), status=ServiceStatus.CANCELLED),
    ]
    must = set(services_that_must_submit(2026))
    may = set(services_that_may_submit(2026))
    for s in services:
        assert (s in must) == (obligation(s, 2026) is Obligation.MUST)
        assert (s in may) == (obligation(s, 2026) is not Obligation.EXEMPT)
