"""Fixtures for annual returns: an open cycle, the provider's services and another provider's."""

import datetime

import pytest
import time_machine

from inspectorate.organisations.models import ServiceType
from tests import factories
from tests.annual_returns.factories import CycleFactory

TODAY = datetime.datetime(2026, 1, 20, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen_in_window():
    """20 January 2026: inside the 2026 window (6 January to 2 March)."""
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def cycle(db):
    return CycleFactory(year=2026)


@pytest.fixture
def last_cycle(db):
    return CycleFactory(year=2025)


@pytest.fixture
def care_home(provider_user):
    return factories.CareServiceFactory(
        provider=provider_user.provider, name="Ness Bank Care Home", service_type=ServiceType.CARE_HOME_OLDER_PEOPLE
    )


@pytest.fixture
def nursery(provider_user):
    return factories.CareServiceFactory(
        provider=provider_user.provider, name="Little Acorns", service_type=ServiceType.DAY_CARE_OF_CHILDREN
    )


@pytest.fixture
def other_service(other_provider_user):
    return factories.CareServiceFactory(provider=other_provider_user.provider, name="Someone Else's Home")


@pytest.fixture(autouse=True)
def _no_two_factor_prompt(settings):
    """Two-factor sign-in is tested by the accounts app; these tests sign staff in directly."""
    settings.TWO_FACTOR_REQUIRED_ROLES = []


@pytest.fixture
def count_queries():
    """count_queries(callable) -> how many queries it ran; for comparing small and larger data."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def run(action):
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    return run
