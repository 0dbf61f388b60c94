import pytest

from tests.surveys.factories import link_for, simple_survey


@pytest.fixture
def survey(review):
    """A simple open survey of `review` with links for Dundee City and Aberdeen City."""
    return simple_survey(review)


@pytest.fixture
def question(survey):
    return survey.sections.get().questions.get(kind="single")


@pytest.fixture
def dundee_link(survey, coordinator):
    return link_for(survey, coordinator)


@pytest.fixture
def aberdeen_link(survey, other_coordinator):
    return link_for(survey, other_coordinator)
