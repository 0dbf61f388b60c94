"""Building surveys: seeds, copies, questions, follow-ups, ordering, and the lock once answers exist."""

import pytest
from django.urls import reverse

from surveys import actions
from surveys.models import Audience, Kind, Question, Survey, SurveyLink
from tests.surveys.factories import add_responses, open_window, seeded_survey


def test_staff_seed_asks_role_and_job_type_only_and_has_a_follow_up(review):
    survey = seeded_survey(review, Audience.STAFF)
    texts = list(Question.objects.filter(section__survey=survey).values_list("text", flat=True))
    assert "What is your current occupation or professional role?" in texts
    assert "What is your job type?" in texts
    assert not any("name" in text.lower() and "?" in text for text in texts)
    follow_up = Question.objects.get(section__survey=survey, text="What training would help you?")
    assert follow_up.shown_when.label == "No"
    agreement = Question.objects.filter(section__survey=survey, kind=Kind.AGREEMENT).first()
    assert [o.label for o in agreement.options.all()][-1] == "Don't know"


def test_create_survey_makes_a_link_for_each_phase_two_area(review):
    survey = seeded_survey(review)
    areas = set(SurveyLink.objects.filter(survey=survey).values_list("review_area__local_authority__name", flat=True))
    assert areas == {"Dundee City", "Aberdeen City"}
    tokens = list(SurveyLink.objects.filter(survey=survey).values_list("token", flat=True))
    assert len(set(tokens)) == 2 and all(len(token) >= 32 for token in tokens)


def test_national_survey_links_are_named_for_each_areas_coordinator(review, coordinator):
    survey = seeded_survey(review, Audience.LOCAL_AUTHORITIES)
    link = SurveyLink.objects.get(survey=survey, review_area__local_authority=coordinator.local_authority)
    assert link.respondent == coordinator
    assert not survey.is_anonymous


def test_copy_from_another_reviews_survey_copies_questions_and_follow_ups(review, other_review):
    source = seeded_survey(other_review, Audience.PARENTS)
    opens_at, closes_at = open_window()
    copy = actions.create_survey(
        review,
        audience=Audience.PARENTS,
        title="Parents' and carers' survey",
        opens_at=opens_at,
        closes_at=closes_at,
        copy_from=source,
        by=review.lead_inspector,
    )
    source_texts = list(Question.objects.filter(section__survey=source).values_list("text", flat=True))
    copy_texts = list(Question.objects.filter(section__survey=copy).values_list("text", flat=True))
    assert copy_texts == source_texts
    follow_up = Question.objects.get(section__survey=copy, shown_when__isnull=False)
    assert follow_up.shown_when.question.section.survey == copy


def test_survey_must_close_after_it_opens(review):
    opens_at, closes_at = open_window()
    with pytest.raises(actions.SurveyActionRefused):
        actions.create_survey(
            review, audience=Audience.STAFF, title="x", opens_at=closes_at, closes_at=opens_at, by=review.lead_inspector
        )


def test_follow_up_must_come_after_its_trigger(survey):
    section = survey.sections.get()
    later = actions.add_section(survey, title="Later")
    trigger_in_later = actions.add_question(later, kind=Kind.SINGLE, text="Later?", options=["Yes", "No"])
    with pytest.raises(actions.SurveyActionRefused):
        actions.add_question(
            section, kind=Kind.SHORT_TEXT, text="Too early", shown_when=trigger_in_later.options.first()
        )


def test_move_question_swaps_with_its_neighbour(survey):
    section = survey.sections.get()
    first, second = section.questions.order_by("order")
    actions.move(second, "up")
    assert list(section.questions.order_by("order")) == [second, first]


def test_question_meaning_can_change_before_any_answer(survey, question, inspector):
    actions.update_question(
        question,
        by=inspector,
        text="Do services help you?",
        help_text="",
        kind=Kind.SINGLE,
        required=True,
        options=["Yes", "No", "Partly"],
        shown_when=None,
    )
    assert [o.label for o in question.options.all()] == ["Yes", "No", "Partly"]


@pytest.mark.parametrize(
    "change",
    [
        {"kind": Kind.MULTIPLE},
        {"options": ["Yes", "No", "Partly"]},
        {"required": False},
    ],
)
def test_after_the_first_answer_a_questions_meaning_is_locked(survey, question, dundee_link, inspector, change):
    add_responses(dundee_link, question.options.first(), 1)
    current = dict(
        text=question.text,
        help_text="",
        kind=question.kind,
        required=True,
        options=[o.label for o in question.options.all()],
        shown_when=None,
    )
    with pytest.raises(actions.QuestionLocked):
        actions.update_question(question, by=inspector, **{**current, **change})
    question.refresh_from_db()
    assert question.kind == Kind.SINGLE and question.required
    assert [o.label for o in question.options.all()] == ["Yes", "No", "Not sure"]


