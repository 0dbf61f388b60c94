"""National-scale synthetic data for benchmarks and scale tests: Scotland's ~14,000 registered care services.

At --scale 1.0: 14,000 services (about four per provider, one large provider with 0.5% of them),
three annual-return cycles (two closed and fully submitted, the current one open with 35%
submitted, 30% ready to submit and the rest started or not), four reviews in all 32 areas,
a staff survey with 100,000 answers and 1,000 record readings. --scale 0.1 gives the 10x smaller set.

Everything is written with bulk_create in batches (no row-by-row saves). The data is marked by
its registration-number prefix: when it is already there the command says so and does nothing,
so it is safe to run twice. The people it creates (all with the demo password):
scale.inspector@example.org, scale.coordinator@example.org (Dundee City),
scale.provider@example.org (the large provider) and scale.admin@example.org.
"""

import datetime
import random
import time
from contextlib import contextmanager

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from annual_returns import actions as return_actions
from annual_returns import metrics
from annual_returns.models import AnnualReturn, Cycle, ReturnStatus, SectionAnswer, SectionStatus, sections_for
from inspectorate.accounts.models import Role, User
from inspectorate.organisations.local_authorities import LOCAL_AUTHORITIES
from inspectorate.organisations.models import CareService, LocalAuthority, Provider, ServiceStatus, ServiceType
from records import sampling
from records.models import Answer as ReadingAnswer
from records.models import CaseList, CaseRecord, QuestionKind, Reading, ReadingQuestion, Sample, SampledRecord
from records.reading_templates import install_standard
from reviews.models import Review, ReviewArea, ReviewKind, ReviewStatus, TeamMember, TeamRole
from surveys.models import SCALES, Answer, Audience, Kind, Option, Question, Response, Section, Survey, SurveyLink

SERVICE_PREFIX = "CS2002"  # the Care Commission's first year: no real or demo service uses it here
PROVIDER_PREFIX = "SP2002"
SCALE_EMAIL_DOMAIN = "scale.example.org"
PASSWORD = "demo-password-2026"  # noqa: S105 - the published demo password, for synthetic accounts only
BATCH = 2000
NATIONAL = {"services": 14_000, "survey_answers": 100_000, "readings": 1_000}
SERVICES_PER_PROVIDER = 4
LARGE_PROVIDER_SHARE = 0.005
QUESTIONS_PER_RESPONSE = 10

# Roughly the mix of the national register: child minding and day care are the largest groups.
TYPE_MIX = [
    (ServiceType.CHILDMINDING, 30),
    (ServiceType.DAY_CARE_OF_CHILDREN, 25),
    (ServiceType.SUPPORT_SERVICE, 12),
    (ServiceType.HOUSING_SUPPORT, 9),
    (ServiceType.CARE_HOME_OLDER_PEOPLE, 6),
    (ServiceType.CARE_HOME_ADULTS, 5),
    (ServiceType.CARE_HOME_CHILDREN, 3),
    (ServiceType.FOSTERING, 2),
    (ServiceType.ADOPTION, 1),
    (ServiceType.NURSE_AGENCY, 1),
    (ServiceType.ADULT_PLACEMENT, 1),
]
REVIEWS = [
    (ReviewKind.THEMATIC, "Services for disabled children and young people (national scale)", ReviewStatus.FIELDWORK),
    (ReviewKind.THEMATIC, "Adult support and protection (national scale)", ReviewStatus.NOTIFIED),
    (ReviewKind.SELF_EVALUATION, "Children's services self-evaluation (national scale)", ReviewStatus.REPORTING),
    (ReviewKind.JOINT_INSPECTION, "Services for children at risk of harm (national scale)", ReviewStatus.PLANNED),
]


def counts(services=None, scale=1.0):
    """How many of each thing to make: the national figures times `scale`."""
    return {
        "services": max(1, round((services or NATIONAL["services"]) * scale)),
        "survey_answers": max(QUESTIONS_PER_RESPONSE, round(NATIONAL["survey_answers"] * scale)),
        "readings": max(1, round(NATIONAL["readings"] * scale)),
    }


def already_loaded():
    return CareService.objects.filter(registration_number__startswith=SERVICE_PREFIX).count()


def cycle_years(today):
    """The current cycle (open today) and the two before it."""
    current = (today + datetime.timedelta(days=60)).year
    return [current - 2, current - 1, current]


