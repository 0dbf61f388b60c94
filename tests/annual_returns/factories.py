"""Factories for annual returns: cycles, returns and complete answers for a service."""

import datetime

import factory

from annual_returns import actions
from annual_returns.models import AnnualReturn, Cycle, SectionAnswer, SectionStatus


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle
        django_get_or_create = ["year"]
        skip_postgeneration_save = True

    year = 2026
    opens_on = factory.LazyAttribute(lambda c: datetime.date(c.year, 1, 6))
    closes_on = factory.LazyAttribute(lambda c: datetime.date(c.year, 3, 2))

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if create:
            actions.ensure_question_set(obj)


def staffing_answers(service_type, *, headcount=20, leavers=4, starters=3, vacancies=1, agency_wte=1.0):
    """Answers to the staffing section for every role asked of this service type."""
    from annual_returns import questions

    answers = {}
    for role, _, types in questions.STAFF_ROLES:
        if str(service_type) in types:
            answers.update(
                {
                    f"{role}__headcount": headcount,
                    f"{role}__wte": headcount * 0.8,
                    f"{role}__starters": starters,
                    f"{role}__leavers": leavers,
                    f"{role}__vacancies": vacancies,
                }
            )
    answers["agency_wte"] = agency_wte
    answers["bank_wte"] = 0.5
    return answers


def complete_answers(annual_return, **staffing):
    """Valid answers for every section of the return's question set."""
    service = annual_return.service
    result = {}
    for section in annual_return.sections():
        answers = {}
        for q in section["questions"]:
            kind = q["kind"]
            answers[q["key"]] = {"count": 0, "wte": 0.0, "yes_no": "yes", "text": "Answer"}.get(
                kind, q.get("choices", [["active"]])[0][0]
            )
        if section["key"] == "staffing":
            answers.update(staffing_answers(service.service_type, **staffing))
        if section["key"] == "capacity":
            answers.update(registered_places=40, occupied_places=36)
        if section["key"] == "people":
            bands = [k for k in answers if k.startswith("age_")]
            answers.update(dict.fromkeys(bands, 0))
            answers[bands[-1]] = 36
            answers["people_total"] = 36
        result[section["key"]] = answers
    return result


def fill_return(annual_return, **staffing):
    for key, answers in complete_answers(annual_return, **staffing).items():
        SectionAnswer.objects.update_or_create(
            annual_return=annual_return,
            section=key,
            defaults={"answers": answers, "status": SectionStatus.COMPLETED, "carried_forward": False},
        )
    return annual_return


def submitted_return(service, cycle, *, submitted_at=None, **staffing):
    """A return filled in and submitted through the real action, inside the cycle's window."""
    annual_return = AnnualReturn.objects.create(cycle=cycle, service=service)
    fill_return(annual_return, **staffing)
    when = submitted_at or actions.end_of_day(cycle.opens_on)
    return actions.submit_return(
        annual_return_id=annual_return.pk, by=None, declared_name="Test", declared_position="Manager", now=when
    )
