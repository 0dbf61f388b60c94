"""Carry forward: next year's return starts from last year's submitted answers."""

import pytest
from django.urls import reverse

from annual_returns import actions
from annual_returns.models import AnnualReturn, SectionAnswer
from tests.annual_returns.factories import CycleFactory, submitted_return


@pytest.fixture
def last_years(care_home, last_cycle):
    return submitted_return(care_home, last_cycle)


def test_new_return_starts_from_last_years_answers_waiting_for_confirmation(last_years, care_home, cycle):
    new = actions.start_return(service=care_home, cycle=cycle, by=None)
    assert new.carried_forward_from == last_years
    staffing = SectionAnswer.objects.get(annual_return=new, section="staffing")
    assert staffing.carried_forward and staffing.status == "in_progress"
    assert staffing.answers["nurses__headcount"] == 20
    assert set(actions.section_statuses(new).values()) == {"in_progress"}


def test_starting_again_does_not_copy_twice(last_years, care_home, cycle):
    first = actions.start_return(service=care_home, cycle=cycle, by=None)
    assert actions.start_return(service=care_home, cycle=cycle, by=None) == first
    assert SectionAnswer.objects.filter(annual_return=first).count() == 6


def test_only_questions_still_asked_this_year_are_copied(care_home):
    old = submitted_return(care_home, CycleFactory(year=2026))
    new = actions.start_return(service=care_home, cycle=CycleFactory(year=2027), by=None)
    staffing = SectionAnswer.objects.get(annual_return=new, section="staffing")
    assert "international_recruits" not in staffing.answers  # a 2027 question, not asked in 2026
    assert (
        staffing.answers["nurses__headcount"]
        == SectionAnswer.objects.get(annual_return=old, section="staffing").answers["nurses__headcount"]
    )


def test_returns_that_were_never_submitted_are_not_carried_forward(care_home, last_cycle, cycle):
    AnnualReturn.objects.create(cycle=last_cycle, service=care_home)
    new = actions.start_return(service=care_home, cycle=cycle, by=None)
    assert new.carried_forward_from is None
    assert not new.section_answers.exists()


def test_confirming_unchanged_records_no_change_and_changing_records_what_changed(last_years, care_home, cycle):
    new = actions.start_return(service=care_home, cycle=cycle, by=None)
    capacity = SectionAnswer.objects.get(annual_return=new, section="capacity")
    actions.save_section(
        annual_return=new, section="capacity", answers=capacity.answers, explanations={}, completed=True, by=None
    )
    capacity.refresh_from_db()
    assert capacity.changed == [] and not capacity.carried_forward and capacity.status == "completed"
    staffing = SectionAnswer.objects.get(annual_return=new, section="staffing")
    changed = {**staffing.answers, "nurses__headcount": 22}
    actions.save_section(
        annual_return=new, section="staffing", answers=changed, explanations={}, completed=True, by=None
    )
    staffing.refresh_from_db()
    assert staffing.changed == ["nurses__headcount"]


def test_the_regulator_sees_what_changed_and_the_provider_sees_last_years_values_prefilled(
    client_for, provider_user, inspector, last_years, care_home, cycle
):
    new = actions.start_return(service=care_home, cycle=cycle, by=None)
    staffing = SectionAnswer.objects.get(annual_return=new, section="staffing")
    actions.save_section(
        annual_return=new,
        section="staffing",
        answers={**staffing.answers, "nurses__headcount": 22},
        explanations={},
        completed=True,
        by=None,
    )
    form = client_for(provider_user).get(reverse("annual_returns:section", args=[new.pk, "capacity"])).content.decode()
    assert "These answers are from last year" in form and 'value="40"' in form
    page = client_for(inspector).get(reverse("annual_returns:answers", args=[new.pk])).content.decode()
    assert "Changed" in page and "Last year: 20" in page
