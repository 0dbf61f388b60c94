"""A worker dies in the middle of an email or a report: the task runs again and nothing is sent twice.

Celery acknowledges a task only after it finishes (acks_late), so a killed worker's task goes
back on the queue and a new worker runs it. Sending claims the outbox row first, so the second
run finds the claim and sends nothing; the outbox sweep takes the abandoned claim back once it
is stale (notifications.sending.STALE_CLAIM) and sends it exactly once.
"""

import datetime
import socket
import threading

import pytest
from django.db import transaction
from django.utils import timezone

from inspectorate.notifications import catalogue, sending
from inspectorate.notifications.actions import notify
from inspectorate.notifications.models import Notification, Status
from tests.faults.conftest import emails_in, wait_for

pytestmark = pytest.mark.xdist_group("faults")


class SilentMailServer:
    """Accepts SMTP connections and never answers, so a worker sending mail hangs mid-send."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        for connection in self.connections:
            connection.close()
        self.listener.close()


@pytest.fixture
def silent_mail_server():
    server = SilentMailServer()
    yield server
    server.close()


@pytest.mark.django_db(transaction=True)
def test_email_worker_killed_mid_send_runs_again_and_sends_exactly_once(
    workers, silent_mail_server, provider_user, tmp_path
):
    from inspectorate.notifications.tasks import sweep_outbox

    first = workers.start("first-worker", EMAIL_URL=f"smtp://127.0.0.1:{silent_mail_server.port}")
    template = catalogue.get("annual_return_reminder")
    with transaction.atomic():
        notification = notify(provider_user, template.name, reason="A reminder", context=template.example)

    wait_for(lambda: silent_mail_server.connections, 60, "the first worker never started sending the email")
    notification.refresh_from_db()
    assert notification.status == Status.SENDING
    workers.kill(first)  # SIGKILL in the middle of the SMTP conversation

    mail = tmp_path / "mail"
    second = workers.start("second-worker", EMAIL_FILE_PATH=str(mail))
    wait_for(
        lambda: "'already handled'" in second.log.read_text(),
        60,
        "the killed worker's task did not run again on the new worker",
    )
    assert emails_in(mail) == 0  # the re-run found the first worker's claim and did not send a second copy

    # Ten minutes on, the claim is stale: the sweep gives the email to the worker once more.
    Notification.objects.filter(pk=notification.pk).update(
        claimed_at=timezone.now() - sending.STALE_CLAIM - datetime.timedelta(seconds=1)
    )
    sweep_outbox.delay()
    wait_for(
        lambda: Notification.objects.get(pk=notification.pk).status == Status.SENT,
        60,
        "the sweep did not send the abandoned email",
    )
    sweep_outbox.delay()  # a second sweep finds nothing left to send
    wait_for(lambda: second.log.read_text().count("sweep_outbox") >= 2, 30, "the second sweep did not run")
    notification.refresh_from_db()
    assert emails_in(mail) == 1
    assert notification.attempts == 2


def test_report_whose_worker_died_mid_render_is_rendered_again_by_the_sweep(review, inspector):
    from inspectorate.reports import tasks
    from inspectorate.reports.models import Report, ReportStatus

    # The row a worker leaves when it is killed after claiming the report and before finishing it.
    report = Report.objects.create(
        kind="national-overview",
        subject_id=str(review.pk),
        title=f"National overview report: {review}",
        version=1,
        requested_by=inspector,
        status=ReportStatus.RENDERING,
    )
    Report.objects.filter(pk=report.pk).update(requested_at=timezone.now() - datetime.timedelta(hours=1))

    tasks.sweep_queued_reports()

    report.refresh_from_db()
    assert report.status == ReportStatus.READY
