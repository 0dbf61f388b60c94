"""Variation pages: the provider's request, the team's decisions, scoping, documents and reminders."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annual_returns.variations import reminders, workflow
from annual_returns.variations.models import VariationDocument, VariationRequest, VariationStatus
from inspectorate.notifications.models import Notification

START = {
    "kind": "skills_mix",
    "current_schedule": "Nurse, Day, 3\nNurse, Night, 2\nCare worker, Day, 8",
    "proposed_schedule": "Nurse, Day, 2\nSenior carer, Day, 2\nNurse, Night, 2\nCare worker, Day, 8",
    "reason": "Senior carers trained in medicines give residents more continuity and free nurses for clinical care",
    "engagement_commissioners": "Met Highland HSCP commissioners on 3 March 2026: they support a pilot",
    "engagement_residents": "Residents' and relatives' meeting on 10 March 2026: asked about night cover",
    "evaluation_plan": "Monthly audit of medication errors, falls and resident feedback for six months",
}


def act(client, variation, action, data):
    return client.post(reverse("annual_returns:variation-act", args=[variation.pk, action]), data)


@pytest.fixture
def variation(care_home, provider_user):
    return workflow.start(
        service=care_home,
        kind="skills_mix",
        by=provider_user,
        current_schedule=[{"role": "Nurse", "shift": "Day", "staff": 3}],
        proposed_schedule=[{"role": "Senior carer", "shift": "Day", "staff": 2}],
        reason="Continuity of care",
        engagement_commissioners="Met commissioners",
        engagement_residents="Met residents",
        evaluation_plan="Monthly audit",
    )


def test_start_page_says_cost_saving_is_not_acceptable_before_the_form(client_for, provider_user, care_home):
    body = client_for(provider_user).get(reverse("annual_returns:variation-start")).content.decode()
    assert body.index("Cost saving alone is not an acceptable reason") < body.index('name="service"')


def test_provider_submits_a_skills_mix_variation_with_a_checked_document(client_for, provider_user, care_home):
    document = SimpleUploadedFile("plan.txt", b"Evaluation plan: monthly audits.\n", content_type="text/plain")
    response = client_for(provider_user).post(
        reverse("annual_returns:variation-start"), {**START, "service": care_home.pk, "document": document}
    )
    variation = VariationRequest.objects.get()
    assert response["Location"] == variation.get_absolute_url()
    assert variation.proposed_schedule[1] == {"role": "Senior carer", "shift": "Day", "staff": 2}
    assert VariationDocument.objects.get(variation=variation).name == "plan.txt"


def test_skills_mix_without_engagement_or_a_bad_schedule_line_is_refused(client_for, provider_user, care_home):
    data = {**START, "service": care_home.pk, "engagement_residents": "", "proposed_schedule": "Nurse, Day"}
    body = client_for(provider_user).post(reverse("annual_returns:variation-start"), data).content.decode()
    assert "<title>Error: " in body
    assert "Enter the engagement with residents and relatives" in body
    assert "Line 1: enter the role, the shift and the number of staff" in body
    assert not VariationRequest.objects.exists()


def test_provider_cannot_request_a_variation_for_another_providers_service(client_for, provider_user, other_service):
    body = (
        client_for(provider_user)
        .post(reverse("annual_returns:variation-start"), {**START, "service": other_service.pk})
        .content.decode()
    )
    assert "Select a valid choice" in body
    assert not VariationRequest.objects.exists()


def test_another_provider_cannot_reach_the_variation_or_its_documents(client_for, other_provider_user, variation):
    client = client_for(other_provider_user)
    assert client.get(variation.get_absolute_url()).status_code == 404
    assert act(client, variation, "answer", {"text": "x"}).status_code == 404
    document = VariationDocument.objects.create(
        variation=variation,
        name="x.txt",
        stored_name="x",
        content_type="text/plain",
        size=1,
        sha256="0",
        uploaded_by=variation.created_by,
    )
    assert client.get(reverse("annual_returns:variation-document", args=[document.pk])).status_code == 404


def test_coordinator_cannot_see_variations(client_for, coordinator, variation):
    client = client_for(coordinator)
    assert client.get(variation.get_absolute_url()).status_code == 404
    assert client.get(reverse("annual_returns:variation-list")).status_code == 403


def test_provider_cannot_take_the_teams_decision(client_for, provider_user, variation):
    response = act(client_for(provider_user), variation, "agree", {"conditions": "x", "end_on": "30/06/2027"})
    assert response.status_code == 403
    variation.refresh_from_db()
    assert variation.status == VariationStatus.SUBMITTED


def test_whole_assessment_through_the_pages_ends_permanent_with_the_inspection_flag(
    client, provider_user, inspector, variation
):
    client.force_login(inspector)
    act(client, variation, "request_information", {"text": "How will night shifts be covered?"})
    client.force_login(provider_user)
    assert "How will night shifts be covered?" in client.get(variation.get_absolute_url()).content.decode()
    act(client, variation, "answer", {"text": "A nurse on call from our sister home"})
    client.force_login(inspector)
    bad = act(client, variation, "agree", {"conditions": "Monthly audit", "end_on": "31 June"})
    assert "Enter a real date, like 30/06/2027" in bad.content.decode()
    act(client, variation, "agree", {"conditions": "Monthly audit to the registration team", "end_on": "30/06/2027"})
    client.force_login(provider_user)
    act(client, variation, "evaluation", {"text": "No rise in medication errors; residents report more continuity"})
    client.force_login(inspector)
    act(client, variation, "outcome", {"outcome": "permanent", "note": "Evaluation shows no harm"})
    variation.refresh_from_db()
    assert variation.status == VariationStatus.PERMANENT
    page = client.get(variation.get_absolute_url()).content.decode()
    assert page.count("govuk-!-margin-bottom-4") == 6  # the timeline: every step kept
    benchmark = client.get(reverse("annual_returns:benchmark", args=[variation.service.registration_number]))
    assert "The next inspection should look at all quality themes" in benchmark.content.decode()


def test_team_list_shows_conditions_ending_soon_and_overdue_evaluations(client_for, inspector, variation, care_home):
    from django.utils import timezone

    today = timezone.localdate()
    workflow.agree(variation, by=inspector, conditions="Audit", end_on=today + datetime.timedelta(days=10))
    body = client_for(inspector).get(reverse("annual_returns:variation-list")).content.decode()
    ending = body.split("Conditions ending in the next 4 weeks")[1].split("Evaluations overdue")[0]
    assert variation.reference in ending


def test_reminders_before_the_end_date_and_when_overdue_reach_provider_and_assessor(variation, inspector):
    workflow.agree(variation, by=inspector, conditions="Audit", end_on=datetime.date(2027, 6, 30))
    assert reminders.send_due(datetime.date(2027, 6, 1)) == 0  # 29 days before
    assert reminders.send_due(datetime.date(2027, 6, 2)) == 2  # 28 days before: provider user and assessor
    assert reminders.send_due(datetime.date(2027, 6, 3)) == 0  # deduplicated
    assert reminders.send_due(datetime.date(2027, 7, 1)) == 2
    assert Notification.objects.filter(template="variation_evaluation_overdue").count() == 2


def test_no_reminder_once_the_evaluation_is_in(variation, inspector, provider_user):
    workflow.agree(variation, by=inspector, conditions="Audit", end_on=datetime.date(2027, 6, 30))
    workflow.submit_evaluation(variation, by=provider_user, evaluation="Done")
    assert reminders.send_due(datetime.date(2027, 7, 1)) == 0
