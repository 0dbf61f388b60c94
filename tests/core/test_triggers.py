"""Every notification trigger named in the notifications issue, in one table.

Each scenario makes the change (through the owning app's action or reminder sweep) and returns who
must be told. The test then checks that exactly those people got that template: nobody else, so
never another area's co-ordinator or another provider. A scenario may check its own context too
(an area's response count, a provider's services). Thorough tests of each rule live in the apps.
"""

import datetime
import functools

import pytest
from django.utils import timezone

from inspectorate.notifications import sending
from inspectorate.notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

TRIGGERS = {}


def trigger(name, template):
    """Add a scenario to the table: `name` reads as the issue names the trigger."""

    def add(scenario):
        TRIGGERS[name] = (template, scenario)
        return scenario

    return add


def sent(template, to):
    """The one notification of `template` sent to the user or email address `to`."""
    email = getattr(to, "email", to)
    return Notification.objects.get(template=template, to_email=email)


def area_of(review, user):
    return review.areas.get(local_authority=user.local_authority)


def invited_area(review, inspector, *, deadline, name="Highland", email="chief.sw@highland.example"):
    """An area with no co-ordinator yet, invited to nominate one by `deadline`."""
    from reviews import actions
    from tests.reviews.factories import add_area

    area = add_area(review, area_name=name)
    actions.invite_area(area, email=email, full_name="Iain Ross", deadline=deadline, by=inspector)
    return area, email


# Reviews


@trigger("review notification letter", "review_notification_letter")
def review_letter(f):
    from reviews import actions
    from reviews.models import ReviewStatus

    review, inspector, coordinator, other = f("review"), f("inspector"), f("coordinator"), f("other_coordinator")
    f("other_review")  # a review nobody here is part of: its areas hear nothing
    _, invitee = invited_area(review, inspector, deadline=timezone.localdate() + datetime.timedelta(days=20))
    actions.move_status(review, ReviewStatus.NOTIFIED, by=inspector)
    assert sent("review_notification_letter", coordinator).context["local_authority"] == "Dundee City"
    assert sent("review_notification_letter", other).context["local_authority"] == "Aberdeen City"
    assert sent("review_notification_letter", invitee).context["local_authority"] == "Highland"
    return [coordinator, other, invitee]


@trigger("co-ordinator nomination invitation", "review_nomination_invitation")
def nomination_invitation(f):
    _, invitee = invited_area(f("review"), f("inspector"), deadline=datetime.date(2030, 10, 6))
    return [invitee]


@trigger("co-ordinator nomination reminder before the deadline", "review_nomination_reminder")
def nomination_reminder(f):
    from reviews import reminders

    today = timezone.localdate()
    review, inspector = f("review"), f("inspector")  # Dundee and Aberdeen have accepted: no reminder
    _, invitee = invited_area(review, inspector, deadline=today + datetime.timedelta(days=2))
    invited_area(review, inspector, deadline=today + datetime.timedelta(days=20), name="Fife", email="sw@fife.example")
    reminders.send_nomination_reminders(today)
    reminders.send_nomination_reminders(today)  # swept twice, told once
    return [invitee]


@trigger("co-ordinator nomination overdue notice", "review_nomination_overdue")
def nomination_overdue(f):
    from reviews.tasks import send_nomination_reminders

    _, invitee = invited_area(f("review"), f("inspector"), deadline=timezone.localdate() - datetime.timedelta(days=1))
    send_nomination_reminders.delay().get()
    return [invitee]


@trigger("co-ordinator accepted the nomination (to the lead inspector)", "review_coordinator_accepted")
def nomination_accepted(f):
    from reviews import actions

    review, inspector = f("review"), f("inspector")
    area, _ = invited_area(review, inspector, deadline=datetime.date(2030, 10, 6))
    user = actions.use_nomination_link(area.invitation, full_name="Iain Ross", password="a-long-password-2026")
    actions.accept_nomination(area, by=user)
    return [inspector]


# Surveys: each co-ordinator hears their own area's response count, never another area's.


def survey_stage(f, template, when):
    from surveys import reminders
    from tests.surveys.factories import add_responses, link_for, simple_survey

    coordinator, other = f("coordinator"), f("other_coordinator")
    survey = simple_survey(f("review"))
    question = survey.sections.get().questions.get(kind="single")
    add_responses(link_for(survey, coordinator), question.options.first(), 12)
    reminders.send_due_reminders(now=when(survey))
    assert sent(template, coordinator).context["responses"] == "12"
    assert sent(template, other).context["responses"] != "12"
    assert sent(template, other).context["area"] == "Aberdeen City"
    return [coordinator, other]


trigger("survey opening", "survey_opening")(
    functools.partial(survey_stage, template="survey_opening", when=lambda s: s.opens_at + datetime.timedelta(hours=1))
)
trigger("survey halfway", "survey_halfway")(
    functools.partial(
        survey_stage, template="survey_halfway", when=lambda s: s.opens_at + (s.closes_at - s.opens_at) / 2
    )
)
trigger("survey closing", "survey_closing")(
    functools.partial(survey_stage, template="survey_closing", when=lambda s: s.closes_at - datetime.timedelta(days=1))
)


