"""The week-by-week plan of a joint inspection, generated from the notification date.

Pure functions: no database, no clock. The caller passes the days nobody works (Scottish public
holidays and the area's school holidays) and gets back dated activities.

A joint inspection of services for children at risk of harm runs about 22 inspection weeks from
the notification letter to publication. A week counts as an inspection week only when at least
MIN_WORKING_DAYS of its weekdays are open; weeks swallowed by holidays are skipped, which is what
stretches the calendar to 23-25 weeks across Christmas or Easter. Within a week, an activity starts
on the first open day, so a bank holiday Monday moves it to the Tuesday.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

MIN_WORKING_DAYS = 3


@dataclass(frozen=True)
class Step:
    """One activity of the plan: in which inspection week it starts and for how many weeks it runs.

    duration_weeks=0 is a single day (a meeting, a deadline); a deadline falls on the last open day
    of its week rather than the first.
    """

    week: int
    kind: str
    title: str
    phase: str
    duration_weeks: int = 0
    deadline: bool = False


@dataclass(frozen=True)
class PlannedActivity:
    kind: str
    title: str
    phase: str
    starts_on: date
    ends_on: date | None
    week: int


PREPARATION, PHASE_ONE, PHASE_TWO, PHASE_THREE, REPORTING = (
    "Preparation",
    "Phase 1: surveys and evidence",
    "Phase 2: reading records",
    "Phase 3: engagement and partnership discussions",
    "Reporting",
)

# Our reading of the regulator's week-by-week guide: a preparation stage, three phases and a
# reporting stage over about 22 weeks. docs/decisions/0003-joint-inspection-timeline.md says why.
JOINT_INSPECTION_STEPS = [
    Step(0, "notification", "Notification letter to the partnership", PREPARATION),
    Step(1, "nomination_deadline", "Partnership nominates its co-ordinator", PREPARATION, deadline=True),
    Step(2, "briefing", "Briefing for partners about the inspection process", PREPARATION),
    Step(3, "survey", "Staff survey open (four weeks)", PHASE_ONE, duration_weeks=4),
    Step(3, "survey", "Children and young people's, and parents' and carers' surveys open", PHASE_ONE, 4),
    Step(4, "feedback", "First partnership discussion: scope of the inspection", PHASE_ONE),
    Step(6, "document_return", "Position statement and supporting evidence returned", PHASE_ONE, deadline=True),
    Step(6, "document_return", "Case list for the record reading sample returned", PHASE_ONE, deadline=True),
    Step(8, "record_reading", "Reading of children's records", PHASE_TWO, duration_weeks=2),
    Step(10, "feedback", "Second partnership discussion: emerging themes", PHASE_TWO),
    Step(12, "interviews", "Staff focus groups and meetings with children, young people and families", PHASE_THREE, 2),
    Step(15, "feedback", "Third partnership discussion: findings", PHASE_THREE),
    Step(18, "document_return", "Draft report shared with the partnership to check factual accuracy", REPORTING),
    Step(20, "document_return", "Factual accuracy comments returned", REPORTING, deadline=True),
    Step(22, "publication", "Report published, with a video report", REPORTING),
]


def scottish_public_holidays(first_year, last_year):
    """Scotland's public holidays (including St Andrew's Day and the 2 January) in those years."""
    return set(holidays.UK(subdiv="SCT", years=range(first_year, last_year + 1)).keys())


def expand_ranges(ranges: Iterable[tuple[date, date]]):
    """Every day inside the given (first day, last day) ranges."""
    days = set()
    for first, last in ranges:
        day = first
        while day <= last:
            days.add(day)
            day += timedelta(days=1)
    return days


def _monday(day):
    return day - timedelta(days=day.weekday())


def _open_days(monday, closed):
    return [monday + timedelta(days=i) for i in range(5) if monday + timedelta(days=i) not in closed]


def next_open_day(day, closed):
    """The day itself, or the first weekday after it that is not closed."""
    while day.weekday() >= 5 or day in closed:
        day += timedelta(days=1)
    return day


def inspection_weeks(notification_date, closed, count):
    """The open days of inspection weeks 0..count. Week 0 is the notification week, whatever its
    holidays: the letter has gone. Later weeks with fewer than MIN_WORKING_DAYS open days are skipped."""
    first = next_open_day(notification_date, closed)
    weeks = [[d for d in _open_days(_monday(first), closed) if d >= first]]
    monday = _monday(first)
    while len(weeks) <= count:
        monday += timedelta(weeks=1)
        open_days = _open_days(monday, closed)
        if len(open_days) >= MIN_WORKING_DAYS:
            weeks.append(open_days)
    return weeks


def generate(notification_date, *, closed_days=frozenset(), steps=JOINT_INSPECTION_STEPS):
    """Date every step of the plan from the notification date, skipping the closed days.

    closed_days: public holidays and school holidays (any dates; weekends are always closed).
    Returns PlannedActivity objects in the order of the steps.
    """
    closed = set(closed_days)
    last_week = max(step.week + max(step.duration_weeks - 1, 0) for step in steps)
    weeks = inspection_weeks(notification_date, closed, last_week)
    planned = []
    for step in steps:
        days = weeks[step.week]
        if step.duration_weeks:
            starts_on, ends_on = days[0], weeks[step.week + step.duration_weeks - 1][-1]
        else:
            starts_on, ends_on = (days[-1] if step.deadline else days[0]), None
        planned.append(PlannedActivity(step.kind, step.title, step.phase, starts_on, ends_on, step.week))
    return planned


def closed_days_for(notification_date, school_holidays, years_ahead=1):
    """Public holidays from the notification year to the year after, plus the school holidays."""
    return scottish_public_holidays(notification_date.year, notification_date.year + years_ahead) | expand_ranges(
        school_holidays
    )
