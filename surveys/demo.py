"""Demo surveys of the disabled children and young people review: the staff survey (four weeks in
October 2023) and the children and young people's questionnaire (22 January to 29 February 2024),
each with synthetic anonymous responses from the four phase 2 areas.

Idempotent: surveys are found by review and audience; responses are generated only once.
"""

import random
from datetime import datetime, timedelta

from django.utils import timezone

from reviews.models import Review
from surveys import actions
from surveys.models import Answer, Audience, Kind, Response, Survey, SurveyLink
from surveys.questionnaire import Questionnaire

STAFF_WINDOW = (datetime(2023, 10, 2), datetime(2023, 10, 30))  # four weeks, to the end of 29 October
CHILDREN_WINDOW = (datetime(2024, 1, 22), datetime(2024, 3, 1))  # to the end of 29 February

# area: (expected staff responses, staff responses, children's responses). The Western Isles'
# small numbers show suppression on the results pages.
AREAS = {
    "Aberdeen City": (180, 126, 41),
    "Dundee City": (160, 104, 36),
    "Dumfries and Galloway": (150, 88, 27),
    "Na h-Eileanan Siar": (45, 21, 4),
}

STAFF_COMMENTS = [
    "Waiting lists for short breaks are long and families tell us they feel worn out.",
    "Transitions to adult services start too late for many young people.",
    "Joint working with health colleagues has improved since the new pathway.",
    "We need more time to build relationships with children who communicate without words.",
]
CHILDREN_COMMENTS = [
    "I like it when my worker comes to see me at school.",
    "I want to choose what I do at the weekend.",
    "Sometimes nobody explains why things change.",
]


def _aware(moment):
    return timezone.make_aware(moment)


def load(people):
    review = Review.objects.get(slug="disabled-children-and-young-people")
    staff = _survey(review, Audience.STAFF, "Staff survey", STAFF_WINDOW, people)
    children = _survey(review, Audience.CHILDREN, "Children and young people's questionnaire", CHILDREN_WINDOW, people)
    rng = random.Random(2024)  # noqa: S311 - synthetic demo answers, reproducible on purpose
    for link in SurveyLink.objects.filter(survey__in=[staff, children]).select_related(
        "survey", "review_area__local_authority"
    ):
        expected, staff_count, children_count = AREAS.get(str(link.local_authority), (0, 0, 0))
        is_staff = link.survey_id == staff.pk
        link.expected_responses = expected if is_staff else 0
        if is_staff and link.released_at is None:
            # The areas heard their own staff survey results at the feedback meetings in May 2024.
            link.released_at, link.released_by = _aware(datetime(2024, 5, 14, 10)), people["lead_inspector"]
        link.save(update_fields=["expected_responses", "released_at", "released_by"])
    for survey, index, comments in [(staff, 1, STAFF_COMMENTS), (children, 2, CHILDREN_COMMENTS)]:
        if not Response.objects.filter(survey=survey).exists():
            _responses(survey, index, comments, rng)
    return [staff, children, _open_joint_inspection_survey(people)]


def _open_joint_inspection_survey(people):
    """The Dundee joint inspection's staff survey, open now (four weeks around the day the demo is
    loaded), so that its link can be tried from the co-ordinator's page."""
    review = Review.objects.filter(slug="joint-inspection-dundee-city-2026").first()
    if review is None:
        return None
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    window = (today - timedelta(days=14), today + timedelta(days=14))
    return _survey(review, Audience.STAFF, "Staff survey", [timezone.make_naive(moment) for moment in window], people)


def _survey(review, audience, title, window, people):
    opens_at, closes_at = (_aware(moment) for moment in window)
    survey = Survey.objects.filter(review=review, audience=audience).first()
    if survey is None:
        survey = actions.create_survey(
            review,
            audience=audience,
            title=title,
            opens_at=opens_at,
            closes_at=closes_at,
            by=people["lead_inspector"],
        )
    else:
        Survey.objects.filter(pk=survey.pk).update(title=title, opens_at=opens_at, closes_at=closes_at)
        actions.create_links(survey)
    return survey


def _responses(survey, index, comments, rng):
    questionnaire = Questionnaire(survey)
    links = list(SurveyLink.objects.filter(survey=survey).select_related("review_area__local_authority"))
    window = survey.closes_at - survey.opens_at
    plans = []
    for link in links:
        count = AREAS.get(str(link.local_authority), (0, 0, 0))[index]
        for _ in range(count):
            submitted = survey.opens_at + timedelta(seconds=rng.randrange(int(window.total_seconds())))
            plans.append((link, submitted, _answers(questionnaire, comments, rng)))
    responses = Response.objects.bulk_create(
        Response(survey=survey, link=link, submitted_at=submitted) for link, submitted, _ in plans
    )
    rows = []
    for response, (_, _, answers) in zip(responses, plans, strict=True):
        for question, value in answers:
            if question.has_options:
                rows += [Answer(response=response, question=question, option=option) for option in value]
            elif question.kind == Kind.NUMBER:
                rows.append(Answer(response=response, question=question, number=value))
            else:
                rows.append(Answer(response=response, question=question, text=value))
    Answer.objects.bulk_create(rows, batch_size=1000)


def _answers(questionnaire, comments, rng):
    """One synthetic respondent: answers leaning positive, follow-ups only where triggered."""
    draft, chosen = {}, []
    for question in questionnaire.questions:
        if not questionnaire.shows(question, draft):
            continue
        options = list(question.options.all())
        if question.kind == Kind.MULTIPLE:
            picked = rng.sample(options, k=rng.randint(1, min(3, len(options))))
        elif question.has_options:
            weights = [max(1, len(options) - i) ** 2 for i in range(len(options))]
            picked = rng.choices(options, weights=weights)
        elif question.kind == Kind.NUMBER:
            chosen.append((question, rng.randint(40, 400)))
            continue
        else:
            if question.required or rng.random() < 0.3:
                chosen.append((question, rng.choice(comments)))
            continue
        draft[str(question.pk)] = [str(option.pk) for option in picked]
        chosen.append((question, picked))
    return chosen