# Document requests


DUE = timezone.localdate() + datetime.timedelta(days=30)


def document_requests(f):
    """A request to both areas; Dundee City has uploaded its file, Aberdeen City has not."""
    from tests.documents.factories import make_request, make_upload

    request = make_request(f("review"), f("inspector"), title="Position statement", due=DUE)
    dundee = request.area_requests.get(review_area__local_authority=f("coordinator").local_authority)
    make_upload(dundee, f("coordinator"))
    return dundee


@trigger("document request created", "document_request_created")
def document_request_created(f):
    from tests.documents.factories import make_request

    review, coordinator = f("review"), f("coordinator")
    f("other_coordinator")
    make_request(review, f("inspector"), title="Case list", due=DUE, areas=[area_of(review, coordinator)])
    return [coordinator]


@trigger("document request due soon", "document_due_soon")
def document_due_soon(f):
    from reviews.documents import reminders

    document_requests(f)
    reminders.send_due_reminders(DUE - datetime.timedelta(days=2))
    return [f("other_coordinator")]


@trigger("document request overdue", "document_overdue")
def document_overdue(f):
    from reviews.documents import reminders

    document_requests(f)
    reminders.send_due_reminders(DUE + datetime.timedelta(days=1))
    return [f("other_coordinator")]


@trigger("document request accepted", "document_accepted")
def document_accepted(f):
    from reviews.documents import actions

    actions.accept(document_requests(f), by=f("inspector"))
    return [f("coordinator")]


@trigger("document request returned", "document_returned")
def document_returned(f):
    from reviews.documents import actions

    actions.return_to_area(document_requests(f), comment="Send the signed version.", by=f("inspector"))
    return [f("coordinator")]


# Records


def drawn_sample(f):
    from tests.records.factories import add_fields, drawn

    review = f("review")
    f("other_coordinator")
    add_fields(review)
    return drawn(area_of(review, f("coordinator")), f("inspector"), prefix="DC")


@trigger("record sample drawn", "records_sample_drawn")
def record_sample_drawn(f):
    drawn_sample(f)
    return [f("coordinator")]


@trigger("record results released", "records_results_released")
def record_results_released(f):
    from records import actions

    actions.release_results(drawn_sample(f), by=f("inspector"))
    return [f("coordinator")]


# Annual returns: the provider hears about its own services, never another provider's.


def annual_returns(f, *, other_submitted):
    from tests.annual_returns.factories import CycleFactory, submitted_return

    cycle = CycleFactory(year=2026)
    mine = factories.CareServiceFactory(provider=f("provider_user").provider, name="Ness Bank Care Home")
    theirs = factories.CareServiceFactory(provider=f("other_provider_user").provider, name="Someone Else's Home")
    if other_submitted:
        submitted_return(theirs, cycle)
    return mine


@trigger("annual return cycle opened", "annual_return_cycle_opened")
def annual_return_opened(f):
    from annual_returns import reminders

    annual_returns(f, other_submitted=False)
    reminders.send_due(datetime.date(2026, 1, 6))
    assert "Someone Else" not in sent("annual_return_cycle_opened", f("provider_user")).context["services"]
    assert "Ness Bank" not in sent("annual_return_cycle_opened", f("other_provider_user")).context["services"]
    return [f("provider_user"), f("other_provider_user")]


def annual_return_reminder(f, *, day, days_left):
    from annual_returns import reminders

    annual_returns(f, other_submitted=True)
    reminders.send_due(day)
    assert sent("annual_return_reminder", f("provider_user")).context["days_left"] == days_left
    return [f("provider_user")]


trigger("annual return reminder two weeks before the deadline", "annual_return_reminder")(
    functools.partial(annual_return_reminder, day=datetime.date(2026, 2, 16), days_left=14)
)
trigger("annual return reminder three days before the deadline", "annual_return_reminder")(
    functools.partial(annual_return_reminder, day=datetime.date(2026, 2, 27), days_left=3)
)


@trigger("annual return deadline passed", "annual_return_deadline_passed")
def annual_return_deadline_passed(f):
    from annual_returns import reminders

    annual_returns(f, other_submitted=True)
    reminders.send_due(datetime.date(2026, 3, 3))
    return [f("provider_user")]


# Registration variations


def variation(f, *, agreed_until=None):
    from annual_returns.variations import workflow

    f("other_provider_user")
    service = factories.CareServiceFactory(provider=f("provider_user").provider, name="Ness Bank Care Home")
    started = workflow.start(
        service=service,
        kind="skills_mix",
        by=f("provider_user"),
        current_schedule=[{"role": "Nurse", "shift": "Day", "staff": 3}],
        proposed_schedule=[{"role": "Senior carer", "shift": "Day", "staff": 3}],
        reason="Senior carers trained in medication administration give residents more continuity",
        engagement_commissioners="Met the HSCP commissioners",
        engagement_residents="Residents' and relatives' meeting",
        evaluation_plan="Monthly audit of medication errors",
    )
    if agreed_until:
        workflow.agree(started, by=f("inspector"), conditions="A nurse on every shift", end_on=agreed_until)
    return started


