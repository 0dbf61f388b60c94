"""Annual return statistics, a service's benchmark sheet and a local authority profile: staff only,
small numbers suppressed, no one named."""

import pytest

from inspectorate.organisations.models import ServiceType
from tests import factories
from tests.annual_returns.factories import CycleFactory, submitted_return
from tests.reports.pdf_text import rendered, text_of


@pytest.fixture
def returns(db):
    cycle = CycleFactory(year=2026)
    provider = factories.ProviderFactory(name="Highland Care Homes Ltd")
    homes = [
        factories.CareServiceFactory(
            provider=provider, name=f"Care Home {i}", local_authority=factories.local_authority("Highland")
        )
        for i in range(6)
    ]
    nurseries = [
        factories.CareServiceFactory(
            name=f"Nursery {i}",
            service_type=ServiceType.DAY_CARE_OF_CHILDREN,
            local_authority=factories.local_authority("Fife"),
        )
        for i in range(2)
    ]
    for index, service in enumerate(homes + nurseries):
        submitted_return(service, cycle, leavers=index % 4)
    return cycle, homes, nurseries


def test_statistics_by_area_and_type_suppress_small_cells(returns, inspector):
    cycle, _, _ = returns
    text = text_of(rendered("annual-return-statistics", cycle, inspector))
    assert "Annual return statistics 2026" in text
    assert "Highland" in text and "Fife" in text
    assert "fewer than 5" in text  # two nurseries in Fife
    assert "6" in text
    assert "Test" not in text.replace("Contents", "")  # the declaring person's name


def test_benchmark_sheet_hides_comparison_with_too_few_services(returns, inspector):
    _, homes, nurseries = returns
    text = text_of(rendered("service-benchmark", homes[0], inspector))
    assert "Benchmark sheet: Care Home 0" in text
    assert "Staff turnover" in text and "Median" in text
    assert "not shown: too few services" not in text  # six homes in Highland, eight services in Scotland
    nursery_text = text_of(rendered("service-benchmark", nurseries[0], inspector))
    assert "not shown: too few services" in nursery_text and "fewer than 5" in nursery_text


def test_local_authority_profile_has_services_children_staffing_and_trends(returns, inspector):
    _, homes, _ = returns
    text = text_of(rendered("local-authority-profile", homes[0].local_authority, inspector))
    for heading in [
        "Services and capacity",
        "Children registered, by age",
        "Staffing and vacancies",
        "Trends over the years",
    ]:
        assert heading in text
    assert "Care home service: older people" in text and "240" in text  # six homes of 40 places


def test_annual_return_reports_are_for_staff_only(returns, inspector, provider_user, coordinator, client_for):
    cycle, homes, _ = returns
    paths = [
        f"/reports/annual-return-statistics/{cycle.pk}/",
        f"/reports/service-benchmark/{homes[0].pk}/",
        f"/reports/local-authority-profile/{homes[0].local_authority_id}/",
        "/reports/annual-returns/",
    ]
    for user in (provider_user, coordinator):
        other = client_for(user)
        for path in paths:
            assert other.get(path).status_code == 404, (user, path)
        other.logout()
    staff = client_for(inspector)
    page = staff.get("/reports/annual-returns/").content.decode()
    assert "Annual return statistics 2026" in page and "Highland" in page
    found = staff.get("/reports/annual-returns/", {"registration_number": homes[0].registration_number.lower()})
    assert found["Location"] == f"/reports/service-benchmark/{homes[0].pk}/"
    missing = staff.get("/reports/annual-returns/", {"registration_number": "CS000"})
    assert (
        missing.status_code == 400 and "No care service has the registration number CS000" in missing.content.decode()
    )
