"""Reminders to co-ordinators: the stage reached, once each, with the area's response count."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inspectorate.notifications.models import Notification
from surveys import reminders
from surveys.tasks import send_survey_reminders
from tests.surveys.factories import add_responses


@pytest.fixture
def four_week_survey(survey):
    survey.opens_at = timezone.now() - timedelta(hours=2)
    survey.closes_at = survey.opens_at + timedelta(weeks=4)
    survey.save()
    return survey


def test_opening_reminder_goes_to_each_areas_coordinator_once(four_week_survey, coordinator, other_coordinator):
    assert send_survey_reminders.delay().get() == 2
    assert reminders.send_due_reminders() == 0
    sent = Notification.objects.filter(template="survey_opening")
    assert {n.recipient for n in sent} == {coordinator, other_coordinator}


def test_halfway_reminder_carries_the_areas_suppressed_response_count(
    four_week_survey, coordinator, question, dundee_link
):
    add_responses(dundee_link, question.options.first(), 12)
    halfway = four_week_survey.opens_at + timedelta(weeks=2, hours=1)
    reminders.send_due_reminders(now=halfway)
    notification = Notification.objects.get(template="survey_halfway", recipient=coordinator)
    assert notification.context["responses"] == "12"
    assert "Dundee City" in notification.subject


def test_closing_reminder_in_the_last_three_days_and_none_after_close(four_week_survey, coordinator):
    reminders.send_due_reminders(now=four_week_survey.closes_at - timedelta(days=2))
    assert Notification.objects.filter(template="survey_closing", recipient=coordinator).count() == 1
    assert reminders.send_due_reminders(now=four_week_survey.closes_at + timedelta(hours=1)) == 0


def test_stage_is_worked_out_from_the_window(four_week_survey):
    opens = four_week_survey.opens_at
    assert reminders.stage(four_week_survey, opens + timedelta(days=1)) == "opening"
    assert reminders.stage(four_week_survey, opens + timedelta(days=15)) == "halfway"
    assert reminders.stage(four_week_survey, opens + timedelta(days=26)) == "closing"