@trigger("variation information requested", "variation_information_requested")
def variation_information_requested(f):
    from annual_returns.variations import workflow

    workflow.request_information(variation(f), by=f("inspector"), question="Send the nurses' night rota.")
    notice = sent("variation_information_requested", f("provider_user"))
    _, text, _ = sending.render(notice.template, notice.context)
    assert "Send the nurses' night rota." in text  # plain text is not HTML-escaped
    return [f("provider_user")]


@trigger("variation decided", "variation_decided")
def variation_decided(f):
    from annual_returns.variations import workflow

    workflow.refuse(variation(f), by=f("inspector"), reasons=[workflow.COST_SAVING], explanation="")
    assert sent("variation_decided", f("provider_user")).context["decision"] == "refused"
    return [f("provider_user")]


@trigger("variation conditions ending soon", "variation_conditions_ending")
def variation_conditions_ending(f):
    from annual_returns.variations import reminders

    end_on = timezone.localdate() + datetime.timedelta(days=20)
    variation(f, agreed_until=end_on)
    reminders.send_due()
    return [f("provider_user"), f("inspector")]  # the provider, and the assessor who agreed the conditions


@trigger("variation evaluation overdue", "variation_evaluation_overdue")
def variation_evaluation_overdue(f):
    from annual_returns.variations import reminders

    end_on = timezone.localdate() + datetime.timedelta(days=20)
    variation(f, agreed_until=end_on)
    reminders.send_due(end_on + datetime.timedelta(days=1))
    return [f("provider_user"), f("inspector")]


# Reports


@trigger("report ready to download", "report_ready")
def report_ready(f):
    import dataclasses

    from inspectorate import pdf
    from inspectorate.reports import actions, kinds

    review, inspector = f("review"), f("inspector")
    f("coordinator")
    area = area_of(review, f("coordinator"))
    # Rendering a real PDF is the reports app's test; here only who is told matters.
    real = kinds.get("area-feedback")
    monkeypatch = f("monkeypatch")
    monkeypatch.setattr(kinds, "get", lambda key: dataclasses.replace(real, build=lambda subject: {}))
    monkeypatch.setattr(pdf, "render_html", lambda *args, **kwargs: "<p>Report</p>")
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: (b"%PDF-1.7", 1))
    report = actions.request_report(real, area, inspector)
    actions.render(report.pk)
    return [inspector]


@trigger("report released to the area's co-ordinator", "report_released")
def report_released(f):
    from inspectorate.reports import actions, kinds
    from inspectorate.reports.models import Report, ReportStatus

    review, inspector, coordinator = f("review"), f("inspector"), f("coordinator")
    f("other_coordinator")
    kind = kinds.get("area-feedback")
    area = area_of(review, coordinator)
    Report.objects.create(
        kind=kind.key, subject_id=str(area.pk), title="Area feedback", version=1, status=ReportStatus.READY,
        requested_by=inspector,
    )  # fmt: skip
    actions.release(kind, area, inspector)
    actions.release(kind, area, inspector)  # releasing again tells nobody again
    assert sent("report_released", coordinator).context["link"] == f"/reports/area-feedback/{area.pk}/"
    return [coordinator]


@pytest.mark.parametrize("name", list(TRIGGERS))
def test_trigger_tells_the_right_people_only(name, request, django_capture_on_commit_callbacks):
    template, scenario = TRIGGERS[name]
    with django_capture_on_commit_callbacks(execute=True):
        expected = scenario(request.getfixturevalue)
    told = sorted(Notification.objects.filter(template=template).values_list("to_email", flat=True))
    assert told == sorted(getattr(person, "email", person) for person in expected)


def test_every_trigger_the_issue_names_is_in_the_table():
    named_in_issue = {
        "review notification letter",
        "co-ordinator nomination invitation",
        "co-ordinator nomination reminder before the deadline",
        "co-ordinator nomination overdue notice",
        "survey opening",
        "survey halfway",
        "survey closing",
        "document request created",
        "document request due soon",
        "document request overdue",
        "document request accepted",
        "document request returned",
        "record sample drawn",
        "record results released",
        "annual return cycle opened",
        "annual return reminder two weeks before the deadline",
        "annual return reminder three days before the deadline",
        "annual return deadline passed",
        "variation information requested",
        "variation decided",
        "variation conditions ending soon",
        "variation evaluation overdue",
        "report ready to download",
        "report released to the area's co-ordinator",
    }
    assert named_in_issue <= set(TRIGGERS)


def test_nomination_reminders_run_daily_from_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["reviews-nomination-reminders"]
    assert entry["task"] == "reviews.tasks.send_nomination_reminders"