def test_after_the_first_answer_the_condition_of_a_follow_up_is_locked(survey, question, dundee_link, inspector):
    add_responses(dundee_link, question.options.first(), 1)
    follow_up = Question.objects.get(shown_when__isnull=False)
    with pytest.raises(actions.QuestionLocked):
        actions.update_question(
            follow_up,
            by=inspector,
            text=follow_up.text,
            help_text="",
            kind=follow_up.kind,
            required=False,
            options=[],
            shown_when=question.options.last(),
        )


def test_after_the_first_answer_wording_can_still_be_corrected(survey, question, dundee_link, inspector):
    add_responses(dundee_link, question.options.first(), 1)
    actions.update_question(
        question,
        by=inspector,
        text="Do services help? (corrected)",
        help_text="Think about the last year",
        kind=question.kind,
        required=True,
        options=[o.label for o in question.options.all()],
        shown_when=None,
    )
    question.refresh_from_db()
    assert question.text == "Do services help? (corrected)"


def test_after_the_first_answer_questions_cannot_be_removed(survey, question, dundee_link, inspector):
    add_responses(dundee_link, question.options.first(), 1)
    follow_up = Question.objects.get(shown_when__isnull=False)
    with pytest.raises(actions.QuestionLocked):
        actions.delete_question(follow_up, by=inspector)


def test_edit_page_of_an_answered_question_refuses_a_meaning_change(
    client_for, survey, question, dundee_link, inspector
):
    add_responses(dundee_link, question.options.first(), 1)
    client = client_for(inspector)
    url = reverse("surveys:question-edit", args=[question.pk])
    page = client.get(url)
    assert "can correct the wording" in page.text
    # A forged POST of a disabled field is ignored by the form; the wording change is kept.
    client.post(url, {"text": "Do services really help?", "help_text": "", "kind": Kind.MULTIPLE, "required": "no"})
    question.refresh_from_db()
    assert question.text == "Do services really help?"
    assert question.kind == Kind.SINGLE and question.required


class TestBuilderPages:
    def test_anonymous_visitor_is_sent_to_sign_in(self, client, survey):
        page = client.get(reverse("surveys:detail", args=[survey.pk]))
        assert page.status_code == 302 and "/accounts/sign-in/" in page.url

    def test_coordinator_cannot_use_the_builder(self, client_for, coordinator, survey):
        assert client_for(coordinator).get(reverse("surveys:detail", args=[survey.pk])).status_code == 403

    def test_inspector_of_another_review_gets_404(self, client_for, outsider_inspector, survey):
        client = client_for(outsider_inspector)
        assert client.get(reverse("surveys:detail", args=[survey.pk])).status_code == 404
        assert client.get(reverse("surveys:results", args=[survey.pk])).status_code == 404

    def test_team_member_sees_questions_follow_ups_and_area_links(self, client_for, inspector, survey, dundee_link):
        page = client_for(inspector).get(reverse("surveys:detail", args=[survey.pk]))
        assert page.status_code == 200
        assert "Do services help?" in page.text
        assert "Follow-up" in page.text
        assert dundee_link.token in page.text

    def test_team_member_creates_a_staff_survey_from_the_template(self, client_for, inspector, review):
        client = client_for(inspector)
        page = client.post(
            reverse("surveys:create"),
            {
                "review": review.pk,
                "audience": Audience.STAFF,
                "copy_from": "",
                "title": "",
                "opens_on_0": "2",
                "opens_on_1": "10",
                "opens_on_2": "2023",
                "closes_on_0": "29",
                "closes_on_1": "10",
                "closes_on_2": "2023",
                "expected_responses_per_area": "120",
            },
        )
        survey = Survey.objects.get()
        assert page.status_code == 302 and page.url == survey.get_absolute_url()
        assert survey.title == "Staff survey"
        assert survey.links.count() == 2 and survey.links.first().expected_responses == 120

    def test_create_with_closing_before_opening_shows_an_error(self, client_for, inspector, review):
        page = client_for(inspector).post(
            reverse("surveys:create"),
            {
                "review": review.pk,
                "audience": Audience.STAFF,
                "opens_on_0": "29",
                "opens_on_1": "10",
                "opens_on_2": "2023",
                "closes_on_0": "2",
                "closes_on_1": "10",
                "closes_on_2": "2023",
                "expected_responses_per_area": "0",
            },
        )
        assert page.status_code == 200
        assert page.context["page_title"].startswith("Error: ")
        assert "closing date must be" in page.text
        assert not Survey.objects.exists()

    def test_team_member_adds_a_follow_up_question(self, client_for, inspector, survey, question):
        section = survey.sections.get()
        page = client_for(inspector).post(
            reverse("surveys:question-add", args=[section.pk]),
            {
                "text": "Why not?",
                "help_text": "",
                "kind": Kind.SHORT_TEXT,
                "options": "",
                "required": "no",
                "shown_when": question.options.get(label="No").pk,
            },
        )
        assert page.status_code == 302
        added = Question.objects.get(text="Why not?")
        assert added.shown_when.label == "No" and not added.required
