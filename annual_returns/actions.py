"""The verbs of annual returns: open a cycle, grant an extension, start, answer and submit a return."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from annual_returns import eligibility, metrics, questions
from annual_returns.models import (
    AnnualReturn,
    Cycle,
    DeadlineExtension,
    QuestionSet,
    ReturnStatus,
    SectionAnswer,
    SectionStatus,
    end_of_day,
)
from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify


class ReturnRefused(Exception):
    """A change to a return that the rules do not allow; the message says why, for the provider."""


@transaction.atomic
def open_cycle(*, year, opens_on, closes_on, extended_to=None, by=None):
    """Create (or update) the cycle for `year` and freeze its question set."""
    cycle, _ = Cycle.objects.update_or_create(
        year=year,
        defaults={"opens_on": opens_on, "closes_on": closes_on, "extended_to": extended_to, "opened_by": by},
    )
    ensure_question_set(cycle)
    if by is not None:
        record(by, Action.CREATE, cycle, opens_on=str(opens_on), closes_on=str(cycle.deadline))
    return cycle


def ensure_question_set(cycle):
    """A cycle's questions are written once; later changes to the code never alter a past year's set."""
    question_set, _ = QuestionSet.objects.get_or_create(
        cycle=cycle, defaults={"definition": questions.definition(cycle.year)}
    )
    return question_set


@transaction.atomic
def grant_extension(*, cycle, service, deadline, reason, by=None):
    extension, _ = DeadlineExtension.objects.update_or_create(
        cycle=cycle, service=service, defaults={"deadline": deadline, "reason": reason, "granted_by": by}
    )
    if by is not None:
        record(by, Action.DECIDE, extension, deadline=str(deadline))
    return extension


def deadline_for(cycle, service, extensions=None):
    """The service's own deadline: a granted extension, or the cycle's closing date.

    extensions: an optional {service_id: date} already fetched for a list page.
    """
    if extensions is not None:
        return extensions.get(service.pk, cycle.deadline)
    extension = DeadlineExtension.objects.filter(cycle=cycle, service=service).values_list("deadline", flat=True)
    return extension.first() or cycle.deadline


def current_cycle(today=None):
    """The most recent cycle whose window has opened, or None."""
    today = today or timezone.localdate()
    return Cycle.objects.filter(opens_on__lte=today).select_related("question_set").order_by("-year").first()


def previous_submitted(service, cycle):
    return (
        AnnualReturn.objects.filter(service=service, cycle__year__lt=cycle.year, status=ReturnStatus.SUBMITTED)
        .order_by("-cycle__year")
        .first()
    )


@transaction.atomic
def start_return(*, service, cycle, by):
    """Open this service's return for the cycle, starting from last year's submitted answers.

    Safe to call again: the existing return is returned unchanged.
    """
    if eligibility.obligation(service, cycle.year) is eligibility.Obligation.EXEMPT:
        raise ReturnRefused("This service is cancelled, so it does not submit an annual return.")
    ensure_question_set(cycle)
    annual_return, created = AnnualReturn.objects.get_or_create(cycle=cycle, service=service)
    if created:
        carry_forward(annual_return)
        record(by, Action.CREATE, annual_return)
    return annual_return


def carry_forward(annual_return):
    """Copy last year's submitted answers into the new return, question by question.

    Only questions still asked this year are copied; each section then waits for the provider to
    confirm or change it. The copied answers are kept so the regulator can see what changed.
    """
    previous = previous_submitted(annual_return.service, annual_return.cycle)
    if previous is None:
        return
    annual_return.carried_forward_from = previous
    annual_return.status = ReturnStatus.IN_PROGRESS
    annual_return.save(update_fields=["carried_forward_from", "status"])
    last_year = {answer.section: answer.answers for answer in previous.section_answers.all()}
    rows = []
    for section in annual_return.sections():
        old = last_year.get(section["key"])
        if not old:
            continue
        keys = {q["key"] for q in section["questions"]}
        copied = {key: value for key, value in old.items() if key in keys}
        rows.append(
            SectionAnswer(
                annual_return=annual_return,
                section=section["key"],
                answers=copied,
                previous_answers=copied,
                carried_forward=True,
                status=SectionStatus.IN_PROGRESS,
            )
        )
    SectionAnswer.objects.bulk_create(rows)


def _refuse_if_closed(annual_return):
    if annual_return.is_submitted:
        raise ReturnRefused("This return has been submitted and can no longer be changed.")


@transaction.atomic
def save_section(*, annual_return, section, answers, explanations, completed, by):
    """Store one section's answers; `completed` marks it done on the task list."""
    locked = AnnualReturn.objects.select_for_update().get(pk=annual_return.pk)
    _refuse_if_closed(locked)
    row, _ = SectionAnswer.objects.get_or_create(annual_return=locked, section=section)
    row.answers = answers
    row.explanations = explanations
    row.status = SectionStatus.COMPLETED if completed else SectionStatus.IN_PROGRESS
    if row.carried_forward:
        row.changed = sorted(
            key for key in set(answers) | set(row.previous_answers) if answers.get(key) != row.previous_answers.get(key)
        )
        if completed:
            row.carried_forward = False
    row.save()
    if locked.status == ReturnStatus.NOT_STARTED:
        locked.status = ReturnStatus.IN_PROGRESS
        locked.save(update_fields=["status"])
    record(by, Action.CHANGE, locked, section=section, completed=bool(completed))
    return row


