"""The pages as co-ordinators and the team use them: uploads refused or kept, decisions, the matrix."""

from datetime import date

import pytest
from django.urls import reverse

from inspectorate.audit.models import Action, AuditEvent
from reviews.documents.models import AreaBundle, AreaStatus, DocumentRequest, Upload, UploadVersion
from tests.documents import files
from tests.documents.factories import make_request, make_upload
from tests.reviews.factories import ReviewFactory, add_area, add_team_member

pytestmark = pytest.mark.django_db


def upload_url(area_request):
    return reverse("documents:upload-files", args=[area_request.pk])


def assert_nothing_kept(stored_files):
    assert Upload.objects.count() == 0
    assert UploadVersion.objects.count() == 0
    assert stored_files() == []


def test_coordinator_sees_their_areas_requests_with_status(client_for, coordinator, dundee_request):
    response = client_for(coordinator).get(reverse("documents:list"))
    page = response.content.decode()
    assert "Position statement and written evidence" in page
    assert "27 August 2026" in page and "Not started" in page


def test_coordinator_uploads_two_files_with_a_description(client_for, coordinator, dundee_request, settings):
    response = client_for(coordinator).post(
        upload_url(dundee_request),
        {
            "description": "Position statement and self-evaluation",
            "files": [files.pdf("statement.pdf"), files.upload("evidence.docx", files.docx_bytes())],
        },
    )
    assert response.status_code == 302
    versions = UploadVersion.objects.order_by("pk")
    assert [v.original_name for v in versions] == ["statement.pdf", "evidence.docx"]
    assert {v.upload.description for v in versions} == {"Position statement and self-evaluation"}
    assert all((settings.MEDIA_ROOT / v.stored_name).exists() for v in versions)
    dundee_request.refresh_from_db()
    assert dundee_request.status == AreaStatus.UPLOADED
    page = client_for(coordinator).get(dundee_request.get_absolute_url()).content.decode()
    assert versions[0].reference in page and "Uploaded" in page


