"""Participating areas, and the nomination of each area's co-ordinator by a one-time link."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from inspectorate.accounts.models import Role, User
from inspectorate.notifications.models import Notification
from reviews import actions
from reviews.models import NominationStatus, Phase


def invite(client, review, area, email="lead.officer@dundeecity.example", deadline=None):
    deadline = deadline or timezone.localdate() + timedelta(days=14)
    return client.post(
        f"/reviews/{review.pk}/areas/{area.pk}/invite/",
        {
            "full_name": "Lorna Reid",
            "email": email,
            "deadline_0": deadline.day,
            "deadline_1": deadline.month,
            "deadline_2": deadline.year,
        },
    )


def link_from_outbox(email):
    notification = Notification.objects.get(to_email=email, template="review_nomination_invitation")
    return re.search(r"/reviews/nomination/[^/]+/", notification.context["link"]).group(0)


@pytest.fixture
def invitable_area(review):
    from tests.reviews.factories import add_area

    return add_area(review, area_name="Fife")


def test_adding_all_32_local_authorities_in_one_action(client_for, inspector, review):
    client_for(inspector).post(f"/reviews/{review.pk}/areas/add-all/")
    assert review.areas.count() == 32
    assert review.areas.filter(phase=Phase.NATIONAL).count() == 30  # the two fixture areas keep their phase
    client_for(inspector).post(f"/reviews/{review.pk}/areas/add-all/")
    assert review.areas.count() == 32


def test_choosing_phase_two_areas_moves_the_others_to_phase_one(client_for, inspector, review, coordinator):
    from tests.factories import local_authority

    chosen = [local_authority("Highland"), coordinator.local_authority]
    client_for(inspector).post(
        f"/reviews/{review.pk}/areas/phase-two/", {"local_authorities": [la.pk for la in chosen]}
    )
    phases = dict(review.areas.values_list("local_authority__name", "phase"))
    assert phases == {"Highland": Phase.FIELDWORK, "Dundee City": Phase.FIELDWORK, "Aberdeen City": Phase.NATIONAL}


def test_invitation_email_goes_to_the_outbox_with_a_one_time_link(client_for, inspector, review, invitable_area):
    response = invite(client_for(inspector), review, invitable_area, email="Lead.Officer@Fife.example")
    assert response.status_code == 302
    invitable_area.refresh_from_db()
    assert invitable_area.nomination_status == NominationStatus.INVITED
    assert link_from_outbox("lead.officer@fife.example").startswith("/reviews/nomination/")


def test_invitation_form_with_a_bad_date_shows_errors(client_for, inspector, review, invitable_area):
    response = client_for(inspector).post(
        f"/reviews/{review.pk}/areas/{invitable_area.pk}/invite/",
        {"email": "not-an-email", "deadline_0": "31", "deadline_1": "2", "deadline_2": "2030"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "Enter an email address like name@council.gov.uk" in page
    assert "govuk-error-summary" in page


def test_new_coordinator_chooses_a_password_then_accepts(client, client_for, inspector, review, invitable_area):
    invite(client_for(inspector), review, invitable_area, email="new.person@fife.example")
    client.logout()
    link = link_from_outbox("new.person@fife.example")
    page = client.get(link).content.decode()
    assert "Choose a password" in page
    response = client.post(
        link, {"full_name": "Lorna Reid", "password1": "a-long-new-password-9", "password2": "a-long-new-password-9"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@fife.example")
    assert (user.role, user.local_authority.name, user.full_name) == (Role.COORDINATOR, "Fife", "Lorna Reid")
    assert user.check_password("a-long-new-password-9")
    invitable_area.refresh_from_db()
    assert (invitable_area.coordinator, invitable_area.nomination_status) == (user, NominationStatus.NOMINATED)

    client = client_for(user)
    assert "Accept the nomination" in client.get(review.get_absolute_url()).content.decode()
    client.post(f"/reviews/{review.pk}/accept/")
    invitable_area.refresh_from_db()
    assert invitable_area.nomination_status == NominationStatus.ACCEPTED
    assert Notification.objects.filter(template="review_coordinator_accepted", recipient=inspector).exists()


def test_link_works_only_once(client, client_for, inspector, review, invitable_area):
    invite(client_for(inspector), review, invitable_area, email="once@fife.example")
    link = link_from_outbox("once@fife.example")
    client.logout()
    data = {"full_name": "A Person", "password1": "a-long-new-password-9", "password2": "a-long-new-password-9"}
    client.post(link, data)
    client.logout()
    assert client.get(link).status_code == 404


def test_forged_link_is_refused(client):
    assert client.get("/reviews/nomination/not-a-real-token/").status_code == 404


def test_existing_coordinator_account_is_linked_not_duplicated(client, client_for, inspector, review):
    from tests import factories
    from tests.reviews.factories import add_area

    fife = factories.coordinator("Fife", email="existing@fife.example")
    area = add_area(review, area_name="Fife")
    invite(client_for(inspector), review, area, email="existing@fife.example")
    client.logout()
    link = link_from_outbox("existing@fife.example")
    assert "Link my account" in client.get(link).content.decode()
    client.post(link, {})
    area.refresh_from_db()
    assert area.coordinator == fife
    assert User.objects.filter(email="existing@fife.example").count() == 1


def test_link_for_an_account_of_another_role_is_refused(client, client_for, inspector, review, invitable_area):
    invite(client_for(inspector), review, invitable_area, email=inspector.email)
    client.logout()
    response = client.post(link_from_outbox(inspector.email), {})
    assert response.status_code == 409
    invitable_area.refresh_from_db()
    assert invitable_area.coordinator is None


def test_mismatched_passwords_show_an_error_and_create_nothing(client, client_for, inspector, review, invitable_area):
    invite(client_for(inspector), review, invitable_area, email="typo@fife.example")
    client.logout()
    response = client.post(
        link_from_outbox("typo@fife.example"),
        {"full_name": "A Person", "password1": "a-long-new-password-9", "password2": "another-password-8"},
    )
    assert "The passwords do not match" in response.content.decode()
    assert not User.objects.filter(email="typo@fife.example").exists()


def test_coordinator_cannot_accept_for_someone_else(client_for, other_coordinator, review, aberdeen_area):
    aberdeen_area.nomination_status = NominationStatus.INVITED
    aberdeen_area.save()
    client_for(other_coordinator).post(f"/reviews/{review.pk}/accept/")
    aberdeen_area.refresh_from_db()
    assert aberdeen_area.nomination_status == NominationStatus.INVITED


def test_nomination_states_shown_on_the_areas_page(client_for, inspector, review, invitable_area, dundee_area):
    from tests.reviews.factories import add_area

    overdue = add_area(review, area_name="Highland")
    actions.invite_area(overdue, email="x@highland.example", full_name="", deadline=date(2020, 1, 6), by=inspector)
    actions.invite_area(
        invitable_area, email="y@fife.example", full_name="", deadline=date.today() + timedelta(days=5), by=inspector
    )
    assert overdue.nomination_state(timezone.localdate()) == "overdue"
    assert invitable_area.nomination_state(timezone.localdate()) == "not_answered"
    assert dundee_area.nomination_state(timezone.localdate()) == "accepted"
    page = client_for(inspector).get(f"/reviews/{review.pk}/areas/").content.decode()
    assert "Overdue" in page and "Not answered" in page and "Accepted" in page


def test_coordinator_home_page_asks_them_to_accept(client_for, review, coordinator, dundee_area):
    dundee_area.nomination_status = NominationStatus.NOMINATED
    dundee_area.save()
    page = client_for(coordinator).get("/").content.decode()
    assert "You have been nominated as co-ordinator" in page
