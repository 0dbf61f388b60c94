"""Fixtures for fault tests: a Redis server of the test's own, Celery workers that can be killed, ready returns.

The machine's shared Redis (6379) is never stopped: each test that needs an outage starts its
own redis-server on a spare port and stops that one.
"""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from annual_returns.models import AnnualReturn
from inspectorate.organisations.models import ServiceType
from tests import factories
from tests.annual_returns.factories import CycleFactory, fill_return
from tests.conftest import need, tasks_through_broker

ROOT = Path(__file__).resolve().parents[2]
PREFERRED_REDIS_PORT = 6391


def free_port(preferred=None):
    if preferred:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as redis-server binds
            try:
                probe.bind(("127.0.0.1", preferred))
                return preferred
            except OSError:
                pass
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds, message):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(message)


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class OwnRedis:
    """A throwaway redis-server on 127.0.0.1: started and stopped by the test, nothing saved to disk."""

    def __init__(self, port, workdir):
        self.port = port
        self.workdir = workdir
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no", "--daemonize", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: port_open(self.port), 10, f"redis-server did not start on port {self.port}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
        wait_for(lambda: not port_open(self.port), 10, f"redis-server on port {self.port} did not stop")


@pytest.fixture
def own_redis(tmp_path):
    need(shutil.which("redis-server") is not None, "needs redis-server (apt-get install redis-server)")
    server = OwnRedis(free_port(PREFERRED_REDIS_PORT), tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def broker(own_redis, monkeypatch):
    """Tasks go to the test's own Redis (not run eagerly), as they do in production."""
    with tasks_through_broker(own_redis.url, monkeypatch):
        yield own_redis


def database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


class Workers:
    """Celery worker processes on the test's Redis and the test database; killed or stopped at the end."""

    def __init__(self, redis, tmp_path):
        self.redis = redis
        self.tmp_path = tmp_path
        self.processes = []

    def start(self, name, **env):
        log = self.tmp_path / f"{name}.log"
        environment = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": self.redis.url,
            "DJANGO_DEBUG": "true",
            "LOG_LEVEL": "INFO",
            **env,
        }
        if "EMAIL_URL" not in env:
            environment.pop("EMAIL_URL", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.worker", "--loglevel", "INFO"],
            cwd=ROOT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        process.log = log
        self.processes.append(process)
        return process

    def kill(self, process):
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self.kill(process)


@pytest.fixture
def workers(needs_postgres, broker, tmp_path):
    pool = Workers(broker, tmp_path)
    yield pool
    pool.stop_all()


@pytest.fixture
def open_cycle(db):
    """This year's annual return, open today and for two weeks more."""
    today = timezone.localdate()
    return CycleFactory(
        year=today.year + 1, opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=14)
    )


@pytest.fixture
def ready_returns(open_cycle, provider_user):
    """ready_returns(n): n of the provider's services, each with a return whose sections are all completed."""

    def make(count):
        services = [
            factories.CareServiceFactory(provider=provider_user.provider, service_type=ServiceType.CARE_HOME_ADULTS)
            for _ in range(count)
        ]
        return [fill_return(AnnualReturn.objects.create(cycle=open_cycle, service=s)) for s in services]

    return make


@pytest.fixture(autouse=True)
def _no_two_factor_prompt(settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []


def emails_in(folder):
    """Messages written by Django's file email backend (several may share one file within a second)."""
    return sum(path.read_text().count("\nMessage-ID: ") for path in folder.glob("*.log")) if folder.exists() else 0


def declaration():
    return {"declared_name": "Shona Grant", "declared_position": "Registered manager", "confirm": "on"}
