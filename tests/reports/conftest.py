"""A review with everything its reports draw on: two areas' records read, a staff survey answered
(with free text naming a person, never to be printed), findings, evaluations and one cleared excerpt."""

import pytest

from inspectorate.reports import actions as report_actions
from reviews.models import Evaluation, Finding, FindingKind, ReviewArea
from surveys.models import Answer as SurveyAnswer
from tests.records.factories import add_fields, drawn, read_sample
from tests.reviews.factories import care_and_protection_framework
from tests.surveys.factories import add_responses, simple_survey

UNCLEARED_TEXT = "Jean Smith at the Hillview centre helped my son every week"
CLEARED_TEXT = "Staff in the team knew the family well and kept in touch."


def answer_survey(survey, area, yes, no, text=""):
    link = survey.links.get(review_area=area)
    first, second = list(survey.sections.get().questions.get(kind="single").options.order_by("order"))[:2]
    add_responses(link, first, yes, text=text)
    add_responses(link, second, no)


@pytest.fixture
def dundee(review, coordinator):
    return ReviewArea.objects.get(review=review, local_authority=coordinator.local_authority)


@pytest.fixture
def aberdeen(review, other_coordinator):
    return ReviewArea.objects.get(review=review, local_authority=other_coordinator.local_authority)


@pytest.fixture
def full_review(review, dundee, aberdeen, inspector):
    review.framework = care_and_protection_framework()
    review.save(update_fields=["framework"])
    add_fields(review)
    for area, prefix in [(dundee, "DC"), (aberdeen, "AC")]:
        read_sample(drawn(area, inspector, size=12, reserve=2, eligible=40, prefix=prefix), inspector)
    survey = simple_survey(review)
    answer_survey(survey, dundee, 12, 3, text=UNCLEARED_TEXT)
    answer_survey(survey, aberdeen, 20, 8)
    indicator = review.framework.indicators.get(number="2.1")
    Evaluation.objects.create(
        review=review,
        indicator=indicator,
        grade=3,
        rationale="Strengths just outweighed weaknesses.",
        evaluated_by=inspector,
    )
    Evaluation.objects.create(
        review=review,
        area=dundee,
        indicator=indicator,
        grade=4,
        rationale="Most plans were timely.",
        evaluated_by=inspector,
    )
    Finding.objects.create(
        review=review, kind=FindingKind.KEY_MESSAGE, text="Children benefited from people they knew."
    )
    Finding.objects.create(review=review, kind=FindingKind.STRENGTH, text="Staff advocated strongly for children.")
    Finding.objects.create(
        review=review, kind=FindingKind.DEVELOPMENT, text="Children's views were not always recorded."
    )
    Finding.objects.create(review=review, area=dundee, kind=FindingKind.STRENGTH, text="Dundee's plans were timely.")
    cleared_from = SurveyAnswer.objects.filter(response__link__review_area=dundee, text=UNCLEARED_TEXT).first()
    report_actions.clear_excerpt(review, cleared_from, CLEARED_TEXT, inspector)
    return review
