"""The permission matrix of every team page: anonymous visitors sign in, co-ordinators are refused,
inspectors of other reviews get 404, and the review team gets the page."""

import pytest
from django.urls import reverse

from surveys.models import Question


def team_urls(survey, dundee_link):
    section = survey.sections.get()
    question = section.questions.first()
    return [
        ("get", reverse("surveys:detail", args=[survey.pk]), "Do services help?"),
        ("get", reverse("surveys:edit", args=[survey.pk]), "Survey details"),
        ("get", reverse("surveys:section-add", args=[survey.pk]), "Add a section"),
        ("get", reverse("surveys:section-edit", args=[section.pk]), "Change section"),
        ("get", reverse("surveys:question-add", args=[section.pk]), "Add a question"),
        ("get", reverse("surveys:question-edit", args=[question.pk]), "Change question"),
        ("get", reverse("surveys:results", args=[survey.pk]), "Results: Worked example"),
        ("get", reverse("surveys:export", args=[survey.pk, "results", "csv"]), "Question"),
        ("post", reverse("surveys:question-move", args=[question.pk, "down"]), None),
        ("post", reverse("surveys:section-move", args=[section.pk, "down"]), None),
        ("post", reverse("surveys:links-create", args=[survey.pk]), None),
        ("post", reverse("surveys:link-expected", args=[dundee_link.pk]), None),
    ]


@pytest.fixture
def urls(survey, dundee_link):
    return team_urls(survey, dundee_link)


def test_anonymous_visitor_is_sent_to_sign_in_from_every_team_page(client, urls):
    for method, url, _ in urls:
        page = getattr(client, method)(url)
        assert page.status_code == 302 and "/accounts/sign-in/" in page.url, url


def test_coordinator_is_refused_every_team_page(client_for, coordinator, urls):
    client = client_for(coordinator)
    for method, url, _ in urls:
        assert getattr(client, method)(url).status_code == 403, url


def test_inspector_of_another_review_gets_404_on_every_team_page(client_for, outsider_inspector, urls):
    client = client_for(outsider_inspector)
    for method, url, _ in urls:
        assert getattr(client, method)(url).status_code == 404, url


def test_review_team_gets_every_page(client_for, support_officer, urls):
    client = client_for(support_officer)
    for method, url, expected in urls:
        page = getattr(client, method)(url)
        if method == "get":
            assert page.status_code == 200, url
            assert expected in page.content.decode(), url
        else:
            assert page.status_code == 302, url


def test_moving_a_question_down_reorders_it(client_for, inspector, survey):
    first, second = survey.sections.get().questions.order_by("order")
    client_for(inspector).post(reverse("surveys:question-move", args=[first.pk, "down"]))
    assert list(Question.objects.filter(section__survey=survey).order_by("order")) == [second, first]


def test_unknown_move_or_export_is_404(client_for, inspector, survey, question):
    client = client_for(inspector)
    assert client.post(reverse("surveys:question-move", args=[question.pk, "sideways"])).status_code == 404
    assert client.get(reverse("surveys:export", args=[survey.pk, "everything", "csv"])).status_code == 404
    assert client.get(reverse("surveys:export", args=[survey.pk, "results", "pdf"])).status_code == 404
    assert client.get(reverse("surveys:results", args=[survey.pk]) + "?area=999999").status_code == 404


def test_results_of_another_surveys_area_cannot_be_asked_for(client_for, inspector, survey, other_review):
    from tests.surveys.factories import simple_survey

    other_link = simple_survey(other_review).links.get()
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]) + f"?area={other_link.pk}")
    assert page.status_code == 404


def test_expected_responses_saved_with_a_clear_message_for_bad_input(client_for, inspector, dundee_link):
    client = client_for(inspector)
    page = client.post(
        reverse("surveys:link-expected", args=[dundee_link.pk]), {"expected_responses": "many"}, follow=True
    )
    assert "Enter the expected number of responses as a whole number" in page.content.decode()
    dundee_link.refresh_from_db()
    assert dundee_link.expected_responses == 0
    client.post(reverse("surveys:link-expected", args=[dundee_link.pk]), {"expected_responses": "120"})
    dundee_link.refresh_from_db()
    assert dundee_link.expected_responses == 120
