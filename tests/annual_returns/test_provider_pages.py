"""The provider's journey: home, task list, sections with checks, check answers, submit."""

import pytest
from django.urls import reverse

from annual_returns.models import AnnualReturn, ReturnStatus, SectionAnswer
from tests.annual_returns.factories import complete_answers, fill_return

pytestmark = pytest.mark.usefixtures("frozen_in_window")


def start(client, service, cycle):
    client.post(reverse("annual_returns:start", args=[service.registration_number, cycle.year]))
    return AnnualReturn.objects.get(service=service, cycle=cycle)


def section_url(annual_return, key):
    return reverse("annual_returns:section", args=[annual_return.pk, key])


def post_section(client, annual_return, key, answers, completed="yes", **extra):
    data = {k: "" if v is None else v for k, v in answers.items()}
    return client.post(section_url(annual_return, key), {**data, "completed": completed, **extra})


def test_anonymous_visitor_is_sent_to_sign_in(client, cycle):
    response = client.get(reverse("annual_returns:home"))
    assert response.status_code == 302
    assert reverse("accounts:sign-in") in response["Location"]


def test_inspector_cannot_use_the_provider_pages(client_for, inspector, cycle):
    assert client_for(inspector).get(reverse("annual_returns:home")).status_code == 403


def test_provider_sees_only_their_own_services_with_status_and_deadline(
    client_for, provider_user, care_home, nursery, other_service, cycle
):
    response = client_for(provider_user).get(reverse("annual_returns:home"))
    body = response.content.decode()
    assert "Ness Bank Care Home" in body and "Little Acorns" in body
    assert "Someone Else" not in body
    assert "2 March 2026" in body
    assert body.count("Not started") >= 2


def test_starting_a_return_shows_the_task_list_with_every_section_not_started(
    client_for, provider_user, care_home, cycle
):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    body = client.get(annual_return.get_absolute_url()).content.decode()
    assert "Staffing" in body and "Workforce registration with the SSSC" in body
    assert body.count("Not started") == 6


def test_a_nursery_is_not_asked_about_nurses_but_a_care_home_is(client_for, provider_user, care_home, nursery, cycle):
    client = client_for(provider_user)
    nursery_form = client.get(section_url(start(client, nursery, cycle), "staffing")).content.decode()
    home_form = client.get(section_url(start(client, care_home, cycle), "staffing")).content.decode()
    assert "Nurses" not in nursery_form and "Senior care workers" not in nursery_form
    assert "Nurses: headcount" in home_form and "Senior care workers: headcount" in home_form


