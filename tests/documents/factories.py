"""Factories for the document exchange: requests, and uploads made through the real checks."""

from datetime import date

from inspectorate.uploads import check_upload
from reviews.documents import actions
from tests.documents import files


def make_request(review, by, *, title="Position statement", due=date(2026, 8, 27), areas=None):
    return actions.create_request(
        review, title=title, guidance="Send your most recent position statement.", due_date=due, areas=areas, by=by
    )


def make_upload(area_request, by, *, name="position-statement.pdf", description="Position statement, June 2026"):
    checked = check_upload(files.pdf(name))
    return actions.add_uploads(area_request, [checked], description=description, by=by)[0]
