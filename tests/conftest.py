"""Shared fixtures: the personas every app's tests use, and the rules for tests that need services.

Tests that need PostgreSQL, Redis or chromium skip with a reason where those are absent, except
under CI (CI=true), where their absence is a failure.
"""

import contextlib
import os
import shutil
import socket

import pytest
from django.db import connection

from inspectorate.celery import app as celery_app
from tests import factories

IN_CI = os.environ.get("CI", "").lower() == "true"


def need(condition, reason):
    """Skip the calling test unless `condition`; in CI, fail instead, because CI must run everything."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must run this test, but: {reason}")
    pytest.skip(reason)


def redis_url():
    return os.environ.get("REDIS_URL") or os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/0"


def redis_available():
    from urllib.parse import urlparse

    parsed = urlparse(redis_url())
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def fresh_celery_connections():
    """Drop Celery's connection and producer pools (and kombu's shared registry), so the next task
    is sent to whatever broker URL is configured now. Dropped, not closed: kombu may still hand
    out a closed pool otherwise."""
    from kombu import pools

    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    pools.reset()


@contextlib.contextmanager
def tasks_through_broker(url, monkeypatch):
    """Send tasks to a real broker at `url` (not eagerly) for the duration, then put things back.

    Celery reads CELERY_BROKER_URL from the environment before its own settings, so both are set.
    """
    original = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    monkeypatch.setenv("CELERY_BROKER_URL", url)
    celery_app.conf.broker_url = url
    fresh_celery_connections()
    try:
        yield
    finally:
        celery_app.conf.broker_url = original
        fresh_celery_connections()


@pytest.fixture
def needs_postgres(db):
    need(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://... to run it")


@pytest.fixture
def needs_redis():
    need(redis_available(), f"needs a Redis server at {redis_url()}")


@pytest.fixture
def needs_chromium():
    need(
        shutil.which("chromium") is not None, "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    )


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in-process in tests, whatever CELERY_BROKER_URL says; worker tests switch this off."""
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    # A fast hasher: hashing every persona's password properly would dominate the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWO_FACTOR_REQUIRED_ROLES = ["inspector", "support_officer", "administrator"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# The personas: an inspector, a support officer, an administrator, a co-ordinator of an area, a
# co-ordinator of another area, a provider user, and an anonymous visitor (the plain `client`).


@pytest.fixture
def inspector(db):
    return factories.inspector(full_name="Fiona Mackenzie")


@pytest.fixture
def support_officer(db):
    return factories.support_officer()


@pytest.fixture
def administrator(db):
    return factories.administrator()


@pytest.fixture
def coordinator(db):
    return factories.coordinator("Dundee City")


@pytest.fixture
def other_coordinator(db):
    return factories.coordinator("Aberdeen City")


@pytest.fixture
def provider_user(db):
    return factories.provider_user()


@pytest.fixture
def other_provider_user(db):
    return factories.provider_user()


def verified_device(user):
    """A confirmed authenticator-app device for the user (made once)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test authenticator", confirmed=True
    )


@pytest.fixture
def client_for(client):
    """client_for(user) signs the test client in as that user, with the second factor done
    for the roles that need one (use client.force_login directly to test the second step)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from inspectorate.accounts import two_factor

    def sign_in(user):
        client.force_login(user)
        if two_factor.is_required(user):
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
            session.save()
        return client

    return sign_in


# Reviews: the review the personas work on, and another review nobody here is part of.


@pytest.fixture
def review(inspector, support_officer, coordinator, other_coordinator):
    """A thematic review: `inspector` leads it, `support_officer` supports it, and the areas of
    `coordinator` (Dundee City) and `other_coordinator` (Aberdeen City) take part."""
    from reviews.models import TeamRole
    from tests.reviews.factories import ReviewFactory, add_area, add_team_member

    review = ReviewFactory(lead_inspector=inspector, support_officer=support_officer)
    add_team_member(review, inspector, TeamRole.LEAD_INSPECTOR)
    add_team_member(review, support_officer, TeamRole.SUPPORT_OFFICER)
    add_area(review, coordinator)
    add_area(review, other_coordinator)
    return review


@pytest.fixture
def outsider_inspector(db):
    """An inspector who is not on `review`'s team."""
    return factories.inspector(full_name="Ruth Hamilton")


@pytest.fixture
def other_review(outsider_inspector):
    """A review led by `outsider_inspector` in which none of the other personas take part."""
    from reviews.models import TeamRole
    from tests.reviews.factories import ReviewFactory, add_area, add_team_member

    review = ReviewFactory(lead_inspector=outsider_inspector)
    add_team_member(review, outsider_inspector, TeamRole.LEAD_INSPECTOR)
    add_area(review, area_name="Highland")
    return review
