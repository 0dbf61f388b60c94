"""Inspectors' benchmark page: figures against groups, flags, history; who may see it."""

import pytest
from django.urls import reverse

from tests import factories
from tests.annual_returns.factories import CycleFactory, submitted_return


def url(service):
    return reverse("annual_returns:benchmark", args=[service.registration_number])


@pytest.fixture
def compared(care_home, cycle, last_cycle):
    submitted_return(care_home, last_cycle, leavers=2)
    submitted_return(care_home, cycle, leavers=10)  # 50% turnover: the highest
    for leavers in range(10):
        submitted_return(factories.CareServiceFactory(), cycle, leavers=leavers)
    return care_home


def test_inspector_sees_figures_against_scotland_area_and_type_with_a_flag_and_history(client_for, inspector, compared):
    body = client_for(inspector).get(url(compared)).content.decode()
    assert "Staff turnover: 50.0%" in body
    assert "Scotland" in body and "Highland" in body and "Care home service: older people" in body
    assert "Outer 10%" in body
    assert "History over cycles" in body and ">2025</a>" in body and ">2026</a>" in body


def test_service_without_a_return_says_so(client_for, inspector, care_home):
    assert "has not submitted an annual return yet" in client_for(inspector).get(url(care_home)).content.decode()


@pytest.mark.parametrize("persona", ["provider_user", "coordinator"])
def test_providers_and_coordinators_cannot_see_benchmarks(client_for, request, persona, care_home):
    assert client_for(request.getfixturevalue(persona)).get(url(care_home)).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(client, care_home):
    assert client.get(url(care_home)).status_code == 302


def test_unknown_service_is_404(client_for, inspector):
    assert client_for(inspector).get(reverse("annual_returns:benchmark", args=["CS0000000000"])).status_code == 404


def test_benchmark_queries_do_not_grow_with_the_number_of_services(client_for, inspector, compared, count_queries):
    client = client_for(inspector)
    client.get(url(compared))  # the first request also loads the session
    small = count_queries(lambda: client.get(url(compared)))
    cycle = CycleFactory(year=2026)
    for leavers in range(15):
        submitted_return(factories.CareServiceFactory(), cycle, leavers=leavers)
    assert count_queries(lambda: client.get(url(compared))) == small
