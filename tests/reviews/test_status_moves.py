"""Status moves go through Review.move_to: every allowed move works, every other one is refused."""

import itertools

import pytest

from reviews.models import ALLOWED_MOVES, ReviewStatus, StatusMoveRefused

PAIRS = list(itertools.product(ReviewStatus, ReviewStatus))
ALLOWED = [(a, b) for a, b in PAIRS if b in ALLOWED_MOVES[a]]
REFUSED = [(a, b) for a, b in PAIRS if b not in ALLOWED_MOVES[a]]


@pytest.mark.parametrize(("start", "target"), ALLOWED, ids=lambda s: s.value)
def test_allowed_move_changes_status_and_keeps_history(review, inspector, start, target):
    review.status = start
    review.save()
    review.move_to(target, by=inspector)
    review.refresh_from_db()
    assert review.status == target
    change = review.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (start, target, inspector)


@pytest.mark.parametrize(("start", "target"), REFUSED, ids=lambda s: s.value)
def test_refused_move_leaves_status_alone(review, inspector, start, target):
    review.status = start
    review.save()
    with pytest.raises(StatusMoveRefused, match="cannot move to"):
        review.move_to(target, by=inspector)
    review.refresh_from_db()
    assert review.status == start
    assert not review.status_changes.exists()


def test_detail_page_offers_only_the_allowed_moves_as_buttons(client_for, inspector, review):
    page = client_for(inspector).get(review.get_absolute_url()).content.decode()
    assert "Move to notified" in page
    assert "Move to closed" in page
    assert "Move to fieldwork" not in page


def test_posting_an_allowed_move_moves_the_review(client_for, inspector, review):
    response = client_for(inspector).post(f"/reviews/{review.pk}/status/", {"status": "notified"}, follow=True)
    review.refresh_from_db()
    assert review.status == ReviewStatus.NOTIFIED
    assert "The review is now notified." in response.content.decode()


def test_posting_a_refused_move_shows_a_clear_message(client_for, inspector, review):
    response = client_for(inspector).post(f"/reviews/{review.pk}/status/", {"status": "published"}, follow=True)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PLANNED
    assert "A review that is planned cannot move to published." in response.content.decode()


def test_coordinator_cannot_move_the_status(client_for, coordinator, review):
    response = client_for(coordinator).post(f"/reviews/{review.pk}/status/", {"status": "notified"})
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.status == ReviewStatus.PLANNED
