"""List pages read a fixed number of queries, however many surveys and responses there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.surveys.factories import add_responses, simple_survey


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def test_list_detail_and_shared_pages_queries_do_not_grow(
    client_for, inspector, coordinator, review, survey, question, dundee_link, django_assert_max_num_queries
):
    team = client_for(inspector)
    urls = [reverse("surveys:list"), reverse("surveys:detail", args=[survey.pk])]
    small = {url: queries_for(team, url) for url in urls}
    own = client_for(coordinator)
    shared_small = queries_for(own, reverse("surveys:shared"))

    for _ in range(4):
        simple_survey(review)
    add_responses(dundee_link, question.options.first(), 50)

    team = client_for(inspector)
    team.get(urls[0])  # signing in again writes the session once; measure after that
    for url in urls:
        with django_assert_max_num_queries(small[url]):
            team.get(url)
    own = client_for(coordinator)
    own.get(reverse("surveys:shared"))
    with django_assert_max_num_queries(shared_small):
        page = own.get(reverse("surveys:shared"))
    assert page.text.count('<h2 class="govuk-summary-card__title">Worked example') == 5
