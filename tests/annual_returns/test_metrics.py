"""Benchmark figures and percentiles on a worked example."""

import pytest

from annual_returns import metrics


def test_figures_from_one_returns_answers():
    figures = metrics.compute(
        {
            "staffing": {
                "nurses__headcount": 10,
                "nurses__wte": 8.0,
                "nurses__leavers": 3,
                "nurses__vacancies": 2,
                "care_staff__headcount": 30,
                "care_staff__wte": 24.0,
                "care_staff__leavers": 9,
                "care_staff__vacancies": 3,
                "agency_wte": 8.0,
            },
            "capacity": {"registered_places": 48, "occupied_places": 42},
        }
    )
    # 12 leavers of 40 staff; 5 vacancies of 45 posts; 8 agency of 40 WTE; 42 of 48 places.
    assert figures == {"staff_turnover": 30.0, "vacancy_rate": 11.1, "agency_use": 20.0, "occupancy": 87.5}


def test_figures_are_none_when_there_is_nothing_to_divide_by():
    figures = metrics.compute({"staffing": {"agency_wte": 0}, "capacity": {"registered_places": 0}})
    assert figures == {"staff_turnover": None, "vacancy_rate": None, "agency_use": None, "occupancy": None}


# A worked example: ten care homes' staff turnover (percent).
TEN = [5, 10, 15, 20, 25, 30, 35, 40, 45, 95]


def test_quartiles_and_median_of_the_worked_example():
    # Inclusive method: positions 1 + (n - 1) * p, interpolated.
    assert metrics.quartiles(TEN) == (16.2, 27.5, 38.8)


def test_percentile_counts_ties_as_half():
    assert metrics.percentile_rank(25, TEN) == 45.0  # 4 below, 1 equal: (4 + 0.5) / 10
    assert metrics.percentile_rank(95, TEN) == 95.0
    assert metrics.percentile_rank(5, TEN) == 5.0


@pytest.mark.parametrize("value, outer", [(5, True), (10, False), (45, False), (95, True)])
def test_service_in_the_outer_tenth_is_flagged(value, outer):
    assert metrics.compare("national", value, TEN).outer is outer


def test_comparison_ignores_services_without_a_figure():
    comparison = metrics.compare("national", 20, [*TEN, None])
    assert comparison.count == 10
    assert comparison.median == 27.5
    assert comparison.percentile == 35.0
