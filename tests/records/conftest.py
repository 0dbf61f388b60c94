import pytest

from reviews.models import ReviewArea
from tests.records import factories


@pytest.fixture
def dundee(review, coordinator):
    """Dundee City's part in `review`, with the review's case list fields and reading template."""
    factories.add_fields(review)
    return ReviewArea.objects.get(review=review, local_authority=coordinator.local_authority)


@pytest.fixture
def aberdeen(review, other_coordinator):
    return ReviewArea.objects.get(review=review, local_authority=other_coordinator.local_authority)


@pytest.fixture
def dundee_sample(dundee, inspector):
    return factories.drawn(dundee, inspector, prefix="DC")


@pytest.fixture
def aberdeen_sample(aberdeen, dundee, inspector):
    return factories.drawn(aberdeen, inspector, prefix="AC")
