"""The joint inspection plan: about 22 inspection weeks, pushed past public and school holidays."""

from datetime import date, timedelta

from reviews import timeline
from reviews.timeline import JOINT_INSPECTION_STEPS, Step, closed_days_for, expand_ranges, generate


def by_title(plan):
    return {activity.title: activity for activity in plan}


def publication(plan):
    return next(a for a in plan if a.kind == "publication")


def all_days(plan):
    for activity in plan:
        yield activity.starts_on
        if activity.ends_on:
            yield activity.ends_on


def test_without_holidays_publication_is_22_weeks_after_notification():
    plan = generate(date(2030, 5, 6))  # a Monday
    assert publication(plan).starts_on == date(2030, 5, 6) + timedelta(weeks=22)


def test_every_step_is_dated_in_order_of_weeks():
    plan = generate(date(2030, 5, 6))
    assert len(plan) == len(JOINT_INSPECTION_STEPS)
    starts = [a.starts_on for a in plan]
    weeks = [a.week for a in plan]
    assert [s for _, s in sorted(zip(weeks, starts, strict=True))] == sorted(starts)


def test_no_activity_starts_or_ends_on_a_weekend_or_closed_day():
    closed = closed_days_for(date(2026, 10, 5), [(date(2026, 12, 21), date(2027, 1, 1))])
    plan = generate(date(2026, 10, 5), closed_days=closed)
    for day in all_days(plan):
        assert day.weekday() < 5
        assert day not in closed


def test_survey_runs_four_inspection_weeks():
    plan = by_title(generate(date(2030, 5, 6)))
    survey = plan["Staff survey open (four weeks)"]
    assert (survey.starts_on, survey.ends_on) == (date(2030, 5, 27), date(2030, 6, 21))


def test_holiday_on_the_notification_day_moves_the_letter_to_the_next_working_day():
    # St Andrew's Day 2026 is Monday 30 November, a Scottish public holiday.
    closed = timeline.scottish_public_holidays(2026, 2027)
    assert date(2026, 11, 30) in closed
    plan = generate(date(2026, 11, 30), closed_days=closed)
    assert plan[0].starts_on == date(2026, 12, 1)
    # The notification week still counts as week 0, even with a holiday in it.
    assert by_title(plan)["Partnership nominates its co-ordinator"].starts_on == date(2026, 12, 11)


def test_bank_holiday_monday_moves_a_weeks_activity_to_the_tuesday():
    # Notified Monday 12 April 2027 (after Easter); week 2 contains the early May bank holiday (3 May 2027).
    closed = timeline.scottish_public_holidays(2027, 2027)
    assert date(2027, 5, 3) in closed
    plan = by_title(generate(date(2027, 4, 19), closed_days=closed))
    assert plan["Briefing for partners about the inspection process"].starts_on == date(2027, 5, 4)


def test_a_run_of_school_holidays_is_skipped_and_extends_the_plan():
    notified = date(2026, 10, 5)
    christmas = [(date(2026, 12, 21), date(2027, 1, 1))]
    plain = generate(notified, closed_days=timeline.scottish_public_holidays(2026, 2027))
    holidays_too = generate(notified, closed_days=closed_days_for(notified, christmas))
    for activity in holidays_too:
        for day in expand_ranges(christmas):
            assert not (activity.starts_on <= day <= (activity.ends_on or activity.starts_on))
    assert publication(holidays_too).starts_on - publication(plain).starts_on >= timedelta(weeks=2)


def test_october_and_christmas_holidays_stretch_the_plan_to_about_25_weeks():
    notified = date(2026, 10, 5)
    school = [(date(2026, 10, 12), date(2026, 10, 16)), (date(2026, 12, 21), date(2027, 1, 1))]
    published = publication(generate(notified, closed_days=closed_days_for(notified, school))).starts_on
    assert timedelta(weeks=24) <= published - notified <= timedelta(weeks=26)


def test_a_week_with_three_open_days_still_counts():
    notified = date(2030, 5, 6)
    two_days_off = expand_ranges([(date(2030, 5, 13), date(2030, 5, 14))])  # Mon and Tue of week 1
    plan = by_title(generate(notified, closed_days=two_days_off))
    assert plan["Partnership nominates its co-ordinator"].starts_on == date(2030, 5, 17)
    assert publication(list(plan.values())).starts_on == date(2030, 5, 6) + timedelta(weeks=22)


def test_a_week_with_only_two_open_days_is_skipped():
    notified = date(2030, 5, 6)
    three_days_off = expand_ranges([(date(2030, 5, 13), date(2030, 5, 15))])
    plan = generate(notified, closed_days=three_days_off)
    assert by_title(plan)["Partnership nominates its co-ordinator"].starts_on == date(2030, 5, 24)
    assert publication(plan).starts_on == date(2030, 5, 6) + timedelta(weeks=23)


def test_long_run_of_closed_weeks_pushes_everything_past_it():
    notified = date(2030, 1, 7)
    closed = expand_ranges([(date(2030, 1, 14), date(2030, 3, 29))])  # eleven closed weeks
    plan = generate(notified, closed_days=closed)
    assert all(a.starts_on >= date(2030, 4, 1) for a in plan[1:])
    assert publication(plan).starts_on == date(2030, 1, 7) + timedelta(weeks=22 + 11)


def test_notification_on_a_saturday_starts_on_the_monday():
    plan = generate(date(2030, 5, 4))
    assert plan[0].starts_on == date(2030, 5, 6)


def test_custom_steps_are_supported():
    steps = [Step(0, "notification", "Letter", "Preparation"), Step(2, "survey", "Survey", "Phase 1", 3)]
    letter, survey = generate(date(2030, 5, 6), steps=steps)
    assert letter.starts_on == date(2030, 5, 6)
    assert (survey.starts_on, survey.ends_on) == (date(2030, 5, 20), date(2030, 6, 7))


def test_scottish_public_holidays_include_st_andrews_day_and_second_of_january():
    days = timeline.scottish_public_holidays(2030, 2030)
    assert date(2030, 11, 30) in days or date(2030, 12, 2) in days
    assert date(2030, 1, 2) in days
