"""Redis stops during the deadline rush: returns are still saved, and what was owed is sent once it is back.

Each test starts its own redis-server on a spare port and stops that one, never the shared Redis.
"""

import time

import pytest
from django.db import transaction

from annual_returns.models import AnnualReturn, ReturnStatus
from inspectorate.notifications import catalogue
from inspectorate.notifications.actions import notify
from inspectorate.notifications.models import Notification, Status
from tests.faults.conftest import declaration, emails_in, wait_for

pytestmark = pytest.mark.xdist_group("faults")

# A request may try the broker once after commit; it must never hang on it (Celery's default waits ~19 s).
LONGEST_REQUEST_WITH_BROKER_DOWN = 5.0


def submit_all(client, returns, capture):
    slowest = 0.0
    for annual_return in returns:
        started = time.perf_counter()
        with capture(execute=True):  # run the after-commit hooks, as a real request's commit would
            response = client.post(f"/annual-returns/returns/{annual_return.pk}/check-your-answers/", declaration())
        slowest = max(slowest, time.perf_counter() - started)
        assert response.status_code == 302, response.content.decode()[:500]
        assert response["Location"] == f"/annual-returns/returns/{annual_return.pk}/confirmation/"
    return slowest


def test_a_hundred_returns_submitted_while_redis_is_down_are_all_saved(
    broker, client_for, provider_user, ready_returns, django_capture_on_commit_callbacks
):
    returns = ready_returns(100)
    broker.stop()

    slowest = submit_all(client_for(provider_user), returns, django_capture_on_commit_callbacks)

    stored = AnnualReturn.objects.filter(pk__in=[r.pk for r in returns])
    assert stored.filter(status=ReturnStatus.SUBMITTED).count() == 100
    assert sorted(stored.values_list("reference", flat=True)) == sorted(
        f"AR{r.cycle.year}-{r.service.registration_number}" for r in returns
    )
    assert slowest < LONGEST_REQUEST_WITH_BROKER_DOWN


@pytest.mark.django_db(transaction=True)
def test_notifications_written_while_redis_is_down_are_each_sent_once_when_it_is_back(workers, provider_user, tmp_path):
    from inspectorate.notifications.tasks import sweep_outbox

    workers.redis.stop()
    template = catalogue.get("annual_return_reminder")
    written, slowest = [], 0.0
    for number in range(20):
        started = time.perf_counter()
        with transaction.atomic():
            written.append(
                notify(
                    provider_user,
                    template.name,
                    reason="Your service has not submitted its annual return",
                    context=template.example,
                    dedupe_key=f"fault-test-reminder-{number}",
                ).pk
            )
        slowest = max(slowest, time.perf_counter() - started)  # includes the failed hand-over to Celery
    assert slowest < LONGEST_REQUEST_WITH_BROKER_DOWN
    assert Notification.objects.filter(pk__in=written, status=Status.PENDING).count() == 20

    workers.redis.start()
    mail = tmp_path / "mail"
    workers.start("worker", EMAIL_FILE_PATH=str(mail))
    sweep_outbox.delay()  # what beat does every minute

    wait_for(
        lambda: Notification.objects.filter(pk__in=written, status=Status.SENT).count() == 20,
        90,
        "the outbox sweep did not send every notification once Redis was back",
    )
    assert emails_in(mail) == 20


def test_each_submitted_return_queues_one_confirmation_in_the_outbox(
    client_for, provider_user, ready_returns, django_capture_on_commit_callbacks
):
    returns = ready_returns(5)
    submit_all(client_for(provider_user), returns, django_capture_on_commit_callbacks)
    confirmations = Notification.objects.filter(
        related_type__model="annualreturn", related_id__in=[str(r.pk) for r in returns]
    )
    assert confirmations.count() == 5
