"""Fixtures for the document exchange: a request to the personas' review, files, and a fake virus scanner."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.documents.clamd import FakeClamd
from tests.documents.factories import make_request


@pytest.fixture
def document_request(review, inspector):
    """A request to every area of `review` (Dundee City and Aberdeen City), due 27 August 2026."""
    return make_request(review, inspector, title="Position statement and written evidence", due=date(2026, 8, 27))


@pytest.fixture
def dundee_request(document_request, coordinator):
    return document_request.area_requests.get(review_area__local_authority=coordinator.local_authority)


@pytest.fixture
def aberdeen_request(document_request, other_coordinator):
    return document_request.area_requests.get(review_area__local_authority=other_coordinator.local_authority)


@pytest.fixture
def clamd(settings):
    scanner = FakeClamd()
    settings.CLAMAV_HOST = "127.0.0.1"
    settings.CLAMAV_PORT = scanner.port
    settings.CLAMAV_TIMEOUT = 5
    yield scanner
    scanner.close()


@pytest.fixture
def stored_files(settings):
    """A function listing every file under MEDIA_ROOT, to prove that nothing was kept."""

    def listing():
        root = settings.MEDIA_ROOT
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []

    return listing


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The personas are made with real passwords; a fast hasher keeps these tests quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _summer_2026(time_machine):
    """The clock runs from a morning in August 2026, before the fixtures' 27 August due date."""
    time_machine.move_to(datetime(2026, 8, 3, 9, 0, tzinfo=ZoneInfo("Europe/London")), tick=True)