def test_negative_and_non_numeric_answers_are_shown_in_the_error_summary(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    answers = complete_answers(annual_return)["capacity"]
    response = post_section(
        client, annual_return, "capacity", {**answers, "registered_places": "-1", "occupied_places": "lots"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in body
    assert "govuk-error-summary" in body
    assert "Enter a number that is 0 or more" in body and "Enter a whole number, like 12" in body
    assert not SectionAnswer.objects.filter(annual_return=annual_return).exists()


def test_leavers_above_headcount_plus_starters_is_refused(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    answers = complete_answers(annual_return)["staffing"]
    response = post_section(client, annual_return, "staffing", {**answers, "nurses__leavers": 99})
    assert "cannot be more than the headcount plus starters" in response.content.decode()
    assert not SectionAnswer.objects.filter(annual_return=annual_return).exists()


def test_high_turnover_needs_an_explanation_which_inspectors_then_see(
    client_for, provider_user, care_home, cycle, inspector
):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    answers = complete_answers(annual_return, headcount=10, starters=8, leavers=8)["staffing"]
    response = post_section(client, annual_return, "staffing", answers)
    body = response.content.decode()
    assert "Staff turnover is 80%, which is above 60%" in body
    assert 'name="explain_turnover"' in body
    post_section(client, annual_return, "staffing", answers, explain_turnover="Two wings closed for refurbishment")
    row = SectionAnswer.objects.get(annual_return=annual_return, section="staffing")
    assert row.status == "completed"
    assert row.explanations == {"turnover": "Two wings closed for refurbishment"}


def test_come_back_later_saves_what_was_typed_as_in_progress(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    response = post_section(client, annual_return, "capacity", {"registered_places": 40}, completed="no")
    assert response.status_code == 302
    row = SectionAnswer.objects.get(annual_return=annual_return, section="capacity")
    assert row.status == "in_progress" and row.answers["registered_places"] == 40
    assert "In progress" in client.get(annual_return.get_absolute_url()).content.decode()


def test_whole_journey_submits_once_with_a_reference_and_is_then_read_only(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    for key, answers in complete_answers(annual_return).items():
        assert post_section(client, annual_return, key, answers).status_code == 302
    check = client.get(reverse("annual_returns:check-answers", args=[annual_return.pk]))
    assert "Check your answers before submitting your return" in check.content.decode()
    response = client.post(
        reverse("annual_returns:check-answers", args=[annual_return.pk]),
        {"confirm": "on", "declared_name": "Shona Grant", "declared_position": "Registered manager"},
    )
    assert response["Location"] == reverse("annual_returns:confirmation", args=[annual_return.pk])
    confirmation = client.get(response["Location"]).content.decode()
    assert f"AR2026-{care_home.registration_number}" in confirmation
    annual_return.refresh_from_db()
    assert annual_return.status == ReturnStatus.SUBMITTED
    assert annual_return.staff_turnover == 20.0
    # Read-only afterwards: the form redirects to the answers, and a forged post changes nothing.
    assert client.get(section_url(annual_return, "capacity"))["Location"].endswith("/answers/")
    post_section(client, annual_return, "capacity", {"registered_places": 1, "occupied_places": 1})
    assert SectionAnswer.objects.get(annual_return=annual_return, section="capacity").answers["registered_places"] == 40


def test_submitting_with_sections_unfinished_is_refused_on_the_page(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = start(client, care_home, cycle)
    response = client.post(
        reverse("annual_returns:check-answers", args=[annual_return.pk]),
        {"confirm": "on", "declared_name": "Shona Grant", "declared_position": "Manager"},
    )
    body = response.content.decode()
    assert "Complete every section before you submit" in body
    assert "<title>Error: " in body


def test_missing_declaration_is_an_error(client_for, provider_user, care_home, cycle):
    client = client_for(provider_user)
    annual_return = fill_return(start(client, care_home, cycle))
    response = client.post(reverse("annual_returns:check-answers", args=[annual_return.pk]), {})
    assert "Confirm the declaration to submit the return" in response.content.decode()
    annual_return.refresh_from_db()
    assert annual_return.status != ReturnStatus.SUBMITTED


@pytest.mark.parametrize("name", ["task-list", "check-answers", "confirmation", "answers"])
def test_provider_guessing_another_providers_return_gets_404(client_for, provider_user, other_service, cycle, name):
    theirs = AnnualReturn.objects.create(cycle=cycle, service=other_service)
    assert client_for(provider_user).get(reverse(f"annual_returns:{name}", args=[theirs.pk])).status_code == 404


def test_provider_guessing_another_providers_section_gets_404(client_for, provider_user, other_service, cycle):
    theirs = AnnualReturn.objects.create(cycle=cycle, service=other_service)
    client = client_for(provider_user)
    assert client.get(section_url(theirs, "staffing")).status_code == 404
    assert client.post(section_url(theirs, "staffing"), {"completed": "no"}).status_code == 404
    assert (
        client.post(reverse("annual_returns:start", args=[other_service.registration_number, 2026])).status_code == 404
    )


def test_coordinator_cannot_read_a_return(client_for, coordinator, care_home, cycle):
    annual_return = AnnualReturn.objects.create(cycle=cycle, service=care_home)
    assert client_for(coordinator).get(reverse("annual_returns:answers", args=[annual_return.pk])).status_code == 404


def test_provider_home_queries_do_not_grow_with_services(client_for, provider_user, cycle, count_queries):
    from tests.factories import CareServiceFactory

    client = client_for(provider_user)
    for _ in range(2):
        AnnualReturn.objects.create(cycle=cycle, service=CareServiceFactory(provider=provider_user.provider))
    client.get(reverse("annual_returns:home"))  # the first request also loads the session
    small = count_queries(lambda: client.get(reverse("annual_returns:home")))
    for _ in range(20):
        AnnualReturn.objects.create(cycle=cycle, service=CareServiceFactory(provider=provider_user.provider))
    assert count_queries(lambda: client.get(reverse("annual_returns:home"))) == small
    assert client.get(reverse("annual_returns:home")).content.decode().count("Continue") == 22
