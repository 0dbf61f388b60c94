"""A co-ordinator uploads the position statement (after a refused file); the lead inspector accepts it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from reviews.documents.models import AreaStatus, UploadVersion
from tests import factories
from tests.documents import files
from tests.documents.factories import make_request
from tests.e2e.conftest import check_accessibility, sign_in


@pytest.mark.django_db(transaction=True)
def test_coordinator_uploads_and_the_team_accepts(page, review, inspector, coordinator):
    document_request = make_request(
        review, inspector, title="Position statement", due=timezone.localdate() + timedelta(days=14)
    )

    sign_in(page, coordinator, factories.PASSWORD, check=check_accessibility)
    page.get_by_role("link", name="Documents", exact=True).click()
    page.get_by_role("heading", name="Document requests").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name="Position statement").click()
    page.get_by_text("Not started").wait_for()
    check_accessibility(page)

    page.get_by_role("button", name="Upload files").click()
    page.get_by_role("heading", name="Upload files").wait_for()
    check_accessibility(page)

    # A program renamed as a PDF is refused, with the reason on the form.
    page.get_by_label("Files", exact=True).set_input_files(
        [{"name": "statement.pdf", "mimeType": "application/pdf", "buffer": files.executable_bytes()}]
    )
    page.get_by_label("Describe the files").fill("Position statement, signed")
    page.get_by_role("button", name="Upload files").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "is a program, not a document" in summary.inner_text()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    assert not UploadVersion.objects.exists()

    page.get_by_label("Files", exact=True).set_input_files(
        [{"name": "statement.pdf", "mimeType": "application/pdf", "buffer": files.pdf_bytes()}]
    )
    page.get_by_label("Describe the files").fill("Position statement, signed")
    page.get_by_role("button", name="Upload files").click()
    reference = UploadVersion.objects.get().reference
    page.get_by_text(f"Uploaded 1 file: {reference}").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name=re.compile("Versions and replace")).click()
    page.get_by_role("heading", name="Position statement, signed").wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, inspector, factories.PASSWORD)
    page.goto("/documents/reviews/")
    check_accessibility(page)
    page.get_by_role("link", name=review.title).click()
    page.get_by_role("heading", name="Documents from areas").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name=re.compile("Position statement from Dundee City")).click()
    page.get_by_role("cell", name=reference, exact=True).wait_for()
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(f"Download {reference}")).click()
    assert download.value.suggested_filename == "statement.pdf"

    page.get_by_label("Yes, accept them").check()
    page.get_by_role("button", name="Save decision").click()
    page.get_by_text("Documents accepted. The co-ordinator has been told.").wait_for()
    check_accessibility(page)
    area_request = document_request.area_requests.get(review_area__local_authority=coordinator.local_authority)
    assert area_request.status == AreaStatus.ACCEPTED

    page.get_by_role("link", name="Back to the review's documents").click()
    page.get_by_role("button", name="Download as zip for Dundee City").click()
    page.get_by_role("heading", name="Your zip is ready").wait_for()
    check_accessibility(page)
    with page.expect_download() as zipped:
        page.get_by_role("button", name="Download the zip").click()
    assert zipped.value.suggested_filename.endswith("-dundee-city-accepted-documents.zip")
