"""Demo annual returns: three cycles, the demo providers' returns, and a few hundred services for benchmarks.

Today in the demo is late November 2026: the 2025 and 2026 returns are closed and submitted, and
the 2027 return opened on 9 November 2026 (six weeks to 21 December, extended by two weeks to
4 January 2027). Safe to run again: rows are matched on their natural keys.
"""

import datetime
import random

from annual_returns import actions, metrics
from annual_returns.models import AnnualReturn, ReturnStatus, SectionAnswer, SectionStatus, sections_for
from inspectorate.organisations.models import CareService, LocalAuthority, Provider, ServiceStatus, ServiceType

CYCLES = [
    # year, opens, closes, extended to
    (2025, datetime.date(2025, 1, 6), datetime.date(2025, 2, 16), datetime.date(2025, 3, 2)),
    (2026, datetime.date(2026, 1, 6), datetime.date(2026, 2, 16), datetime.date(2026, 3, 2)),
    (2027, datetime.date(2026, 11, 9), datetime.date(2026, 12, 21), datetime.date(2027, 1, 4)),
]
SYNTHETIC_PROVIDERS = 30
SYNTHETIC_SERVICES_PER_PROVIDER = 10
SYNTHETIC_TYPES = [
    (ServiceType.CARE_HOME_OLDER_PEOPLE, 40),
    (ServiceType.DAY_CARE_OF_CHILDREN, 25),
    (ServiceType.SUPPORT_SERVICE, 15),
    (ServiceType.CHILDMINDING, 10),
    (ServiceType.HOUSING_SUPPORT, 5),
    (ServiceType.CARE_HOME_ADULTS, 5),
]
CAPACITY = {
    ServiceType.CARE_HOME_OLDER_PEOPLE: (20, 80),
    ServiceType.CARE_HOME_ADULTS: (6, 30),
    ServiceType.DAY_CARE_OF_CHILDREN: (20, 90),
    ServiceType.CHILDMINDING: (6, 12),
    ServiceType.SUPPORT_SERVICE: (20, 120),
    ServiceType.HOUSING_SUPPORT: (10, 60),
}


def load(people):
    cycles = {
        year: actions.open_cycle(year=year, opens_on=opens, closes_on=closes, extended_to=extended)
        for year, opens, closes, extended in CYCLES
    }
    for cycle in cycles.values():
        if cycle.opened_by is None:
            cycle.opened_by = people["admin"]
            cycle.save(update_fields=["opened_by"])
    services = _synthetic_services()
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    demo_services = list(CareService.objects.filter(provider__users__in=[people["provider_highland"]]).distinct())
    demo_services += list(CareService.objects.filter(provider__users__in=[people["provider_tayside"]]).distinct())
    for year in (2025, 2026):
        eligible = [s for s in services + demo_services if s.registered_on < datetime.date(year - 1, 10, 1)]
        _submit_many(cycles[year], eligible, rng, by=None)
    # 2027 is open: about a third of the synthetic services have submitted already.
    picker = random.Random(2027)  # noqa: S311 - its own generator, so a second run picks the same services
    _submit_many(cycles[2027], [s for s in services if picker.random() < 0.35], rng, by=None)
    _variations(people)
    # Ness Bank has started its 2027 return from last year's answers and confirmed two sections.
    ness_bank = CareService.objects.get(registration_number="CS2003001010")
    started = actions.start_return(service=ness_bank, cycle=cycles[2027], by=people["provider_highland"])
    for row in started.section_answers.filter(section__in=["service_details", "people"], carried_forward=True):
        actions.save_section(
            annual_return=started,
            section=row.section,
            answers=row.answers,
            explanations={},
            completed=True,
            by=people["provider_highland"],
        )


