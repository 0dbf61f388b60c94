"""A member of staff answers the staff survey in a real browser: a follow-up appears once its
trigger answer is saved, they stop and come back, check their answers, change one and send them.
Every page passes axe."""

import pytest

from surveys.models import Answer, Audience, Response
from tests import factories
from tests.e2e.conftest import check_accessibility
from tests.reviews.factories import ReviewFactory, add_area
from tests.surveys.factories import link_for, seeded_survey


def choose(page, question, answer):
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


@pytest.mark.django_db(transaction=True)
def test_staff_member_answers_the_staff_survey(page):
    coordinator = factories.coordinator("Dundee City")
    review = ReviewFactory()
    add_area(review, coordinator)
    survey = seeded_survey(review, Audience.STAFF)
    link = link_for(survey, coordinator)

    page.goto(f"/surveys/s/{link.token}/")
    check_accessibility(page)
    page.get_by_role("button", name="Start now").click()

    page.get_by_text("Section 1 of 3").wait_for()
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".govuk-error-summary").wait_for()  # nothing chosen yet
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    choose(page, "What is your current occupation or professional role?", "Health visitor or midwife")
    choose(page, "What is your job type?", "Practitioner")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_text("Section 2 of 3").wait_for()
    check_accessibility(page)
    for statement in [
        "Children and young people get the right help at the right time.",
        "Services help children and young people to achieve positive outcomes.",
        "Children and young people's rights are upheld.",
        "Children and young people's views are listened to and inform decisions about them.",
    ]:
        choose(page, statement, "Agree")
    page.get_by_role("button", name="Save and continue").click()

    page.get_by_text("Section 3 of 3").wait_for()
    check_accessibility(page)
    assert page.get_by_label("What training would help you?").count() == 0
    choose(page, "How would you evaluate the quality of assessments, plans and reviews?", "Good")
    choose(page, "Do you have the training you need to support disabled children and young people?", "No")
    page.get_by_role("button", name="Save and continue").click()

    # The follow-up appears on the same section once "No" is saved.
    follow_up = page.get_by_label("What training would help you?")
    follow_up.wait_for()
    check_accessibility(page)
    follow_up.fill("Communication without words")

    # Save and continue later: leave, come back in the same browser, the answers are kept.
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("heading", name="Check your answers before sending them").wait_for()
    page.goto(f"/surveys/s/{link.token}/section/3/")
    assert page.get_by_label("What training would help you?").input_value() == "Communication without words"
    page.goto(f"/surveys/s/{link.token}/check/")

    check_accessibility(page)
    assert "Health visitor or midwife" in page.content()
    page.get_by_role("link", name="Change your answer to: What is your job type?").click()
    choose(page, "What is your job type?", "Team leader or first-line manager")
    page.get_by_role("button", name="Save and go back").click()
    page.get_by_role("heading", name="Check your answers before sending them").wait_for()
    assert "Team leader or first-line manager" in page.content()

    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("heading", name="Answers sent").wait_for()
    check_accessibility(page)

    response = Response.objects.get()
    assert response.link == link
    assert Answer.objects.filter(response=response, text="Communication without words").exists()
    assert Answer.objects.filter(response=response, option__label="Team leader or first-line manager").exists()
    assert not any(cookie["name"] == "sessionid" for cookie in page.context.cookies())


@pytest.mark.django_db(transaction=True)
def test_closed_survey_link_shows_a_clear_page(page):
    from datetime import timedelta

    from django.utils import timezone

    coordinator = factories.coordinator("Dundee City")
    review = ReviewFactory()
    add_area(review, coordinator)
    now = timezone.now()
    survey = seeded_survey(
        review, Audience.CHILDREN, opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=1)
    )
    page.goto(f"/surveys/s/{link_for(survey, coordinator).token}/")
    page.get_by_role("heading", name="Children and young people survey has closed").wait_for()
    check_accessibility(page)
