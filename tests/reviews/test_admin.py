"""Administrators manage every reviews model in Django admin and move areas and timelines by spreadsheet."""

import pytest

from reviews.admin import ReviewAreaResource, TimelineActivityResource

ADMIN_PAGES = [
    "review",
    "reviewarea",
    "timelineactivity",
    "statuschange",
    "teammember",
    "reviewareainvitation",
    "engagementevent",
    "publishedupdate",
    "qualityframework",
    "qualityindicator",
    "evaluation",
    "finding",
    "actionplanitem",
]


@pytest.mark.parametrize("model", ADMIN_PAGES)
def test_administrator_can_search_every_reviews_model(client_for, administrator, review, model):
    response = client_for(administrator).get(f"/admin/reviews/{model}/", {"q": "Dundee"})
    assert response.status_code == 200


def test_areas_export_by_review_slug_and_area_name(review):
    dataset = ReviewAreaResource().export()
    assert {row["local_authority"] for row in dataset.dict} == {"Dundee City", "Aberdeen City"}
    assert {row["review"] for row in dataset.dict} == {review.slug}


def test_areas_import_adds_an_area_by_name(review):
    import tablib

    data = tablib.Dataset(
        headers=["id", "review", "local_authority", "phase", "nomination_deadline", "nomination_status"]
    )
    data.append(["", review.slug, "Fife", "national", "", "not_invited"])
    result = ReviewAreaResource().import_data(data, dry_run=False)
    assert not result.has_errors()
    assert review.areas.filter(local_authority__name="Fife").exists()


def test_timeline_round_trips_through_export_and_import(review, review_wide_activity):
    dataset = TimelineActivityResource().export()
    review_wide_activity.title = "Changed"
    review_wide_activity.save()
    result = TimelineActivityResource().import_data(dataset, dry_run=False)
    assert not result.has_errors()
    review_wide_activity.refresh_from_db()
    assert review_wide_activity.title == "Briefing for co-ordinators"
