"""The daily emails: opened once, reminders 14 and 3 days before the deadline, deadline passed."""

import datetime

import pytest

from annual_returns import actions, reminders
from inspectorate.notifications.models import Notification
from tests import factories
from tests.annual_returns.factories import submitted_return


def sent(template):
    return Notification.objects.filter(template=template)


@pytest.fixture
def setting(provider_user, care_home, cycle):
    return provider_user


def test_window_opened_is_sent_once_however_often_the_task_runs(setting, cycle):
    reminders.send_due(datetime.date(2026, 1, 6))
    reminders.send_due(datetime.date(2026, 1, 7))
    assert sent("annual_return_cycle_opened").count() == 1
    assert "Ness Bank Care Home" in sent("annual_return_cycle_opened").get().context["services"]


def test_nothing_before_the_window_opens(setting):
    assert reminders.send_due(datetime.date(2026, 1, 5)) == 0


@pytest.mark.parametrize(
    "day, template, count",
    [
        (datetime.date(2026, 2, 15), "annual_return_reminder", 0),  # 15 days before 2 March
        (datetime.date(2026, 2, 16), "annual_return_reminder", 1),  # two weeks before
        (datetime.date(2026, 2, 27), "annual_return_reminder", 2),  # three days before: the second reminder
        (datetime.date(2026, 3, 2), "annual_return_deadline_passed", 0),
        (datetime.date(2026, 3, 3), "annual_return_deadline_passed", 1),
    ],
)
def test_reminders_on_the_right_days(setting, day, template, count):
    for run in range((day - datetime.date(2026, 2, 10)).days + 1):
        reminders.send_due(datetime.date(2026, 2, 10) + datetime.timedelta(days=run))
    assert sent(template).count() == count


def test_no_reminder_for_a_service_that_has_submitted(setting, care_home, cycle):
    submitted_return(care_home, cycle)
    reminders.send_due(datetime.date(2026, 2, 27))
    assert not sent("annual_return_reminder").exists()


def test_a_new_service_is_not_chased(provider_user, cycle):
    factories.CareServiceFactory(provider=provider_user.provider, registered_on=datetime.date(2025, 10, 1))
    reminders.send_due(datetime.date(2026, 2, 27))
    assert not sent("annual_return_reminder").exists()


def test_an_extension_moves_the_reminders(setting, care_home, cycle):
    actions.grant_extension(cycle=cycle, service=care_home, deadline=datetime.date(2026, 3, 20), reason="Flood")
    reminders.send_due(datetime.date(2026, 3, 3))
    assert not sent("annual_return_deadline_passed").exists()
    reminders.send_due(datetime.date(2026, 3, 17))
    assert sent("annual_return_reminder").get().context["deadline"] == "20 March 2026"


def test_the_task_runs_the_sweep(setting, cycle):
    import time_machine

    from annual_returns.tasks import send_annual_return_emails

    with time_machine.travel(datetime.datetime(2026, 1, 6, 9, tzinfo=datetime.UTC), tick=False):
        assert send_annual_return_emails.delay().get() == 1