@pytest.mark.parametrize(
    "upload, message",
    [
        (lambda: files.upload("position-statement.pdf", files.executable_bytes()), "is a program, not a document"),
        (lambda: files.upload("evidence.docx", files.zip_bomb_docx()), "expands to far more than its size"),
        (lambda: files.upload("statement.docx", files.pdf_bytes()), "Rename it to end in .pdf"),
    ],
)
def test_a_refused_file_gets_a_clear_message_and_nothing_is_kept(
    upload, message, client_for, coordinator, dundee_request, stored_files
):
    response = client_for(coordinator).post(
        upload_url(dundee_request), {"description": "Statement", "files": [files.pdf("good.pdf"), upload()]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "govuk-error-summary" in page and "<title>Error: " in page
    assert_nothing_kept(stored_files)
    dundee_request.refresh_from_db()
    assert dundee_request.status == AreaStatus.NOT_STARTED


def test_an_oversized_file_is_refused_with_the_limit_and_nothing_kept(
    settings, client_for, coordinator, dundee_request, stored_files
):
    settings.UPLOAD_MAX_BYTES = 2048
    big = files.upload("statement.pdf", files.pdf_bytes() + b"0" * 4096)
    response = client_for(coordinator).post(upload_url(dundee_request), {"description": "Statement", "files": [big]})
    assert "The file must be smaller than 2 KB" in response.content.decode()
    assert_nothing_kept(stored_files)


def test_a_file_with_a_path_in_its_name_is_refused_and_nothing_kept(
    client_for, coordinator, dundee_request, stored_files
):
    # Browsers send only the base name, and Django strips "/" and "\"; a drive path survives both.
    boundary = "documents-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nStatement\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="C:statement.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + files.pdf_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = client_for(coordinator).post(
        upload_url(dundee_request), data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 200
    assert "must not include a folder path" in response.content.decode()
    assert_nothing_kept(stored_files)


def test_an_infected_file_is_refused_when_a_scanner_is_configured(
    clamd, client_for, coordinator, dundee_request, stored_files
):
    response = client_for(coordinator).post(
        upload_url(dundee_request), {"description": "Notes", "files": [files.upload("notes.txt", files.EICAR)]}
    )
    assert "contains a virus" in response.content.decode()
    assert_nothing_kept(stored_files)


def test_no_file_and_no_description_give_the_error_summary(client_for, coordinator, dundee_request):
    response = client_for(coordinator).post(upload_url(dundee_request), {})
    page = response.content.decode()
    assert "Select a file to upload" in page and "Describe the files" in page


def test_replacing_a_file_keeps_the_history_on_the_page(client_for, coordinator, dundee_request):
    first = make_upload(dundee_request, coordinator)
    client = client_for(coordinator)
    response = client.post(
        reverse("documents:replace", args=[first.upload_id]), {"file": files.pdf("statement-v2.pdf", "v2")}
    )
    assert response.status_code == 302
    page = client.get(reverse("documents:upload", args=[first.upload_id])).content.decode()
    second = UploadVersion.objects.get(number=2)
    assert first.reference in page and second.reference in page and "statement-v2.pdf" in page


def test_an_accepted_request_offers_no_upload_or_replace(client_for, coordinator, inspector, dundee_request):
    version = make_upload(dundee_request, coordinator)
    client_for(inspector).post(reverse("documents:decide", args=[dundee_request.pk]), {"decision": "accept"})
    client = client_for(coordinator)
    assert "Upload files</a>" not in client.get(dundee_request.get_absolute_url()).content.decode()
    response = client.post(reverse("documents:replace", args=[version.upload_id]), {"file": files.pdf()})
    assert response.status_code == 302
    assert UploadVersion.objects.count() == 1


def test_team_member_returns_with_a_comment_and_the_coordinator_sees_it(
    client_for, coordinator, inspector, dundee_request
):
    make_upload(dundee_request, coordinator)
    url = reverse("documents:decide", args=[dundee_request.pk])
    missing = client_for(inspector).post(url, {"decision": "return", "comment": ""})
    assert "Say why the documents are being returned" in missing.content.decode()
    client_for(inspector).post(url, {"decision": "return", "comment": "Please send the signed copy."})
    page = client_for(coordinator).get(dundee_request.get_absolute_url()).content.decode()
    assert "Returned" in page and "Please send the signed copy." in page


def test_team_raises_a_request_to_chosen_areas(client_for, inspector, review, coordinator):
    dundee = review.areas.get(local_authority=coordinator.local_authority)
    response = client_for(inspector).post(
        reverse("documents:create-request", args=[review.pk]),
        {
            "title": "Position statement",
            "guidance": "Your most recent position statement.",
            "due_date_0": "27",
            "due_date_1": "8",
            "due_date_2": "2026",
            "send_to": "chosen",
            "areas": [dundee.pk],
        },
    )
    assert response.status_code == 302
    request = DocumentRequest.objects.get()
    assert request.due_date == date(2026, 8, 27)
    assert [ar.review_area for ar in request.area_requests.all()] == [dundee]


def test_a_request_form_with_mistakes_says_what_to_fix(client_for, inspector, review):
    response = client_for(inspector).post(
        reverse("documents:create-request", args=[review.pk]),
        {"title": "", "guidance": "", "due_date_0": "1", "due_date_1": "1", "due_date_2": "2020", "send_to": "chosen"},
    )
    page = response.content.decode()
    for message in ["Enter what you are asking for", "The due date must be today or in the future", "Select at least"]:
        assert message in page
    assert DocumentRequest.objects.count() == 0


def test_the_matrix_shows_each_areas_state(client_for, inspector, coordinator, review, dundee_request):
    make_upload(dundee_request, coordinator)
    response = client_for(inspector).get(reverse("documents:matrix", args=[review.pk]))
    rows = {row.review_area.local_authority.name: [c.status for c in row.cells] for row in response.context["rows"]}
    assert rows == {"Aberdeen City": ["not_started"], "Dundee City": ["uploaded"]}
    assert "Position statement and written evidence" in response.content.decode()


def test_the_matrix_query_count_does_not_grow_with_areas_and_requests(
    client_for, inspector, coordinator, review, django_assert_max_num_queries
):
    client = client_for(inspector)
    make_request(review, inspector, title="First")
    url = reverse("documents:matrix", args=[review.pk])
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for name in ["Highland", "Fife", "Angus", "Moray"]:
        add_area(review, area_name=name)
    for n in range(4):
        request = make_request(review, inspector, title=f"Request {n}")
        make_upload(request.area_requests.first(), coordinator, name=f"file-{n}.pdf")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_the_coordinator_list_query_count_does_not_grow(
    client_for, inspector, coordinator, review, django_assert_max_num_queries
):
    client = client_for(coordinator)
    make_request(review, inspector, title="First")
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("documents:list"))
    for n in range(5):
        other = ReviewFactory()
        add_team_member(other, inspector)
        add_area(other, coordinator)
        make_request(other, inspector, title=f"Request {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("documents:list"))
    assert len(response.context["area_requests"]) == 6


def test_the_team_downloads_an_areas_accepted_files_as_one_zip(
    client_for, inspector, coordinator, dundee_request, django_capture_on_commit_callbacks
):
    import io
    import zipfile

    version = make_upload(dundee_request, coordinator)
    client = client_for(inspector)
    client.post(reverse("documents:decide", args=[dundee_request.pk]), {"decision": "accept"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("documents:start-bundle", args=[dundee_request.review_area_id]))
    bundle_url = response["Location"]
    page = client.get(bundle_url).content.decode()
    assert "Your zip is ready" in page
    status = client.get(bundle_url + "status/").json()
    assert status == {
        "status": "ready",
        "status_label": "Ready",
        "files_done": 1,
        "files_total": 1,
        "percent": 100,
        "finished": True,
    }
    download = client.get(bundle_url + "download/")
    assert download["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert f"position-statement-and-written-evidence/{version.reference} position-statement.pdf" in names
    assert "manifest.csv" in names
    assert AuditEvent.objects.filter(action=Action.DOWNLOAD, object_type="documents.AreaBundle").exists()


def test_a_zip_being_built_shows_progress_with_a_static_poller_and_no_inline_script(
    client_for, inspector, dundee_request
):
    bundle = AreaBundle.objects.create(
        review_area=dundee_request.review_area, requested_by=inspector, files_total=4, files_done=1
    )
    page = client_for(inspector).get(reverse("documents:bundle", args=[bundle.pk])).content.decode()
    assert "1 of 4 files added (25%)" in page
    assert 'src="/static/documents/bundle_progress.mjs"' in page
    assert "<script>" not in page


@pytest.mark.parametrize(
    "name",
    ["document_request_created", "document_due_soon", "document_overdue", "document_accepted", "document_returned"],
)
def test_each_email_renders_its_example_with_a_link_and_no_document(name):
    from inspectorate.notifications import catalogue
    from inspectorate.notifications.sending import render

    subject, text, html = render(name, catalogue.get(name).example)
    assert "Position statement and written evidence" in subject
    assert "/documents/requests/1/" in text and "/documents/requests/1/" in html
    assert "never by email" in text


def test_a_request_for_a_review_with_no_areas_is_refused(client_for, inspector):
    empty = ReviewFactory(lead_inspector=inspector)
    add_team_member(empty, inspector)
    response = client_for(inspector).post(
        reverse("documents:create-request", args=[empty.pk]),
        {
            "title": "Case list",
            "guidance": "All open cases.",
            "due_date_0": "27",
            "due_date_1": "8",
            "due_date_2": "2026",
            "send_to": "all",
        },
    )
    assert "No areas are taking part in this review yet" in response.content.decode()
    assert not DocumentRequest.objects.exists()


def test_large_uploads_spooled_to_disk_are_checked_the_same_way(settings, client_for, coordinator, dundee_request):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10  # every upload goes to a temporary file
    client = client_for(coordinator)
    response = client.post(
        upload_url(dundee_request),
        {"description": "Evidence", "files": [files.upload("evidence.docx", files.docx_bytes())]},
    )
    assert response.status_code == 302
    assert UploadVersion.objects.get().file_type == "Word document"
    refused = client.post(
        upload_url(dundee_request),
        {"description": "Evidence", "files": [files.upload("big.docx", files.zip_bomb_docx())]},
    )
    assert "expands to far more than its size" in refused.content.decode()
    assert UploadVersion.objects.count() == 1