def section_statuses(annual_return, answers=None):
    """{section key: "not_started" | "in_progress" | "completed"} for the task list."""
    answers = answers if answers is not None else {a.section: a for a in annual_return.section_answers.all()}
    statuses = {}
    for section in annual_return.sections():
        row = answers.get(section["key"])
        statuses[section["key"]] = "not_started" if row is None else row.status
    return statuses


@transaction.atomic
def submit_return(*, annual_return_id, by, declared_name, declared_position, now=None):
    """Submit a return once, before the service's deadline, with every section completed.

    The row is locked first, so of many simultaneous submissions exactly one succeeds; the others
    find it already submitted and are refused.
    """
    now = now or timezone.now()
    locked = AnnualReturn.objects.select_for_update().select_related("cycle", "service").get(pk=annual_return_id)
    _refuse_if_closed(locked)
    deadline = deadline_for(locked.cycle, locked.service)
    if now > end_of_day(deadline):
        raise ReturnRefused(
            f"The deadline for this return was {deadline:%-d %B %Y}. "
            "Contact the registration team to ask for an extension."
        )
    if timezone.localtime(now).date() < locked.cycle.opens_on:
        raise ReturnRefused(f"Returns for {locked.cycle.year} can be submitted from {locked.cycle.opens_on:%-d %B %Y}.")
    rows = {row.section: row for row in locked.section_answers.all()}
    unfinished = [s["title"] for s in locked.sections() if section_statuses(locked, rows)[s["key"]] != "completed"]
    if unfinished:
        raise ReturnRefused("Complete every section before you submit: " + ", ".join(unfinished) + ".")
    figures = metrics.compute({key: row.answers for key, row in rows.items()})
    for name, value in figures.items():
        setattr(locked, name, value)
    locked.status = ReturnStatus.SUBMITTED
    locked.submitted_at = now
    locked.submitted_by = by
    locked.declared_name = declared_name
    locked.declared_position = declared_position
    locked.reference = f"AR{locked.cycle.year}-{locked.service.registration_number}"
    locked.save()
    record(by, Action.CREATE, locked, event="submitted", reference=locked.reference)
    # The confirmation is written with the submission, so it is never lost or sent twice. Returns
    # loaded in bulk (imports, demo data) have no one to confirm to.
    if by is not None:
        notify(
            by,
            "annual_return_submitted",
            reason=f"You submitted the annual return for {locked.service.name}",
            context={
                "full_name": by.full_name,
                "year": locked.cycle.year,
                "service": str(locked.service),
                "reference": locked.reference,
                "link": reverse("annual_returns:confirmation", args=[locked.pk]),
            },
            related=locked,
            dedupe_key=f"annual-return-submitted:{locked.pk}",
        )
    return locked
