import pytest

from tests.reviews.factories import add_activity


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Hashing every persona's password the production way makes these tests several times slower."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dundee_area(review, coordinator):
    return review.areas.get(local_authority=coordinator.local_authority)


@pytest.fixture
def aberdeen_area(review, other_coordinator):
    return review.areas.get(local_authority=other_coordinator.local_authority)


@pytest.fixture
def dundee_activity(review, dundee_area):
    return add_activity(review, area=dundee_area, title="Dundee case list returned")


@pytest.fixture
def aberdeen_activity(review, aberdeen_area):
    return add_activity(review, area=aberdeen_area, title="Aberdeen case list returned")


@pytest.fixture
def review_wide_activity(review):
    return add_activity(review, kind="briefing", title="Briefing for co-ordinators")
