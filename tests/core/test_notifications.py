"""The outbox: written with the change, sent after commit, exactly once, retried, swept."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from inspectorate.accounts.actions import invite_user
from inspectorate.accounts.models import Role
from inspectorate.notifications import sending
from inspectorate.notifications.actions import notify
from inspectorate.notifications.models import Notification, Status
from inspectorate.notifications.tasks import send_notification, sweep_outbox


def _notify(user, **kwargs):
    return notify(
        user, "account_invitation", reason="test", context={"full_name": user.full_name, "link": "x"}, **kwargs
    )


def test_invitation_is_sent_after_commit(django_capture_on_commit_callbacks, db):
    with django_capture_on_commit_callbacks(execute=True):
        user = invite_user(email="New.Person@Example.org", full_name="New Person", role=Role.INSPECTOR)
    assert user.email == "new.person@example.org"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    assert "/accounts/set-password/" in mail.outbox[0].body
    assert Notification.objects.get().status == Status.SENT


def test_no_email_for_a_change_that_rolls_back(django_capture_on_commit_callbacks, inspector):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            _notify(inspector)
            raise RuntimeError("the change failed")
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_a_task_run_twice_sends_once(inspector):
    notification = _notify(inspector)
    assert send_notification.apply(args=[notification.pk]).get() == "sent"
    assert send_notification.apply(args=[notification.pk]).get() == "already handled"
    assert len(mail.outbox) == 1


def test_a_failure_is_retried_then_marked_failed(inspector):
    from inspectorate.celery import app

    # Eager apply() follows the retries itself (without the backoff waits) when it does not throw.
    app.conf.task_eager_propagates = False  # the autouse fixture sets it back for the next test
    notification = _notify(inspector)
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionError("SMTP down")):
        send_notification.apply(args=[notification.pk])
    notification.refresh_from_db()
    assert notification.status == Status.FAILED
    assert notification.attempts == sending.MAX_ATTEMPTS
    assert "SMTP down" in notification.last_error
    assert mail.outbox == []


def test_with_the_broker_unreachable_the_next_sweep_sends_it(django_capture_on_commit_callbacks, inspector):
    with mock.patch.object(send_notification, "apply_async", side_effect=ConnectionError("broker down")):
        with django_capture_on_commit_callbacks(execute=True):
            notification = _notify(inspector)
    assert Notification.objects.get(pk=notification.pk).status == Status.PENDING
    assert mail.outbox == []
    assert sweep_outbox.apply().get() == 1
    assert len(mail.outbox) == 1
    assert sweep_outbox.apply().get() == 0


def test_a_claim_abandoned_by_a_dead_worker_is_swept_again(inspector, time_machine):
    notification = _notify(inspector)
    time_machine.move_to("2030-01-01 09:00:00+00:00")
    assert sending.claim(notification.pk) is not None  # the worker dies before sending
    assert sweep_outbox.apply().get() == 0
    time_machine.move_to("2030-01-01 09:11:00+00:00")
    assert sweep_outbox.apply().get() == 1
    assert len(mail.outbox) == 1


def test_a_dedupe_key_creates_a_reminder_only_once(inspector):
    assert _notify(inspector, dedupe_key="reminder:1") is not None
    assert _notify(inspector, dedupe_key="reminder:1") is None
    assert Notification.objects.count() == 1


def test_unknown_template_fails_loudly(inspector):
    with pytest.raises(KeyError):
        notify(inspector, "no_such_template", reason="test")


def test_home_page_lists_unread_notices_and_they_can_be_marked_read(client_for, inspector):
    _notify(inspector)
    client = client_for(inspector)
    assert "Your account for Strategic inspections" in client.get("/").content.decode()
    client.post("/notifications/mark-all-read/")
    assert "New for you" not in client.get("/").content.decode()


def test_administrator_previews_every_template(client_for, administrator):
    client = client_for(administrator)
    listing = client.get("/admin/notifications/notification/templates/")
    assert "account_invitation" in listing.content.decode()
    preview = client.get("/admin/notifications/notification/templates/account_invitation/")
    assert "Morag Campbell" in preview.content.decode()
    assert client.get("/admin/notifications/notification/templates/nope/").status_code == 404


def test_people_who_chose_a_digest_get_one_summary_a_day(client_for, coordinator, django_capture_on_commit_callbacks):
    from inspectorate.notifications.tasks import send_daily_digests

    client = client_for(coordinator)
    response = client.post("/accounts/your-account/", {"email_digest": "True"})
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.email_digest
    with django_capture_on_commit_callbacks(execute=True):
        _notify(coordinator)
        _notify(coordinator)
    assert mail.outbox == []
    assert sweep_outbox.apply().get() == 0  # the sweep leaves digest notices to the digest
    assert send_daily_digests.apply().get() == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your daily summary from Strategic inspections"
    assert mail.outbox[0].body.count("Your account for Strategic inspections") == 2
    assert send_daily_digests.apply().get() == 0
    assert len(mail.outbox) == 1


def test_account_page_refuses_an_invalid_choice(client_for, coordinator):
    page = client_for(coordinator).post("/accounts/your-account/", {"email_digest": "maybe"}).content.decode()
    assert "govuk-error-summary" in page


def test_every_registered_template_previews_with_its_example(client_for, administrator):
    from inspectorate.notifications import catalogue

    client = client_for(administrator)
    names = [t.name for t in catalogue.all_templates()]
    assert {"review_notification_letter", "review_nomination_overdue", "report_released", "variation_decided"} <= set(
        names
    )
    for name in names:
        response = client.get(f"/admin/notifications/notification/templates/{name}/")
        assert response.status_code == 200, name
        subject, text, html = sending.render(name, catalogue.get(name).example)
        assert subject.strip() and "{{" not in text and "<html" in html, name


def test_sync_schedules_creates_editable_periodic_tasks_once(db, settings):
    from celery.schedules import crontab
    from django.core.management import call_command
    from django_celery_beat.models import PeriodicTask

    call_command("sync_schedules", stdout=io.StringIO())
    names = set(PeriodicTask.objects.values_list("name", flat=True))
    assert set(settings.CELERY_BEAT_SCHEDULE) <= names
    sweep = PeriodicTask.objects.get(name="notifications-outbox-sweep")
    assert sweep.interval.every == 60 and sweep.crontab is None
    reminders = PeriodicTask.objects.get(name="reviews-nomination-reminders")
    assert reminders.task == "reviews.tasks.send_nomination_reminders"
    assert (reminders.crontab.hour, reminders.crontab.minute) == ("7", "45")

    count = PeriodicTask.objects.count()
    sweep.enabled = False  # an administrator pauses the sweep
    sweep.save()
    call_command("sync_schedules", stdout=io.StringIO())
    assert PeriodicTask.objects.count() == count
    assert PeriodicTask.objects.get(name="notifications-outbox-sweep").enabled is False

    settings.CELERY_BEAT_SCHEDULE = {
        **settings.CELERY_BEAT_SCHEDULE,
        "notifications-outbox-sweep": {
            "task": "inspectorate.notifications.tasks.sweep_outbox",
            "schedule": crontab(minute="*/5"),
        },
    }
    call_command("sync_schedules", stdout=io.StringIO())
    moved = PeriodicTask.objects.get(name="notifications-outbox-sweep")
    assert moved.interval is None and moved.crontab.minute == "*/5"
