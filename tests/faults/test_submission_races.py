"""Submissions at the edges: twenty at once for the same return, and one a second after the deadline."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection
from django.test import Client

from annual_returns.actions import deadline_for
from annual_returns.models import AnnualReturn, ReturnStatus, end_of_day
from inspectorate.audit.models import AuditEvent
from tests.faults.conftest import declaration

pytestmark = pytest.mark.xdist_group("faults")


def check_answers_url(annual_return):
    return f"/annual-returns/returns/{annual_return.pk}/check-your-answers/"


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_submissions_of_one_return_store_it_exactly_once(
    needs_postgres, provider_user, ready_returns
):
    (annual_return,) = ready_returns(1)
    barrier = threading.Barrier(20, timeout=60)
    outcomes = []

    def submit_in_own_connection():
        # Each thread has its own database connection, as each gunicorn worker would.
        client = Client()
        client.force_login(provider_user)
        try:
            barrier.wait()
            response = client.post(check_answers_url(annual_return), declaration())
            outcomes.append((response.status_code, response.get("Location", ""), response.content.decode()))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_in_own_connection) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(outcomes) == 20
    accepted = [o for o in outcomes if o[0] == 302 and o[1].endswith("/confirmation/")]
    assert len(accepted) == 1
    # The others were answered with a page, not an error: already submitted, or shown the answers.
    assert all(status in (200, 302) for status, _, _ in outcomes)
    assert AnnualReturn.objects.filter(cycle=annual_return.cycle, service=annual_return.service).count() == 1
    annual_return.refresh_from_db()
    assert annual_return.status == ReturnStatus.SUBMITTED
    submitted_events = AuditEvent.objects.filter(
        object_type="annual_returns.AnnualReturn", object_id=str(annual_return.pk), detail__event="submitted"
    )
    assert submitted_events.count() == 1


def test_a_submission_one_second_after_the_deadline_is_refused_by_the_server(client_for, provider_user, ready_returns):
    (annual_return,) = ready_returns(1)
    deadline = end_of_day(deadline_for(annual_return.cycle, annual_return.service))
    with time_machine.travel(deadline + datetime.timedelta(seconds=1), tick=False):
        response = client_for(provider_user).post(check_answers_url(annual_return), declaration())

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: Check your answers" in page
    assert "The deadline for this return was" in page
    annual_return.refresh_from_db()
    assert annual_return.status != ReturnStatus.SUBMITTED
    assert annual_return.submitted_at is None


def test_a_submission_in_the_last_second_before_the_deadline_is_accepted(client_for, provider_user, ready_returns):
    (annual_return,) = ready_returns(1)
    deadline = end_of_day(deadline_for(annual_return.cycle, annual_return.service))
    with time_machine.travel(deadline, tick=False):
        response = client_for(provider_user).post(check_answers_url(annual_return), declaration())

    assert response["Location"] == f"/annual-returns/returns/{annual_return.pk}/confirmation/"
    annual_return.refresh_from_db()
    assert annual_return.status == ReturnStatus.SUBMITTED
    assert annual_return.submitted_at == deadline
