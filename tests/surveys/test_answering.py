"""Answering through an area's link: window, follow-ups, check answers, one response per submit,
nothing personal stored."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from surveys.models import Answer, Response


def section_url(link, number=1):
    return reverse("surveys:section", args=[link.token, number])


def check_url(link):
    return reverse("surveys:check", args=[link.token])


def choose(client, link, option, **extra):
    return client.post(section_url(link), {f"q{option.question_id}": str(option.pk), **extra})


def key_on_check_page(client, link):
    page = client.get(check_url(link))
    return page.context["key"]


@pytest.fixture
def options(question):
    return list(question.options.order_by("order"))


def test_start_page_shows_the_survey_for_anyone_with_the_link(client, dundee_link):
    page = client.get(reverse("surveys:start", args=[dundee_link.token]))
    assert page.status_code == 200
    assert "Worked example" in page.text
    assert "Dundee City" in page.text
    assert "Start now" in page.text


def test_forged_token_gets_404(client, dundee_link):
    assert client.get(reverse("surveys:start", args=["not-a-real-token"])).status_code == 404
    assert client.post(reverse("surveys:section", args=["not-a-real-token", 1]), {}).status_code == 404
    assert Response.objects.count() == 0


def test_section_shows_progress_and_follow_up_appears_after_trigger_is_saved(client, dundee_link, options):
    first = client.get(section_url(dundee_link))
    assert "Section 1 of 1" in first.text
    assert "How do they help?" not in first.text

    saved = choose(client, dundee_link, options[0])
    # The follow-up now shows on the same page, below the saved answer.
    assert saved.status_code == 302 and saved.url == section_url(dundee_link)
    again = client.get(section_url(dundee_link))
    assert "How do they help?" in again.text
    assert f'value="{options[0].pk}"\n' in again.text or "checked" in again.text


def test_choosing_another_answer_hides_the_follow_up_and_goes_to_check_answers(client, dundee_link, options):
    saved = choose(client, dundee_link, options[1])
    assert saved.url == check_url(dundee_link)
    check = client.get(check_url(dundee_link))
    assert "How do they help?" not in check.text
    assert options[1].label in check.text


def test_missing_required_answer_shows_error_summary(client, dundee_link):
    page = client.post(section_url(dundee_link), {})
    assert page.status_code == 200
    assert page.context["page_title"].startswith("Error: ")
    assert "There is a problem" in page.text
    assert "Select an answer" in page.text


def test_save_and_continue_keeps_answers_in_the_same_browser(client, dundee_link, options):
    choose(client, dundee_link, options[0])
    client.post(
        section_url(dundee_link),
        {f"q{options[0].question_id}": options[0].pk, f"q{options[0].question_id + 1}": "Good"},
    )
    # Later, in the same browser, the answers are still there.
    check = client.get(check_url(dundee_link))
    assert "Good" in check.text
    assert options[0].label in check.text


def test_submit_stores_one_anonymous_response_tagged_with_the_area_and_clears_the_session(client, dundee_link, options):
    choose(client, dundee_link, options[1])
    key = key_on_check_page(client, dundee_link)
    done = client.post(
        check_url(dundee_link), {"idempotency_key": key}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Pupil browser"
    )
    assert done.url == reverse("surveys:done", args=[dundee_link.token])
    response = Response.objects.get()
    assert response.link == dundee_link and response.respondent is None
    assert Answer.objects.get().option == options[1]
    # Nothing about the person: no IP address or browser in any field of the response or answers.
    stored = " ".join(str(v) for v in Response.objects.values().get().values())
    stored += " ".join(str(v) for row in Answer.objects.values() for v in row.values())
    assert "203.0.113.9" not in stored and "Pupil browser" not in stored
    assert {f.name for f in Response._meta.fields} == {
        "id",
        "survey",
        "link",
        "idempotency_key",
        "submitted_at",
        "respondent",
    }
    # The session cookie is not kept after submitting.
    assert client.cookies["sessionid"].value == ""
    assert client.get(reverse("surveys:done", args=[dundee_link.token])).status_code == 200


def test_double_submit_is_stored_once(client, dundee_link, options):
    choose(client, dundee_link, options[1])
    key = key_on_check_page(client, dundee_link)
    first = client.post(check_url(dundee_link), {"idempotency_key": key})
    second = client.post(check_url(dundee_link), {"idempotency_key": key})
    assert first.status_code == second.status_code == 302
    assert second.url == reverse("surveys:done", args=[dundee_link.token])
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 1


def test_submit_without_required_answers_is_refused_on_the_page(client, dundee_link):
    client.get(section_url(dundee_link))
    key = client.session[f"survey:{dundee_link.pk}"]["key"]
    page = client.post(check_url(dundee_link), {"idempotency_key": key})
    assert page.status_code == 400
    assert "Answer every question" in page.text
    assert Response.objects.count() == 0


def test_answers_started_on_one_areas_link_cannot_be_sent_through_another(client, dundee_link, aberdeen_link, options):
    choose(client, dundee_link, options[1])
    dundee_key = key_on_check_page(client, dundee_link)
    client.post(check_url(dundee_link), {"idempotency_key": dundee_key})
    # Replaying Dundee's submission through Aberdeen's link attaches nothing to Aberdeen.
    page = client.post(check_url(aberdeen_link), {"idempotency_key": dundee_key})
    assert page.status_code == 400
    assert Response.objects.filter(link=aberdeen_link).count() == 0
    assert Response.objects.get().link == dundee_link


def test_question_of_another_survey_posted_to_a_link_is_ignored(client, dundee_link, options, other_review):
    from tests.surveys.factories import simple_survey

    other = simple_survey(other_review)
    other_question = other.sections.get().questions.get(kind="single")
    other_option = other_question.options.first()
    client.post(
        section_url(dundee_link),
        {f"q{options[1].question_id}": options[1].pk, f"q{other_question.pk}": other_option.pk},
    )
    assert str(other_question.pk) not in client.session[f"survey:{dundee_link.pk}"]["answers"]


@pytest.mark.parametrize("when", ["before", "after"])
def test_link_outside_the_window_shows_a_clear_page_and_accepts_nothing(client, survey, dundee_link, options, when):
    choose(client, dundee_link, options[1])
    key = key_on_check_page(client, dundee_link)
    now = timezone.now()
    if when == "before":
        survey.opens_at, survey.closes_at = now + timedelta(days=2), now + timedelta(days=30)
    else:
        survey.opens_at, survey.closes_at = now - timedelta(days=30), now - timedelta(minutes=1)
    survey.save()

    page = client.get(reverse("surveys:start", args=[dundee_link.token]))
    assert ("is not open yet" if when == "before" else "has closed") in page.text
    assert "Start now" not in page.text
    for url, data in [
        (section_url(dundee_link), {f"q{options[0].question_id}": options[0].pk}),
        (check_url(dundee_link), {"idempotency_key": key}),
    ]:
        refused = client.post(url, data)
        assert refused.status_code == 403
        assert "Your answers were not sent" in refused.text
    assert Response.objects.count() == 0


def test_children_see_plain_words(client, review, coordinator):
    from surveys.models import Audience
    from tests.surveys.factories import link_for, seeded_survey

    survey = seeded_survey(review, Audience.CHILDREN)
    link = link_for(survey, coordinator)
    start = client.get(reverse("surveys:start", args=[link.token]))
    assert "Nobody will know which answers are yours" in start.text
    page = client.post(section_url(link), {})
    assert "Part 1 of" in page.text
    assert "Choose an answer" in page.text


def test_coming_back_to_the_start_page_offers_to_continue(client, dundee_link, options):
    choose(client, dundee_link, options[1])
    start = client.get(reverse("surveys:start", args=[dundee_link.token]))
    assert "Continue where you left off" in start.text
    assert check_url(dundee_link) in start.text
