"""The daily reminders, the retention purge and the zip task: safe to run again, with a frozen clock."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from inspectorate.audit.models import Action, AuditEvent
from inspectorate.notifications.models import Notification
from reviews.documents import actions, bundles, reminders, retention, tasks
from reviews.documents.models import AreaBundle, BundleStatus, Upload, UploadVersion
from reviews.models import ReviewStatus
from tests.documents.factories import make_upload

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def publish(review, by, when, time_machine):
    time_machine.move_to(when, tick=False)
    review.move_to(ReviewStatus.NOTIFIED, by=by)
    review.move_to(ReviewStatus.FIELDWORK, by=by)
    review.move_to(ReviewStatus.REPORTING, by=by)
    review.move_to(ReviewStatus.PUBLISHED, by=by)


def test_reminders_go_once_when_due_soon_and_once_when_overdue(dundee_request, coordinator, other_coordinator):
    assert reminders.send_due_reminders(date(2026, 8, 1)) == 0  # more than five days ahead
    assert reminders.send_due_reminders(date(2026, 8, 24)) == 2  # both areas
    assert reminders.send_due_reminders(date(2026, 8, 25)) == 0  # swept again: deduplicated
    make_upload(dundee_request, coordinator)
    assert reminders.send_due_reminders(date(2026, 8, 28)) == 1  # only Aberdeen is still waiting
    overdue = Notification.objects.get(template="document_overdue")
    assert overdue.recipient == other_coordinator
    assert overdue.context["due_date"] == "27 August 2026"


def test_the_reminder_task_runs_through_celery(dundee_request, time_machine):
    time_machine.move_to(datetime(2026, 8, 26, 7, 0, tzinfo=LONDON))
    assert tasks.send_due_reminders.delay().get() == 2


def test_no_retention_date_while_a_review_is_running(review):
    assert retention.retention_date(review) is None


def test_retention_date_is_years_after_publication(review, inspector, settings, time_machine):
    settings.DOCUMENT_RETENTION_YEARS = 2
    publish(review, inspector, datetime(2026, 9, 30, 12, 0, tzinfo=LONDON), time_machine)
    assert retention.retention_date(review) == date(2028, 9, 30)


def test_purge_deletes_expired_files_and_rows_and_writes_an_audit_row(
    review, inspector, coordinator, dundee_request, settings, time_machine, stored_files
):
    settings.DOCUMENT_RETENTION_YEARS = 2
    version = make_upload(dundee_request, coordinator)
    publish(review, inspector, datetime(2026, 9, 30, 12, 0, tzinfo=LONDON), time_machine)

    time_machine.move_to(datetime(2028, 9, 29, 3, 0, tzinfo=LONDON))
    assert retention.purge_expired() == {}
    assert stored_files() != []

    time_machine.move_to(datetime(2028, 9, 30, 3, 0, tzinfo=LONDON))
    out = StringIO()
    call_command("purge_expired_documents", stdout=out)
    assert "Deleted 1 file(s)" in out.getvalue()
    assert stored_files() == []
    assert not Upload.objects.exists() and not UploadVersion.objects.exists()
    event = AuditEvent.objects.get(action=Action.DELETE, object_id=str(review.pk))
    assert event.detail["references"] == [version.reference]
    assert event.detail["retention_date"] == "2028-09-30"
    assert event.actor is None

    out = StringIO()
    call_command("purge_expired_documents", stdout=out)  # nothing left: a second run is harmless
    assert "No review's documents were due" in out.getvalue()


def test_purge_leaves_other_reviews_alone(review, inspector, coordinator, dundee_request, other_review, time_machine):
    make_upload(dundee_request, coordinator)
    time_machine.move_to(datetime(2040, 1, 1, tzinfo=LONDON))
    assert retention.purge_expired() == {}
    assert UploadVersion.objects.count() == 1


def test_the_zip_task_reports_progress_and_runs_only_once(dundee_request, coordinator, inspector, settings):
    make_upload(dundee_request, coordinator)
    make_upload(dundee_request, coordinator, name="evidence.pdf")
    actions.accept(dundee_request, by=inspector)
    bundle = AreaBundle.objects.create(review_area=dundee_request.review_area, requested_by=inspector)
    assert tasks.build_area_bundle.delay(bundle.pk).get() == BundleStatus.READY
    bundle.refresh_from_db()
    assert (bundle.status, bundle.files_done, bundle.files_total, bundle.percent_done) == ("ready", 2, 2, 100)
    assert (settings.MEDIA_ROOT / bundle.stored_name).stat().st_size == bundle.size
    assert bundles.build(bundle.pk) is None  # already built: left alone


def test_a_zip_of_an_area_with_a_missing_file_fails_clearly(dundee_request, coordinator, inspector, settings):
    version = make_upload(dundee_request, coordinator)
    actions.accept(dundee_request, by=inspector)
    (settings.MEDIA_ROOT / version.stored_name).unlink()
    bundle = AreaBundle.objects.create(review_area=dundee_request.review_area, requested_by=inspector)
    assert bundles.build(bundle.pk) == BundleStatus.FAILED
    bundle.refresh_from_db()
    assert bundle.error == "The zip could not be built. Try again."


def test_old_zips_are_purged_after_a_week(dundee_request, inspector, time_machine):
    AreaBundle.objects.create(review_area=dundee_request.review_area, requested_by=inspector)
    time_machine.move_to(datetime(2026, 8, 11, tzinfo=LONDON))
    retention.purge_expired()
    assert not AreaBundle.objects.exists()


def test_beat_runs_the_reminders_and_the_purge_daily(settings):
    tasks_in_schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"reviews.documents.tasks.send_due_reminders", "reviews.documents.tasks.purge_expired_documents"} <= (
        tasks_in_schedule
    )
