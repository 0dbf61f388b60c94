"""A real Celery worker on Redis sends a notification written by the web process.

Needs PostgreSQL (the worker must see the test database) and Redis; skipped locally without them,
and a failure under CI=true.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from inspectorate.accounts.actions import invite_user
from inspectorate.accounts.models import Role
from inspectorate.notifications.models import Notification, Status
from tests.conftest import redis_url, tasks_through_broker

ROOT = Path(__file__).resolve().parents[2]


def _isolated_redis_url():
    # A database of its own, so a developer's running worker never takes the test's messages.
    return redis_url().rsplit("/", 1)[0] + "/14"


@pytest.fixture
def worker(needs_redis, needs_postgres, mail_dir, monkeypatch):
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": _isolated_redis_url(),
        "EMAIL_FILE_PATH": str(mail_dir),
        "DJANGO_DEBUG": "true",
    }
    env.pop("EMAIL_URL", None)
    subprocess.run(
        [sys.executable, "-m", "celery", "--app", "inspectorate", "purge", "-f"], cwd=ROOT, env=env, capture_output=True
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "--app", "inspectorate", "worker", "--pool", "solo", "--loglevel", "WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        with tasks_through_broker(env["CELERY_BROKER_URL"], monkeypatch):
            yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.mark.django_db(transaction=True)
def test_real_worker_on_redis_sends_the_invitation_after_commit(worker, mail_dir):
    user = invite_user(email="new.inspector@example.org", full_name="New Inspector", role=Role.INSPECTOR)
    notification = Notification.objects.get(recipient=user)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.status == Status.SENT:
            break
        time.sleep(0.5)
    if notification.status != Status.SENT:
        worker.terminate()
        output = worker.communicate(timeout=20)[0].decode(errors="replace")[-3000:]
        pytest.fail(f"still {notification.status}: {notification.last_error}\nworker said:\n{output}")
    sent = list(mail_dir.glob("*.log"))
    assert len(sent) == 1
    assert "new.inspector@example.org" in sent[0].read_text()
