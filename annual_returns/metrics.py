"""Benchmark figures from a return's answers, and how one service sits among others. Pure functions.

Staff turnover: leavers during the year as a percentage of the headcount on 31 December.
Vacancy rate: vacancies as a percentage of posts (headcount plus vacancies).
Agency use: agency whole-time equivalent as a percentage of all staffing (own WTE plus agency WTE).
Occupancy: places occupied as a percentage of registered places.
"""

import statistics
from dataclasses import dataclass

METRICS = [
    ("staff_turnover", "Staff turnover"),
    ("vacancy_rate", "Vacancy rate"),
    ("agency_use", "Agency use"),
    ("occupancy", "Occupancy"),
]
OUTER_SHARE = 10  # a service in the lowest or highest 10% is flagged for the inspector


def _sum_measure(answers, measure):
    return sum(value for key, value in answers.items() if key.endswith(f"__{measure}") and value is not None)


def _percent(part, whole):
    if not whole:
        return None
    return round(100 * float(part) / float(whole), 1)


def staff_turnover(staffing):
    return _percent(_sum_measure(staffing, "leavers"), _sum_measure(staffing, "headcount"))


def vacancy_rate(staffing):
    headcount = _sum_measure(staffing, "headcount")
    vacancies = _sum_measure(staffing, "vacancies")
    return _percent(vacancies, headcount + vacancies)


def agency_use(staffing):
    agency = float(staffing.get("agency_wte") or 0)
    own = float(_sum_measure(staffing, "wte"))
    return _percent(agency, own + agency)


def occupancy(capacity):
    return _percent(capacity.get("occupied_places") or 0, capacity.get("registered_places"))


def compute(answers_by_section):
    """The four figures for one return, from {section key: answers}; None where they cannot be worked out."""
    staffing = answers_by_section.get("staffing", {})
    capacity = answers_by_section.get("capacity", {})
    return {
        "staff_turnover": staff_turnover(staffing) if staffing else None,
        "vacancy_rate": vacancy_rate(staffing) if staffing else None,
        "agency_use": agency_use(staffing) if staffing else None,
        "occupancy": occupancy(capacity) if capacity else None,
    }


@dataclass(frozen=True)
class Comparison:
    """One service's figure against a group of services' figures."""

    group: str
    count: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    percentile: float | None

    @property
    def outer(self):
        """In the lowest or highest tenth of the group."""
        return self.percentile is not None and (self.percentile < OUTER_SHARE or self.percentile > 100 - OUTER_SHARE)


def percentile_rank(value, values):
    """The share of the group below `value`, counting ties as half: 0 to 100."""
    if value is None or not values:
        return None
    below = sum(1 for v in values if v < value)
    equal = sum(1 for v in values if v == value)
    return round(100 * (below + 0.5 * equal) / len(values), 1)


def quartiles(values):
    """Lower quartile, median and upper quartile (inclusive method, as in a spreadsheet's QUARTILE)."""
    if not values:
        return None, None, None
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return round(q1, 1), round(q2, 1), round(q3, 1)


def compare(group, value, values):
    values = [v for v in values if v is not None]
    q1, median, q3 = quartiles(values)
    return Comparison(group, len(values), median, q1, q3, percentile_rank(value, values))
