"""Who may open which review page: anonymous visitors sign in, out-of-scope gets 404, a
co-ordinator gets 403 on the team's working pages, and nobody sees another area's rows."""

import pytest

TEAM_PAGES = [
    "/reviews/{pk}/edit/",
    "/reviews/{pk}/team/",
    "/reviews/{pk}/areas/",
    "/reviews/{pk}/areas/phase-two/",
    "/reviews/{pk}/timeline/generate/",
    "/reviews/{pk}/timeline/add/",
    "/reviews/{pk}/engagement/",
    "/reviews/{pk}/updates/",
    "/reviews/{pk}/evaluations/",
    "/reviews/{pk}/improvement/",
]
ANY_MEMBER_PAGES = ["/reviews/{pk}/", "/reviews/{pk}/timeline/", "/reviews/{pk}/timeline.ics"]


@pytest.mark.parametrize("url", TEAM_PAGES + ANY_MEMBER_PAGES + ["/reviews/", "/reviews/new/"])
def test_anonymous_visitor_is_sent_to_sign_in(client, review, url):
    response = client.get(url.format(pk=review.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize("url", TEAM_PAGES + ANY_MEMBER_PAGES)
def test_inspector_not_on_the_team_gets_404(client_for, outsider_inspector, review, url):
    assert client_for(outsider_inspector).get(url.format(pk=review.pk)).status_code == 404


@pytest.mark.parametrize("url", TEAM_PAGES + ANY_MEMBER_PAGES)
def test_coordinator_of_area_not_taking_part_gets_404(client_for, coordinator, other_review, url):
    assert client_for(coordinator).get(url.format(pk=other_review.pk)).status_code == 404


@pytest.mark.parametrize("url", TEAM_PAGES)
def test_coordinator_of_a_taking_part_area_gets_403_on_working_pages(client_for, coordinator, review, url):
    assert client_for(coordinator).get(url.format(pk=review.pk)).status_code == 403


@pytest.mark.parametrize("url", TEAM_PAGES + ANY_MEMBER_PAGES)
def test_provider_user_gets_404(client_for, provider_user, review, url):
    assert client_for(provider_user).get(url.format(pk=review.pk)).status_code == 404


@pytest.mark.parametrize("url", TEAM_PAGES + ANY_MEMBER_PAGES)
def test_team_member_and_administrator_open_every_page(client_for, support_officer, administrator, review, url):
    assert client_for(support_officer).get(url.format(pk=review.pk)).status_code == 200
    assert client_for(administrator).get(url.format(pk=review.pk)).status_code == 200


def test_review_list_shows_the_team_their_reviews_only(client_for, inspector, review, other_review):
    page = client_for(inspector).get("/reviews/").content.decode()
    assert review.title in page
    assert other_review.title not in page


def test_administrator_sees_every_review_in_the_list(client_for, administrator, review, other_review):
    page = client_for(administrator).get("/reviews/").content.decode()
    assert review.title in page and other_review.title in page


def test_coordinator_list_shows_only_reviews_their_area_takes_part_in(client_for, coordinator, review, other_review):
    page = client_for(coordinator).get("/reviews/").content.decode()
    assert review.title in page
    assert other_review.title not in page


def test_coordinator_sees_own_area_timeline_and_not_another_areas(
    client_for, coordinator, review, dundee_activity, aberdeen_activity, review_wide_activity
):
    client = client_for(coordinator)
    for url in (f"/reviews/{review.pk}/", f"/reviews/{review.pk}/timeline/"):
        page = client.get(url).content.decode()
        assert "Dundee case list returned" in page
        assert "Briefing for co-ordinators" in page
        assert "Aberdeen case list returned" not in page
        assert "Aberdeen City" not in page


def test_coordinator_calendar_has_own_area_and_review_wide_activities_only(
    client_for, coordinator, review, dundee_area, dundee_activity, aberdeen_activity, review_wide_activity
):
    body = client_for(coordinator).get(f"/reviews/{review.pk}/areas/{dundee_area.pk}/timeline.ics").content.decode()
    assert body.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Dundee case list returned" in body
    assert "SUMMARY:Briefing for co-ordinators" in body
    assert "Aberdeen" not in body


def test_coordinator_guessing_another_areas_calendar_gets_404(client_for, coordinator, review, aberdeen_area):
    response = client_for(coordinator).get(f"/reviews/{review.pk}/areas/{aberdeen_area.pk}/timeline.ics")
    assert response.status_code == 404


def test_team_calendar_has_every_activity(client_for, inspector, review, dundee_activity, aberdeen_activity):
    body = client_for(inspector).get(f"/reviews/{review.pk}/timeline.ics").content.decode()
    assert "Dundee case list returned" in body and "Aberdeen case list returned" in body
    assert "DTSTART;VALUE=DATE:20300304" in body and "DTEND;VALUE=DATE:20300305" in body


def test_inspector_guessing_an_activity_of_another_review_gets_404(client_for, inspector, review, other_review):
    from tests.reviews.factories import add_activity

    foreign = add_activity(other_review, title="Somebody else's")
    client = client_for(inspector)
    assert client.get(f"/reviews/{review.pk}/timeline/{foreign.pk}/").status_code == 404
    assert client.post(f"/reviews/{review.pk}/timeline/{foreign.pk}/delete/").status_code == 404


def test_review_list_queries_do_not_grow_with_reviews(client_for, administrator, django_assert_max_num_queries):
    from tests.reviews.factories import ReviewFactory, add_area

    client = client_for(administrator)
    for _ in range(2):
        add_area(ReviewFactory(), area_name="Highland")
    client.get("/reviews/")
    with django_assert_max_num_queries(8) as small:
        client.get("/reviews/")
    for _ in range(15):
        add_area(ReviewFactory(), area_name="Fife")
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get("/reviews/")
    assert page.content.decode().count("govuk-table__row") == 18