def _variations(people):
    """Ness Bank's skills-mix variation, agreed with conditions ending in December 2026; Culloden Court's waiting."""
    from annual_returns.variations import workflow
    from annual_returns.variations.models import VariationRequest

    provider = people["provider_highland"]
    details = dict(
        kind="skills_mix",
        by=provider,
        current_schedule=[
            {"role": "Nurse", "shift": "Day", "staff": 3},
            {"role": "Nurse", "shift": "Night", "staff": 2},
            {"role": "Care worker", "shift": "Day", "staff": 9},
        ],
        proposed_schedule=[
            {"role": "Nurse", "shift": "Day", "staff": 2},
            {"role": "Senior care worker", "shift": "Day", "staff": 2},
            {"role": "Nurse", "shift": "Night", "staff": 2},
            {"role": "Care worker", "shift": "Day", "staff": 9},
        ],
        reason="Senior care workers trained in medication administration give residents more continuity, "
        "and free nurses to spend time on clinical assessment and care planning.",
        engagement_commissioners="Met Highland Health and Social Care Partnership commissioners on 3 March 2026; "
        "they support a six-month pilot.",
        engagement_residents="Residents' and relatives' meeting on 10 March 2026; "
        "relatives asked how nights are covered.",
        evaluation_plan="Monthly audit of medication errors, falls and resident and relative feedback for six months.",
    )
    ness_bank = CareService.objects.get(registration_number="CS2003001010")
    if not VariationRequest.objects.filter(service=ness_bank).exists():
        variation = workflow.start(service=ness_bank, **details)
        workflow.request_information(variation, by=people["inspector"], question="How will night shifts be covered?")
        workflow.answer_information(variation, by=provider, answer="A nurse is on call from Culloden Court at night.")
        workflow.agree(
            variation,
            by=people["inspector"],
            conditions="A monthly audit of medication errors and falls is sent to the registration team.",
            end_on=datetime.date(2026, 12, 15),
        )
    culloden = CareService.objects.get(registration_number="CS2006002020")
    if not VariationRequest.objects.filter(service=culloden).exists():
        workflow.start(service=culloden, **details)


def _synthetic_services():
    """A few hundred services across Scotland, made once and found again by registration number."""
    rng = random.Random(14000)  # noqa: S311 - demo data, not security
    areas = list(LocalAuthority.objects.order_by("name"))
    providers = [
        Provider.objects.update_or_create(
            provider_number=f"SP2010{n:06d}", defaults={"name": f"{_PROVIDER_NAMES[n % len(_PROVIDER_NAMES)]} {n + 1}"}
        )[0]
        for n in range(SYNTHETIC_PROVIDERS)
    ]
    types, weights = zip(*SYNTHETIC_TYPES, strict=True)
    wanted = []
    for n in range(SYNTHETIC_PROVIDERS * SYNTHETIC_SERVICES_PER_PROVIDER):
        kind = rng.choices(types, weights)[0]
        low, high = CAPACITY[kind]
        area = areas[rng.randrange(len(areas))]
        wanted.append(
            CareService(
                registration_number=f"CS2015{n:06d}",
                name=f"{area.name} {kind.label.split(':')[-1].strip().title()} {n + 1}",
                provider=providers[n % SYNTHETIC_PROVIDERS],
                service_type=kind,
                local_authority=area,
                registered_on=datetime.date(2000 + rng.randrange(24), rng.randrange(1, 13), 1),
                status=ServiceStatus.INACTIVE if rng.random() < 0.03 else ServiceStatus.ACTIVE,
                capacity=rng.randint(low, high),
            )
        )
    existing = set(
        CareService.objects.filter(registration_number__in=[s.registration_number for s in wanted]).values_list(
            "registration_number", flat=True
        )
    )
    CareService.objects.bulk_create([s for s in wanted if s.registration_number not in existing])
    return list(CareService.objects.filter(registration_number__startswith="CS2015").order_by("registration_number"))


_PROVIDER_NAMES = ["Caledonia Care", "Thistle Homes", "Lomond Support", "Forth Valley Nurseries", "Grampian Care"]


