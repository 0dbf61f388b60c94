"""The registration variation workflow: the allowed moves, written once, and the named actions.

Every change of state goes through `move`, which locks the row, refuses a move the table does not
allow, and writes the history. Providers submit, answer and evaluate; the registration team
requests information, agrees, refuses, and makes permanent, extends or ends.
"""

from django.db import transaction

from annual_returns.variations.models import VariationEvent, VariationKind, VariationRequest, VariationStatus
from inspectorate import uploads
from inspectorate.accounts.models import Role, User
from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify

S = VariationStatus

ALLOWED_MOVES = {
    S.SUBMITTED: {S.INFORMATION_REQUESTED, S.AGREED, S.REFUSED},
    S.INFORMATION_REQUESTED: {S.SUBMITTED},
    S.AGREED: {S.EVALUATION_SUBMITTED, S.ENDED},
    S.EVALUATION_SUBMITTED: {S.PERMANENT, S.AGREED, S.ENDED},
    S.PERMANENT: set(),
    S.REFUSED: set(),
    S.ENDED: set(),
}
# Who may make each move: the provider, or the regulator's registration team.
PROVIDER_MOVES = {(S.INFORMATION_REQUESTED, S.SUBMITTED), (S.AGREED, S.EVALUATION_SUBMITTED)}

COST_SAVING = "cost_saving"
REFUSAL_REASONS = [
    (COST_SAVING, "Cost saving alone is not an acceptable reason"),
    ("quality", "The proposal would not improve the quality of care for residents"),
    ("engagement", "Not enough engagement with commissioners, residents and relatives"),
    ("evaluation", "No adequate plan to evaluate the impact"),
    ("staffing", "The proposed staffing schedule is not safe"),
]


class MoveRefused(Exception):
    """A state change the workflow does not allow; the message says why."""


def allowed(from_status, to_status):
    return to_status in ALLOWED_MOVES[S(from_status)]


def is_provider_move(from_status, to_status):
    return (S(from_status), S(to_status)) in PROVIDER_MOVES


@transaction.atomic
def move(variation, to_status, *, by, note="", guard=None, **changes):
    """Move the variation to `to_status` if allowed, apply `changes`, and keep the step in the history.

    guard: an optional check on the locked row that raises MoveRefused.
    """
    locked = VariationRequest.objects.select_for_update().get(pk=variation.pk)
    if guard is not None:
        guard(locked)
    if not allowed(locked.status, to_status):
        raise MoveRefused(
            f"A variation that is {locked.get_status_display().lower()} cannot move to {S(to_status).label.lower()}."
        )
    if by.is_provider_user != is_provider_move(locked.status, to_status):
        raise MoveRefused(
            "Only the registration team can make this decision."
            if by.is_provider_user
            else "Only the provider can do this."
        )
    previous = locked.status
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.status = to_status
    locked.save()
    VariationEvent.objects.create(variation=locked, from_status=previous, to_status=to_status, by=by, note=note)
    record(by, Action.DECIDE, locked, from_status=previous, to_status=str(to_status))
    _tell_provider(locked, previous, to_status, note)
    return locked


# The team's moves the provider hears about by email, with the word the email uses for the decision.
DECISIONS = {S.AGREED: "agreed", S.REFUSED: "refused", S.PERMANENT: "made permanent", S.ENDED: "ended"}


def _tell_provider(variation, previous, to_status, note):
    """Email the provider's users when the registration team asks for information or decides."""
    if to_status == S.INFORMATION_REQUESTED:
        template, decision = "variation_information_requested", ""
    elif to_status in DECISIONS:
        template = "variation_decided"
        decision = "extended" if to_status == S.AGREED and previous != S.SUBMITTED else DECISIONS[to_status]
    else:
        return
    providers = User.objects.filter(role=Role.PROVIDER, is_active=True, provider_id=variation.service.provider_id)
    for person in providers:
        notify(
            person,
            template,
            reason=f"You are a user for {variation.service.provider}",
            context={
                "full_name": person.full_name,
                "reference": variation.reference,
                "service": str(variation.service),
                "decision": decision,
                "note": note,
                "link": variation.get_absolute_url(),
            },
            related=variation,
        )


@transaction.atomic
def start(
    *,
    service,
    kind,
    by,
    current_schedule,
    proposed_schedule,
    reason,
    engagement_commissioners,
    engagement_residents,
    evaluation_plan,
    document=None,
):
    variation = VariationRequest.objects.create(
        service=service,
        kind=kind,
        current_schedule=current_schedule,
        proposed_schedule=proposed_schedule,
        reason=reason,
        engagement_commissioners=engagement_commissioners,
        engagement_residents=engagement_residents,
        evaluation_plan=evaluation_plan,
        created_by=by,
    )
    VariationEvent.objects.create(variation=variation, to_status=S.SUBMITTED, by=by, note="Request submitted")
    record(by, Action.CREATE, variation)
    if document is not None:
        attach(variation, document, by=by)
    return variation


def attach(variation, checked, *, by):
    """Keep a document that has passed inspectorate.uploads.check_upload."""
    from annual_returns.variations.models import VariationDocument

    return VariationDocument.objects.create(
        variation=variation,
        name=checked.name,
        stored_name=uploads.store(checked, "variations"),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )


def request_information(variation, *, by, question):
    return move(variation, S.INFORMATION_REQUESTED, by=by, note=question)


def answer_information(variation, *, by, answer, document=None):
    variation = move(variation, S.SUBMITTED, by=by, note=answer)
    if document is not None:
        attach(variation, document, by=by)
    return variation


def agree(variation, *, by, conditions, end_on):
    """Agree with time-limited conditions; the service's next inspection looks at all quality themes."""
    return move(
        variation,
        S.AGREED,
        by=by,
        note=f"Agreed with conditions until {end_on:%-d %B %Y}: {conditions}",
        conditions=conditions,
        conditions_end_on=end_on,
        inspect_all_quality_themes=True,
    )


def refuse(variation, *, by, reasons, explanation):
    labels = dict(REFUSAL_REASONS)
    note = "; ".join(labels[r] for r in reasons) + (f". {explanation}" if explanation else "")
    return move(variation, S.REFUSED, by=by, note=note, refusal_reasons=list(reasons))


def submit_evaluation(variation, *, by, evaluation, document=None):
    variation = move(variation, S.EVALUATION_SUBMITTED, by=by, note=evaluation, evaluation=evaluation)
    if document is not None:
        attach(variation, document, by=by)
    return variation


def make_permanent(variation, *, by, note=""):
    return move(variation, S.PERMANENT, by=by, note=note or "The variation is now permanent")


def extend(variation, *, by, end_on, note=""):
    def later_than_now(locked):
        if locked.conditions_end_on and end_on <= locked.conditions_end_on:
            raise MoveRefused(f"The new end date must be after {locked.conditions_end_on:%-d %B %Y}.")

    return move(
        variation,
        S.AGREED,
        by=by,
        note=note or f"Conditions extended to {end_on:%-d %B %Y}",
        guard=later_than_now,
        conditions_end_on=end_on,
    )


def end(variation, *, by, note):
    return move(variation, S.ENDED, by=by, note=note)


def needs_skills_mix_details(kind):
    return kind == VariationKind.SKILLS_MIX
