"""Factories for surveys: a survey built the way the team builds one, and answers in bulk."""

from datetime import timedelta

from django.utils import timezone

from surveys import actions
from surveys.models import Answer, Audience, Kind, Response, Section, Survey, SurveyLink


def open_window(days_left=20):
    now = timezone.now()
    return now - timedelta(days=1), now + timedelta(days=days_left)


def seeded_survey(review, audience=Audience.STAFF, *, opens_at=None, closes_at=None, by=None):
    """A survey from the audience's seed questionnaire, open now unless told otherwise, with links
    for the review's phase 2 areas."""
    default_open, default_close = open_window()
    return actions.create_survey(
        review,
        audience=audience,
        title=f"{Audience(audience).label} survey",
        opens_at=opens_at or default_open,
        closes_at=closes_at or default_close,
        expected_responses_per_area=40,
        by=by or review.lead_inspector,
    )


def simple_survey(review, labels=("Yes", "No", "Not sure"), *, opens_at=None, closes_at=None):
    """One section with one required single-choice question and an optional follow-up asked on the
    first option; links for the review's phase 2 areas."""
    default_open, default_close = open_window()
    survey = Survey.objects.create(
        review=review,
        audience=Audience.STAFF,
        title="Worked example",
        opens_at=opens_at or default_open,
        closes_at=closes_at or default_close,
    )
    section = Section.objects.create(survey=survey, title="Your view", order=1)
    question = actions.add_question(section, kind=Kind.SINGLE, text="Do services help?", options=list(labels))
    first = question.options.order_by("order").first()
    actions.add_question(section, kind=Kind.LONG_TEXT, text="How do they help?", required=False, shown_when=first)
    actions.create_links(survey)
    return survey


def link_for(survey, user):
    return SurveyLink.objects.get(survey=survey, review_area__local_authority=user.local_authority)


def add_responses(link, option, count, *, text=""):
    """`count` responses through `link`, each choosing `option` (and writing `text`, if given)."""
    responses = Response.objects.bulk_create(Response(survey=link.survey, link=link) for _ in range(count))
    answers = [Answer(response=r, question=option.question, option=option) for r in responses]
    if text:
        follow_up = option.follow_ups.first()
        answers += [Answer(response=r, question=follow_up, text=text) for r in responses]
    Answer.objects.bulk_create(answers)
    return responses