class Loader:
    """Writes the whole data set; `timings` records how long each part took."""

    def __init__(self, *, services, survey_answers, readings, seed=14000, out=None):
        self.target = {"services": services, "survey_answers": survey_answers, "readings": readings}
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.timings = {}
        self.out = out
        self.password = make_password(PASSWORD)
        self.today = timezone.localdate()

    @contextmanager
    def step(self, name):
        started = time.perf_counter()
        yield
        self.timings[name] = time.perf_counter() - started
        if self.out:
            self.out.write(f"  {name}: {self.timings[name]:.1f} s")

    def run(self):
        with self.step("areas and people"):
            self.areas = ensure_local_authorities()
            self.people = self._people()
        with self.step("providers and services"):
            self.services = self._services()
        with self.step("annual-return cycles and returns"):
            self._returns()
        with self.step("reviews and areas"):
            self.reviews = self._reviews()
        with self.step("survey answers"):
            self.survey = self._survey(self.reviews[0])
        with self.step("record readings"):
            self._readings(self.reviews[0])
        return self

    # People -------------------------------------------------------------------------------------

    def _user(self, email, full_name, role, **fields):
        user, _ = User.objects.get_or_create(
            email=email, defaults={"full_name": full_name, "role": role, "password": self.password, **fields}
        )
        return user

    def _people(self):
        dundee = next(a for a in self.areas if a.name == "Dundee City")
        return {
            "inspector": self._user("scale.inspector@example.org", "Morag Sinclair", Role.INSPECTOR),
            "support_officer": self._user("scale.support@example.org", "Callum Reid", Role.SUPPORT_OFFICER),
            "admin": self._user("scale.admin@example.org", "Isla Fraser", Role.ADMINISTRATOR),
            "coordinator": self._user(
                "scale.coordinator@example.org", "Euan Robertson", Role.COORDINATOR, local_authority=dundee
            ),
        }

    # Providers and services ---------------------------------------------------------------------

    def _services(self):
        total = self.target["services"]
        provider_count = max(1, total // SERVICES_PER_PROVIDER)
        Provider.objects.bulk_create(
            [
                Provider(provider_number=f"{PROVIDER_PREFIX}{n:06d}", name=f"Scale Provider {n + 1}")
                for n in range(provider_count)
            ],
            batch_size=BATCH,
        )
        providers = list(Provider.objects.filter(provider_number__startswith=PROVIDER_PREFIX).order_by("pk"))
        # One provider user each; the first provider is the large one, signed in as scale.provider.
        User.objects.bulk_create(
            [
                User(
                    email="scale.provider@example.org" if n == 0 else f"provider{n}@{SCALE_EMAIL_DOMAIN}",
                    full_name=f"Provider user {n + 1}",
                    role=Role.PROVIDER,
                    provider=provider,
                    password=self.password,
                )
                for n, provider in enumerate(providers)
            ],
            batch_size=BATCH,
        )
        large = max(1, round(total * LARGE_PROVIDER_SHARE))
        types, weights = zip(*TYPE_MIX, strict=True)
        rows = []
        for n in range(total):
            kind = self.rng.choices(types, weights)[0]
            area = self.areas[self.rng.randrange(len(self.areas))]
            provider = providers[0] if n < large else providers[1 + n % max(1, len(providers) - 1)]
            rows.append(
                CareService(
                    registration_number=f"{SERVICE_PREFIX}{n:06d}",
                    name=f"{area.name} {kind.label.split(':')[-1].strip().title()} {n + 1}",
                    provider=provider,
                    service_type=kind,
                    local_authority=area,
                    registered_on=datetime.date(2003 + self.rng.randrange(20), self.rng.randrange(1, 13), 1),
                    status=ServiceStatus.CANCELLED if self.rng.random() < 0.01 else ServiceStatus.ACTIVE,
                    capacity=None if kind == ServiceType.FOSTERING else self.rng.randint(6, 80),
                )
            )
        CareService.objects.bulk_create(rows, batch_size=BATCH)
        return list(
            CareService.objects.filter(registration_number__startswith=SERVICE_PREFIX)
            .exclude(status=ServiceStatus.CANCELLED)
            .order_by("registration_number")
        )

    # Annual returns -----------------------------------------------------------------------------

    def _cycles(self):
        cycles = []
        for offset, year in zip((-2, -1, 0), cycle_years(self.today), strict=True):
            opens = self.today + datetime.timedelta(days=365 * offset - 14)
            cycle = Cycle.objects.filter(year=year).first() or return_actions.open_cycle(
                year=year, opens_on=opens, closes_on=opens + datetime.timedelta(days=44)
            )
            return_actions.ensure_question_set(cycle)
            cycles.append(Cycle.objects.select_related("question_set").get(pk=cycle.pk))
        return cycles

    def _returns(self):
        past_two, past_one, current = self._cycles()
        self.cycles = [past_two, past_one, current]
        for cycle in (past_two, past_one):
            self._write_returns(cycle, [(s, "submitted") for s in self.services])
        # The large provider's first service has started its return, so its task list can be shown.
        plan = [(self.services[0], "started")]
        for service in self.services[1:]:
            draw = self.rng.random()
            if draw < 0.35:
                plan.append((service, "submitted"))
            elif draw < 0.65:
                plan.append((service, "ready"))
            elif draw < 0.75:
                plan.append((service, "started"))
        self._write_returns(current, plan)

    def _write_returns(self, cycle, plan):
        """plan: [(service, "submitted" | "ready" | "started")]. "ready": every section completed, not submitted."""
        definition = cycle.question_set.definition
        sections_by_type = {}
        for start in range(0, len(plan), BATCH):
            chunk = plan[start : start + BATCH]
            returns, answers = [], []
            for service, state in chunk:
                if service.service_type not in sections_by_type:
                    sections_by_type[service.service_type] = sections_for(definition, service.service_type)
                sections = sections_by_type[service.service_type]
                if state == "started":
                    sections = sections[:2]
                by_section = {s["key"]: self._answers(s, service) for s in sections}
                submitted = state == "submitted"
                returns.append(
                    AnnualReturn(
                        cycle=cycle,
                        service=service,
                        status=ReturnStatus.SUBMITTED if submitted else ReturnStatus.IN_PROGRESS,
                        reference=f"AR{cycle.year}-{service.registration_number}" if submitted else "",
                        submitted_at=self._submitted_at(cycle) if submitted else None,
                        declared_name="Registered manager" if submitted else "",
                        declared_position="Registered manager" if submitted else "",
                        **(metrics.compute(by_section) if submitted else {}),
                    )
                )
                answers.append((by_section, state))
            created = AnnualReturn.objects.bulk_create(returns)
            if created and created[0].pk is None:  # a database that does not return ids from bulk_create
                ids = dict(
                    AnnualReturn.objects.filter(cycle=cycle, service__in=[r.service_id for r in created]).values_list(
                        "service_id", "pk"
                    )
                )
                for row in created:
                    row.pk = ids[row.service_id]
            SectionAnswer.objects.bulk_create(
                [
                    SectionAnswer(
                        annual_return_id=row.pk,
                        section=key,
                        answers=values,
                        status=SectionStatus.IN_PROGRESS if state == "started" and index else SectionStatus.COMPLETED,
                    )
                    for row, (by_section, state) in zip(created, answers, strict=True)
                    for index, (key, values) in enumerate(by_section.items())
                ],
                batch_size=BATCH,
            )

    def _submitted_at(self, cycle):
        last = min(cycle.deadline, self.today)
        days = max((last - cycle.opens_on).days, 1)
        day = cycle.opens_on + datetime.timedelta(days=self.rng.randrange(days))
        return return_actions.end_of_day(day) - datetime.timedelta(hours=self.rng.randrange(8, 14))

    def _answers(self, section, service):
        """Answers that pass the return's hard checks, with plausible staffing and occupancy figures."""
        rng = self.rng
        capacity = service.capacity or 30
        occupied = min(capacity, int(capacity * rng.uniform(0.7, 1.0)))
        values = {}
        for q in section["questions"]:
            values[q["key"]] = {"count": 0, "wte": 0.0, "yes_no": "yes", "text": "Not applicable"}.get(
                q["kind"], (q.get("choices") or [["yes"]])[0][0]
            )
        key = section["key"]
        if key == "people":
            bands = [k for k in values if k.startswith("age_")]
            values["people_total"] = occupied
            if bands:
                values[bands[-1]] = occupied
        elif key == "capacity":
            values.update(registered_places=capacity, occupied_places=occupied)
        elif key == "staffing":
            for role in {k.split("__")[0] for k in values if "__" in k}:
                headcount = rng.randint(2, max(3, capacity // 3))
                leavers = rng.randint(0, headcount // 2)
                values.update(
                    {
                        f"{role}__headcount": headcount,
                        f"{role}__wte": round(headcount * rng.uniform(0.6, 0.95), 1),
                        f"{role}__starters": max(0, leavers - rng.randint(0, 2)),
                        f"{role}__leavers": leavers,
                        f"{role}__vacancies": rng.randint(0, 3),
                    }
                )
            values["agency_wte"] = round(rng.uniform(0, 2), 1)
        elif key == "sssc":
            for group in {k.split("__")[0] for k in values}:
                values.update({f"{group}__registered": rng.randint(2, 20), f"{group}__applied": rng.randint(0, 3)})
        return values

    # Reviews ------------------------------------------------------------------------------------

    def _reviews(self):
        people = self.people
        reviews = []
        for number, (kind, title, status) in enumerate(REVIEWS, start=1):
            review, _ = Review.objects.get_or_create(
                slug=slugify(title),
                defaults={
                    "kind": kind,
                    "title": title,
                    "aims": "How well do services work together?\nWhat difference do they make?",
                    "lead_inspector": people["inspector"],
                    "support_officer": people["support_officer"],
                    "status": status,
                    "notification_date": self.today - datetime.timedelta(days=30 * number),
                },
            )
            TeamMember.objects.get_or_create(
                review=review, user=people["inspector"], defaults={"role": TeamRole.LEAD_INSPECTOR}
            )
            TeamMember.objects.get_or_create(
                review=review, user=people["support_officer"], defaults={"role": TeamRole.SUPPORT_OFFICER}
            )
            ReviewArea.objects.bulk_create(
                [
                    ReviewArea(
                        review=review,
                        local_authority=area,
                        coordinator=people["coordinator"] if area.name == "Dundee City" else None,
                    )
                    for area in self.areas
                ],
                ignore_conflicts=True,
            )
            reviews.append(review)
        return reviews

    # Survey -------------------------------------------------------------------------------------

    def _survey(self, review):
        now = timezone.now()
        survey = Survey.objects.create(
            review=review,
            audience=Audience.STAFF,
            title="Staff survey: services for disabled children and young people",
            opens_at=now - datetime.timedelta(days=40),
            closes_at=now - datetime.timedelta(days=5),
            expected_responses_per_area=400,
        )
        section = Section.objects.create(survey=survey, title="Your views", order=1)
        statements = [
            "Children and young people are listened to",
            "Assessments are completed in good time",
            "Plans are reviewed often enough",
            "I have the training I need",
            "Managers support me well",
            "Services work well together",
            "Families know who to contact",
            "Transitions to adult services are planned early",
            "Short breaks are available when needed",
            "I would recommend this service to a family",
        ]
        questions = Question.objects.bulk_create(
            [
                Question(section=section, kind=Kind.AGREEMENT, text=text, order=number)
                for number, text in enumerate(statements[:QUESTIONS_PER_RESPONSE], start=1)
            ]
        )
        Option.objects.bulk_create(
            [
                Option(question=question, label=label, order=order)
                for question in questions
                for order, label in enumerate(SCALES[Kind.AGREEMENT], start=1)
            ]
        )
        options = {}
        for option in Option.objects.filter(question__in=questions).order_by("question", "order"):
            options.setdefault(option.question_id, []).append(option.pk)
        areas = list(ReviewArea.objects.filter(review=review).order_by("local_authority__name"))
        SurveyLink.objects.bulk_create(
            [SurveyLink(survey=survey, review_area=area, expected_responses=400) for area in areas]
        )
        links = list(SurveyLink.objects.filter(survey=survey).order_by("pk"))
        responses_wanted = self.target["survey_answers"] // QUESTIONS_PER_RESPONSE
        weights = [self.rng.uniform(0.2, 1.0) for _ in links]
        for start in range(0, responses_wanted, BATCH):
            size = min(BATCH, responses_wanted - start)
            chosen = self.rng.choices(links, weights, k=size)
            responses = Response.objects.bulk_create(
                [Response(survey=survey, link=link, submitted_at=now - datetime.timedelta(days=10)) for link in chosen]
            )
            if responses and responses[0].pk is None:
                raise CommandError("This database does not return ids from bulk_create; use PostgreSQL or SQLite.")
            Answer.objects.bulk_create(
                [
                    Answer(
                        response=response,
                        question=question,
                        option_id=options[question.pk][min(5, int(self.rng.triangular(0, 5, 1)))],
                    )
                    for response in responses
                    for question in questions
                ],
                batch_size=BATCH * 2,
            )
        return survey

    # Records ------------------------------------------------------------------------------------

    def _readings(self, review):
        install_standard(review)
        questions = list(
            ReadingQuestion.objects.filter(section__template__review=review).exclude(kind=QuestionKind.NOTES)
        )
        areas = list(ReviewArea.objects.filter(review=review).order_by("local_authority__name"))
        wanted = self.target["readings"]
        per_area = [wanted // len(areas) + (1 if n < wanted % len(areas) else 0) for n in range(len(areas))]
        reader = self.people["inspector"]
        for area, size in zip(areas, per_area, strict=True):
            if not size:
                continue
            case_list = CaseList.objects.create(
                review_area=area,
                filename="case-list.csv",
                uploaded_by=self.people["coordinator"],
                record_count=size * 3,
            )
            records = CaseRecord.objects.bulk_create(
                [
                    CaseRecord(case_list=case_list, reference=f"{area.local_authority.gss_code}-{n:05d}", values={})
                    for n in range(size * 3)
                ]
            )
            by_reference = {r.reference: r for r in records}
            drawn = sampling.draw({r.reference: "" for r in records}, size, seed=f"scale-{area.pk}")
            sample = Sample.objects.create(
                review_area=area,
                size=size,
                reserve_size=len(drawn.reserve),
                seed=drawn.seed,
                population_sha256=drawn.population_sha256,
                population_size=drawn.population_size,
                drawn_by=reader,
            )
            sampled = SampledRecord.objects.bulk_create(
                [
                    SampledRecord(
                        sample=sample,
                        case_record=by_reference[reference],
                        reference=reference,
                        kind=SampledRecord.Kind.SAMPLE,
                        in_sample=True,
                        position=position,
                    )
                    for position, reference in enumerate(drawn.sample, start=1)
                ]
            )
            readings = Reading.objects.bulk_create(
                [
                    Reading(
                        sampled_record=record, reader=reader, sections_done=[1, 2, 3, 4, 5], completed_at=timezone.now()
                    )
                    for record in sampled
                ]
            )
            ReadingAnswer.objects.bulk_create(
                [
                    ReadingAnswer(
                        reading=reading,
                        question=question,
                        value=self.rng.choice([value for value, _ in question.options]),
                    )
                    for reading in readings
                    for question in questions
                ],
                batch_size=BATCH,
            )


def ensure_local_authorities():
    """The 32 areas come from a data migration; a flushed test database may have lost them."""
    if LocalAuthority.objects.count() < len(LOCAL_AUTHORITIES):
        LocalAuthority.objects.bulk_create(
            [LocalAuthority(name=name, gss_code=code, slug=slugify(name)) for name, code in LOCAL_AUTHORITIES],
            ignore_conflicts=True,
        )
    return list(LocalAuthority.objects.order_by("name"))


def load(*, services=None, scale=1.0, out=None):
    """Load the data set unless it is there already. Returns the Loader (with timings), or None if it was there."""
    if already_loaded():
        return None
    loader = Loader(**counts(services, scale), out=out)
    with transaction.atomic():
        loader.run()
    if connection.vendor == "postgresql":
        # Fresh statistics: without them the planner takes 100,000 answers for a few hundred and
        # picks sorts that spill to disk (see docs/performance.md).
        with loader.step("analyze"), connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return loader


class Command(BaseCommand):
    help = "Create national-scale synthetic data (14,000 services, 3 years of returns, surveys, readings) in bulk."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=NATIONAL["services"], help="Services at scale 1.0")
        parser.add_argument("--scale", type=float, default=1.0, help="0.1 gives the 10x smaller data set")

    def handle(self, *args, services, scale, **options):
        if scale <= 0 or services <= 0:
            raise CommandError("--services and --scale must be positive.")
        existing = already_loaded()
        if existing:
            self.stdout.write(
                f"National-scale data is already loaded ({existing} services numbered {SERVICE_PREFIX}...): "
                "nothing was changed. Use a fresh database to load another scale."
            )
            return
        wanted = counts(services, scale)
        self.stdout.write(
            f"Loading {wanted['services']} services, 3 years of returns, 4 reviews in 32 areas, "
            f"{wanted['survey_answers']} survey answers and {wanted['readings']} record readings"
        )
        started = time.perf_counter()
        load(services=services, scale=scale, out=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Loaded in {time.perf_counter() - started:.1f} s"))
