"""The national survey: one named respondent (the co-ordinator) answers for each local authority."""

from django.urls import reverse

from surveys.models import Audience, Response
from tests.surveys.factories import link_for, seeded_survey


def national_link(review, coordinator):
    return link_for(seeded_survey(review, Audience.LOCAL_AUTHORITIES), coordinator)


def test_anonymous_visitor_is_sent_to_sign_in(client, review, coordinator):
    link = national_link(review, coordinator)
    page = client.get(reverse("surveys:start", args=[link.token]))
    assert page.status_code == 302 and "/accounts/sign-in/" in page.url


def test_coordinator_of_another_area_gets_404_on_the_link(client_for, review, coordinator, other_coordinator):
    link = national_link(review, coordinator)
    assert client_for(other_coordinator).get(reverse("surveys:start", args=[link.token])).status_code == 404


def test_named_coordinator_answers_and_the_response_is_named(client_for, review, coordinator):
    link = national_link(review, coordinator)
    client = client_for(coordinator)
    questions = list(link.survey.sections.get().questions.order_by("order"))
    number, rating, examples = questions[0], questions[1], questions[2]
    client.post(
        reverse("surveys:section", args=[link.token, 1]),
        {
            f"q{number.pk}": "85",
            f"q{rating.pk}": rating.options.get(label="Good").pk,
            f"q{examples.pk}": examples.options.get(label="No").pk,
        },
    )
    key = client.get(reverse("surveys:check", args=[link.token])).context["key"]
    done = client.post(reverse("surveys:check", args=[link.token]), {"idempotency_key": key})
    assert done.status_code == 302
    response = Response.objects.get()
    assert response.respondent == coordinator
    assert response.answers.get(question=number).number == 85
    # The co-ordinator stays signed in after sending.
    assert client.get(reverse("surveys:shared")).status_code == 200
