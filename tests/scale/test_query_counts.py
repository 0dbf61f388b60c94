"""The main pages of each role run no more queries on 10x the data.

Both data sets are written by `manage.py load_scale`'s loader, one after the other inside the
test's transaction (a savepoint is rolled back in between), and each page is fetched through the
real views by its role's person. The pages are the ones `make bench` loads (bench/pages.py).
"""

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.pages import main_pages
from inspectorate.accounts.models import User
from inspectorate.core.management.commands.load_scale import Loader

SMALL = {"services": 40, "survey_answers": 400, "readings": 32}
LARGE = {key: value * 10 for key, value in SMALL.items()}


def query_counts(size):
    """{page label: (status, queries)} for the main pages, over a data set of `size`."""
    savepoint = transaction.savepoint()
    try:
        Loader(**size).run()
        counts = {}
        for page in main_pages():
            client = Client()
            if page["email"]:
                client.force_login(User.objects.get(email=page["email"]))
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page["path"])
            counts[page["label"]] = (response.status_code, len(queries))
        return counts
    finally:
        transaction.savepoint_rollback(savepoint)


def test_main_pages_of_every_role_run_no_more_queries_on_ten_times_the_data(db, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    small, large = query_counts(SMALL), query_counts(LARGE)

    assert set(small) == set(large) and len(small) == 16
    not_shown = {
        label: (small[label][0], large[label][0]) for label in small if (small[label][0], large[label][0]) != (200, 200)
    }
    assert not not_shown, f"pages that did not answer 200 at both sizes: {not_shown}"
    grew = {label: (small[label][1], large[label][1]) for label in small if large[label][1] > small[label][1]}
    assert not grew, f"queries at 1x and at 10x the data: {grew}"
