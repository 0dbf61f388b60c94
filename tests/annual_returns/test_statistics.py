"""Completion during the window, published tables with disclosure control, and the SSSC extract."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from annual_returns import publication
from annual_returns.models import AnnualReturn
from inspectorate.organisations.models import ServiceStatus, ServiceType
from tests import factories
from tests.annual_returns.factories import submitted_return


@pytest.fixture
def returns(cycle):
    """Six Highland care homes that submitted, one that did not, one new, one cancelled; two Dundee nurseries."""
    done = [submitted_return(factories.CareServiceFactory(name=f"Home {n}"), cycle) for n in range(6)]
    factories.CareServiceFactory(name="Late Home", status=ServiceStatus.INACTIVE)
    factories.CareServiceFactory(name="New Home", registered_on=datetime.date(2025, 10, 1))
    factories.CareServiceFactory(name="Closed Home", status=ServiceStatus.CANCELLED)
    dundee = factories.local_authority("Dundee City")
    for n in range(2):
        submitted_return(
            factories.CareServiceFactory(
                name=f"Nursery {n}", local_authority=dundee, service_type=ServiceType.DAY_CARE_OF_CHILDREN
            ),
            cycle,
        )
    return done


def test_completion_counts_services_that_must_submit(returns, cycle):
    completion = publication.completion(cycle)
    highland = next(row for row in completion["by_area"] if row["label"] == "Highland")
    assert (highland["required"], highland["submitted"], highland["outstanding"]) == (7, 6, 1)
    assert [s.name for s in publication.outstanding(cycle)] == ["Late Home"]


def test_published_table_suppresses_small_counts(returns, cycle):
    table = publication.published_table(cycle)
    assert table.cell("Dundee City", "Day care of children").display == "fewer than 5"
    assert table.row_totals["Highland"].display == "6"
    assert table.grand_total.display == "8"


def test_sssc_extract_has_no_service_identifiers_and_combines_small_groups(returns, cycle):
    out = io.StringIO()
    publication.write_sssc_csv(cycle, out)
    text = out.getvalue()
    assert "Home 1" not in text and "CS2000" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    by_area = {(r["Service type"], r["Local authority"]): r for r in rows}
    highland = by_area[("Care home service: older people", "Highland")]
    assert highland["Services"] == "6"
    assert highland["Staff headcount"] == str(6 * 20 * 5)  # five roles of 20 in each of six homes
    # Two nurseries in all: too few to show Dundee, and too few for an "Other areas" row of their own.
    assert not [key for key in by_area if key[0] == "Day care of children"]


def test_inspector_sees_completion_outstanding_list_and_published_table(client_for, inspector, returns, cycle):
    body = client_for(inspector).get(reverse("annual_returns:statistics", args=[2026])).content.decode()
    assert "Completion by local authority" in body
    assert "Late Home" in body and "New Home" not in body and "Closed Home" not in body
    assert "fewer than 5" in body


@pytest.mark.parametrize("name", ["published-csv", "sssc-extract"])
def test_inspector_downloads_csv_and_the_download_is_audited(client_for, inspector, returns, cycle, name):
    from inspectorate.audit.models import AuditEvent

    response = client_for(inspector).get(reverse(f"annual_returns:{name}", args=[2026]))
    assert response["Content-Type"].startswith("text/csv")
    assert b"Highland" in response.content
    assert AuditEvent.objects.filter(action="download", actor=inspector).exists()


@pytest.mark.parametrize("name", ["statistics", "published-csv", "sssc-extract"])
def test_providers_cannot_see_statistics(client_for, provider_user, cycle, name):
    assert client_for(provider_user).get(reverse(f"annual_returns:{name}", args=[2026])).status_code == 403


def test_statistics_queries_do_not_grow_with_returns(client_for, inspector, returns, cycle, count_queries):
    client = client_for(inspector)
    page = reverse("annual_returns:statistics", args=[2026])
    client.get(page)  # the first request also loads the session
    small = count_queries(lambda: client.get(page))
    for n in range(10):
        AnnualReturn.objects.create(cycle=cycle, service=factories.CareServiceFactory(name=f"More {n}"))
    assert count_queries(lambda: client.get(page)) == small


def test_sssc_other_areas_row_never_covers_fewer_than_five_services():
    from collections import defaultdict

    from annual_returns.publication import OTHER_AREAS, _close_small_other_rows

    def group(n, start):
        return {"returns": set(range(start, start + n)), "totals": defaultdict(float, {"registered": float(n)})}

    merged = {
        ("care_home_adults", "Fife"): group(6, 0),
        ("care_home_adults", "Angus"): group(9, 100),
        ("care_home_adults", OTHER_AREAS): group(2, 200),
        ("childminding", OTHER_AREAS): group(3, 300),
    }
    _close_small_other_rows(merged, 5)
    # Fife (the smallest named area) joins the small row; a type small in all is left out.
    assert sorted(merged) == [("care_home_adults", "Angus"), ("care_home_adults", OTHER_AREAS)]
    assert len(merged[("care_home_adults", OTHER_AREAS)]["returns"]) == 8
    assert merged[("care_home_adults", OTHER_AREAS)]["totals"]["registered"] == 8