def _submit_many(cycle, services, rng, *, by):
    """Submitted returns for services that have none in this cycle, written in bulk."""
    done = set(AnnualReturn.objects.filter(cycle=cycle, service__in=services).values_list("service_id", flat=True))
    definition = cycle.question_set.definition
    new_returns, answers = [], []
    for service in services:
        if service.pk in done:
            continue
        sections = sections_for(definition, service.service_type)
        by_section = {s["key"]: _answers(s, service, rng) for s in sections}
        submitted_at = _submitted_at(cycle, rng)
        new_returns.append(
            AnnualReturn(
                cycle=cycle,
                service=service,
                status=ReturnStatus.SUBMITTED,
                reference=f"AR{cycle.year}-{service.registration_number}",
                submitted_at=submitted_at,
                submitted_by=by,
                declared_name="Registered manager",
                declared_position="Registered manager",
                **metrics.compute(by_section),
            )
        )
        answers.append(by_section)
    created = AnnualReturn.objects.bulk_create(new_returns)
    if created and created[0].pk is None:  # databases that do not return ids from bulk_create
        ids = dict(AnnualReturn.objects.filter(cycle=cycle).values_list("service_id", "pk"))
        for r in created:
            r.pk = ids[r.service_id]
    SectionAnswer.objects.bulk_create(
        SectionAnswer(annual_return_id=r.pk, section=key, answers=values, status=SectionStatus.COMPLETED)
        for r, by_section in zip(created, answers, strict=True)
        for key, values in by_section.items()
    )


def _submitted_at(cycle, rng):
    today = datetime.date(2026, 11, 21)
    last = min(cycle.deadline, today)
    day = cycle.opens_on + datetime.timedelta(days=rng.randrange(max((last - cycle.opens_on).days, 1)))
    return actions.end_of_day(day) - datetime.timedelta(hours=rng.randrange(8, 14))


def _answers(section, service, rng):
    """Plausible answers that pass the hard checks; a few services are unusual, for the flags."""
    values = {}
    capacity = service.capacity or 30
    occupied = min(capacity, int(capacity * rng.uniform(0.7, 1.0)))
    for q in section["questions"]:
        values[q["key"]] = {"count": 0, "wte": 0.0, "yes_no": "yes", "text": ""}.get(
            q["kind"], (q.get("choices") or [["yes"]])[0][0]
        )
    if section["key"] == "service_details":
        values.update(manager_name="Registered manager", opening_hours="24 hours, 7 days")
        if service.status == ServiceStatus.INACTIVE:
            values["operating_status"] = "inactive"
    if section["key"] == "people":
        bands = [k for k in values if k.startswith("age_")]
        values["people_total"] = occupied
        if bands:
            values[bands[-1]] = occupied
    if section["key"] == "capacity":
        values.update(registered_places=capacity, occupied_places=occupied)
        if "respite_places" in values:
            values["respite_places"] = rng.randint(0, 2)
    if section["key"] == "staffing":
        unusual = rng.random() < 0.08
        for role in {k.split("__")[0] for k in values if "__" in k}:
            headcount = rng.randint(2, max(3, capacity // 3))
            leavers = rng.randint(0, headcount // 2 + (headcount if unusual else 0))
            starters = max(0, leavers - rng.randint(0, 2))
            leavers = min(leavers, headcount + starters)
            values.update(
                {
                    f"{role}__headcount": headcount,
                    f"{role}__wte": round(headcount * rng.uniform(0.6, 0.95), 1),
                    f"{role}__starters": starters,
                    f"{role}__leavers": leavers,
                    f"{role}__vacancies": rng.randint(0, 3),
                }
            )
        values["agency_wte"] = round(rng.uniform(0, 6 if unusual else 2), 1)
    if section["key"] == "sssc":
        for group in {k.split("__")[0] for k in values}:
            values.update(
                {
                    f"{group}__registered": rng.randint(2, 20),
                    f"{group}__applied": rng.randint(0, 3),
                    f"{group}__not_registered": rng.randint(0, 1),
                }
            )
    return values
