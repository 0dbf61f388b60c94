"""Submitting: the deadline (with extensions), once only, and concurrent submissions."""

import datetime
import threading

import pytest
from django.db import connection

from annual_returns import actions
from annual_returns.models import AnnualReturn, ReturnStatus, end_of_day
from tests.annual_returns.factories import fill_return


def submit(annual_return, now):
    return actions.submit_return(
        annual_return_id=annual_return.pk, by=None, declared_name="Shona Grant", declared_position="Manager", now=now
    )


@pytest.fixture
def ready(care_home, cycle):
    return fill_return(AnnualReturn.objects.create(cycle=cycle, service=care_home))


def test_submission_in_the_last_second_of_the_deadline_day_is_accepted(ready, cycle):
    assert submit(ready, end_of_day(cycle.deadline)).status == ReturnStatus.SUBMITTED


def test_submission_one_second_after_the_deadline_is_refused(ready, cycle):
    with pytest.raises(actions.ReturnRefused, match="The deadline for this return was 2 March 2026"):
        submit(ready, end_of_day(cycle.deadline) + datetime.timedelta(seconds=1))
    ready.refresh_from_db()
    assert ready.status != ReturnStatus.SUBMITTED


def test_the_cycle_wide_extension_moves_the_deadline(ready, cycle):
    cycle.extended_to = datetime.date(2026, 3, 16)
    cycle.save()
    assert submit(ready, end_of_day(datetime.date(2026, 3, 16))).status == ReturnStatus.SUBMITTED


def test_a_services_own_extension_lets_it_submit_after_the_deadline(ready, cycle, care_home):
    actions.grant_extension(cycle=cycle, service=care_home, deadline=datetime.date(2026, 3, 20), reason="Manager ill")
    late = end_of_day(datetime.date(2026, 3, 20))
    assert submit(ready, late).status == ReturnStatus.SUBMITTED


def test_another_services_extension_does_not_help(ready, cycle, nursery):
    actions.grant_extension(cycle=cycle, service=nursery, deadline=datetime.date(2026, 3, 20), reason="Flood")
    with pytest.raises(actions.ReturnRefused):
        submit(ready, end_of_day(datetime.date(2026, 3, 3)))


def test_a_second_submission_is_refused_and_the_first_is_kept(ready, cycle):
    first = submit(ready, end_of_day(cycle.opens_on))
    with pytest.raises(actions.ReturnRefused, match="has been submitted"):
        submit(ready, end_of_day(cycle.opens_on) + datetime.timedelta(hours=1))
    ready.refresh_from_db()
    assert ready.submitted_at == first.submitted_at


def test_submission_before_the_window_opens_is_refused(ready, cycle):
    with pytest.raises(actions.ReturnRefused, match="can be submitted from 6 January 2026"):
        submit(ready, end_of_day(datetime.date(2026, 1, 5)))


def test_a_submitted_section_cannot_be_saved_again(ready, cycle):
    submit(ready, end_of_day(cycle.opens_on))
    with pytest.raises(actions.ReturnRefused):
        actions.save_section(
            annual_return=ready, section="capacity", answers={}, explanations={}, completed=True, by=None
        )


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_store_exactly_one(needs_postgres, provider_user):
    from tests import factories
    from tests.annual_returns.factories import CycleFactory

    cycle = CycleFactory(year=2026)
    service = factories.CareServiceFactory(provider=provider_user.provider)
    annual_return = fill_return(AnnualReturn.objects.create(cycle=cycle, service=service))
    results, barrier = [], threading.Barrier(20)

    def attempt():
        barrier.wait()
        try:
            submit(annual_return, end_of_day(cycle.opens_on))
            results.append("submitted")
        except actions.ReturnRefused:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("submitted") == 1
    assert results.count("refused") == 19
    assert AnnualReturn.objects.filter(service=service, status=ReturnStatus.SUBMITTED).count() == 1


def test_every_saved_section_and_the_submission_are_in_the_audit_trail(provider_user):
    import datetime

    from django.utils import timezone

    from annual_returns import actions
    from annual_returns.models import AnnualReturn
    from inspectorate.audit.models import Action, AuditEvent
    from tests import factories
    from tests.annual_returns.factories import CycleFactory

    today = timezone.localdate()
    cycle = CycleFactory(
        year=today.year + 1, opens_on=today - datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=9)
    )
    service = factories.CareServiceFactory(provider=provider_user.provider)
    annual_return = AnnualReturn.objects.create(cycle=cycle, service=service)
    actions.save_section(
        annual_return=annual_return, section="topics", answers={}, explanations={}, completed=False, by=provider_user
    )
    event = AuditEvent.objects.get(action=Action.CHANGE, object_id=str(annual_return.pk))
    assert event.actor == provider_user
    assert event.detail == {"section": "topics", "completed": False}
