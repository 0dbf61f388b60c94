"""The variation workflow: every allowed and refused move, who may make it, and the history."""

import datetime
import itertools

import pytest

from annual_returns.variations import workflow
from annual_returns.variations.models import VariationRequest, VariationStatus

S = VariationStatus
ALLOWED = {
    (S.SUBMITTED, S.INFORMATION_REQUESTED),
    (S.SUBMITTED, S.AGREED),
    (S.SUBMITTED, S.REFUSED),
    (S.INFORMATION_REQUESTED, S.SUBMITTED),
    (S.AGREED, S.EVALUATION_SUBMITTED),
    (S.AGREED, S.ENDED),
    (S.EVALUATION_SUBMITTED, S.PERMANENT),
    (S.EVALUATION_SUBMITTED, S.AGREED),
    (S.EVALUATION_SUBMITTED, S.ENDED),
}


@pytest.fixture
def variation(care_home, provider_user):
    return workflow.start(
        service=care_home,
        kind="skills_mix",
        by=provider_user,
        current_schedule=[{"role": "Nurse", "shift": "Day", "staff": 3}],
        proposed_schedule=[
            {"role": "Nurse", "shift": "Day", "staff": 2},
            {"role": "Senior carer", "shift": "Day", "staff": 2},
        ],
        reason="Senior carers trained in medication administration give residents more continuity",
        engagement_commissioners="Met Highland HSCP commissioners on 3 March; they support a pilot",
        engagement_residents="Residents' and relatives' meeting on 10 March; questions about night cover",
        evaluation_plan="Monthly audit of medication errors, falls and resident feedback for six months",
    )


@pytest.mark.parametrize("from_status, to_status", list(itertools.product(S, S)))
def test_every_move_is_allowed_or_refused_as_the_table_says(
    variation, provider_user, inspector, from_status, to_status
):
    VariationRequest.objects.filter(pk=variation.pk).update(status=from_status)
    variation.refresh_from_db()
    by = provider_user if workflow.is_provider_move(from_status, to_status) else inspector
    if (from_status, to_status) in ALLOWED:
        assert workflow.move(variation, to_status, by=by).status == to_status
    else:
        with pytest.raises(workflow.MoveRefused):
            workflow.move(variation, to_status, by=by)
        variation.refresh_from_db()
        assert variation.status == from_status


def test_the_provider_cannot_make_the_teams_decisions(variation, provider_user):
    with pytest.raises(workflow.MoveRefused, match="Only the registration team"):
        workflow.agree(variation, by=provider_user, conditions="x", end_on=datetime.date(2027, 6, 1))


def test_the_team_cannot_submit_the_providers_evaluation(variation, inspector):
    workflow.agree(variation, by=inspector, conditions="Review monthly", end_on=datetime.date(2027, 6, 1))
    with pytest.raises(workflow.MoveRefused, match="Only the provider"):
        workflow.submit_evaluation(variation, by=inspector, evaluation="x")


def test_whole_path_to_permanent_keeps_the_history_and_flags_the_inspection(variation, provider_user, inspector):
    workflow.request_information(variation, by=inspector, question="How will night shifts be covered?")
    workflow.answer_information(variation, by=provider_user, answer="A nurse on call from the sister home")
    agreed = workflow.agree(variation, by=inspector, conditions="Monthly audit", end_on=datetime.date(2027, 6, 30))
    assert agreed.inspect_all_quality_themes and agreed.conditions_end_on == datetime.date(2027, 6, 30)
    workflow.submit_evaluation(variation, by=provider_user, evaluation="No rise in medication errors")
    final = workflow.make_permanent(variation, by=inspector)
    assert final.status == S.PERMANENT
    assert [e.to_status for e in final.events.all()] == [
        S.SUBMITTED,
        S.INFORMATION_REQUESTED,
        S.SUBMITTED,
        S.AGREED,
        S.EVALUATION_SUBMITTED,
        S.PERMANENT,
    ]


def test_extending_needs_a_later_end_date(variation, provider_user, inspector):
    workflow.agree(variation, by=inspector, conditions="Monthly audit", end_on=datetime.date(2027, 6, 30))
    workflow.submit_evaluation(variation, by=provider_user, evaluation="Mixed results")
    with pytest.raises(workflow.MoveRefused):
        workflow.extend(variation, by=inspector, end_on=datetime.date(2027, 6, 1))
    variation.refresh_from_db()
    extended = workflow.extend(variation, by=inspector, end_on=datetime.date(2027, 12, 31))
    assert extended.status == S.AGREED and extended.conditions_end_on == datetime.date(2027, 12, 31)


def test_refusal_records_cost_saving_as_a_reason(variation, inspector):
    refused = workflow.refuse(variation, by=inspector, reasons=[workflow.COST_SAVING], explanation="")
    assert refused.refusal_reasons == ["cost_saving"]
    assert "Cost saving alone is not an acceptable reason" in refused.events.last().note
