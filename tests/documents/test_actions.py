"""Requests, uploads, versions and decisions: the rules, without the web pages."""

from datetime import date

import pytest

from inspectorate.audit.models import Action, AuditEvent
from inspectorate.notifications.models import Notification
from inspectorate.uploads import check_upload
from reviews.documents import actions
from reviews.documents.models import AreaStatus, UploadVersion
from tests.documents import files
from tests.documents.factories import make_request, make_upload

pytestmark = pytest.mark.django_db


def test_a_request_to_all_areas_reaches_every_area_and_tells_each_coordinator(
    document_request, coordinator, other_coordinator
):
    areas = {ar.review_area.local_authority.name for ar in document_request.area_requests.all()}
    assert areas == {"Dundee City", "Aberdeen City"}
    assert set(
        Notification.objects.filter(template="document_request_created").values_list("recipient", flat=True)
    ) == {
        coordinator.pk,
        other_coordinator.pk,
    }


def test_a_request_to_chosen_areas_reaches_only_those(review, inspector, coordinator, other_coordinator):
    dundee = review.areas.get(local_authority=coordinator.local_authority)
    request = make_request(review, inspector, title="Case list", areas=[dundee])
    assert [ar.review_area for ar in request.area_requests.all()] == [dundee]
    assert not Notification.objects.filter(recipient=other_coordinator, template="document_request_created").exists()


def test_each_file_gets_a_unique_reference_and_the_area_request_becomes_uploaded(dundee_request, coordinator):
    first = make_upload(dundee_request, coordinator)
    second = make_upload(dundee_request, coordinator, name="evidence.pdf")
    assert first.reference.startswith("DOC-20") and len(first.reference) == len("DOC-2026-000001")
    assert first.reference != second.reference
    dundee_request.refresh_from_db()
    assert dundee_request.status == AreaStatus.UPLOADED
    assert AuditEvent.objects.filter(action=Action.CREATE, object_id=str(first.pk)).exists()


def test_replacing_a_file_keeps_every_version(dundee_request, coordinator, settings):
    version_one = make_upload(dundee_request, coordinator)
    upload = version_one.upload
    version_two = actions.replace_upload(upload, check_upload(files.pdf(text="Revised")), by=coordinator)
    upload.refresh_from_db()
    assert upload.current_version == version_two
    assert [v.number for v in upload.versions.all()] == [2, 1]
    assert (settings.MEDIA_ROOT / version_one.stored_name).exists()
    assert (settings.MEDIA_ROOT / version_two.stored_name).exists()


def test_an_accepted_request_refuses_new_and_replacement_files(dundee_request, coordinator, inspector):
    version = make_upload(dundee_request, coordinator)
    actions.accept(dundee_request, by=inspector)
    with pytest.raises(actions.DocumentActionRefused, match="can no longer be changed"):
        actions.replace_upload(version.upload, check_upload(files.pdf()), by=coordinator)
    with pytest.raises(actions.DocumentActionRefused):
        make_upload(dundee_request, coordinator)
    assert UploadVersion.objects.count() == 1


def test_a_failed_save_leaves_no_file_behind(dundee_request, coordinator, stored_files, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(actions, "_mark_uploaded", broken)
    with pytest.raises(RuntimeError):
        make_upload(dundee_request, coordinator)
    assert stored_files() == []
    assert UploadVersion.objects.count() == 0


def test_returning_needs_a_comment_and_tells_the_coordinator(dundee_request, coordinator, inspector):
    make_upload(dundee_request, coordinator)
    with pytest.raises(actions.DocumentActionRefused, match="Say why"):
        actions.return_to_area(dundee_request, comment="  ", by=inspector)
    actions.return_to_area(dundee_request, comment="Send the signed version.", by=inspector)
    dundee_request.refresh_from_db()
    assert (dundee_request.status, dundee_request.comment) == (AreaStatus.RETURNED, "Send the signed version.")
    notice = Notification.objects.get(recipient=coordinator, template="document_returned")
    assert notice.context["comment"] == "Send the signed version."
    assert AuditEvent.objects.filter(action=Action.DECIDE, detail__decision="returned").exists()


def test_a_returned_request_goes_back_to_uploaded_when_a_file_is_replaced(dundee_request, coordinator, inspector):
    version = make_upload(dundee_request, coordinator)
    actions.return_to_area(dundee_request, comment="Wrong year.", by=inspector)
    actions.replace_upload(version.upload, check_upload(files.pdf()), by=coordinator)
    dundee_request.refresh_from_db()
    assert dundee_request.status == AreaStatus.UPLOADED


def test_only_uploaded_documents_can_be_decided(dundee_request, inspector):
    with pytest.raises(actions.DocumentActionRefused, match="not started"):
        actions.accept(dundee_request, by=inspector)


def test_overdue_is_shown_for_a_request_still_waiting_after_its_due_date(dundee_request, coordinator, time_machine):
    time_machine.move_to(date(2026, 8, 28))
    assert dundee_request.tag[0] == "Overdue"
    make_upload(dundee_request, coordinator)
    dundee_request.refresh_from_db()
    assert dundee_request.tag[0] == "Uploaded"
