"""Retention schedule, subject access and the privacy notice."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from inspectorate import retention
from inspectorate.audit.models import Action, AuditEvent
from inspectorate.notifications.actions import notify
from inspectorate.notifications.models import Notification, Status
from tests import factories


def test_privacy_notice_is_public_and_linked_from_every_page(client, db):
    page = client.get("/privacy/").content.decode()
    assert "Section 53 of the Public Services Reform (Scotland) Act 2010" in page
    assert "We will not accept information by email" in page
    assert 'href="/privacy/"' in client.get("/accounts/sign-in/").content.decode()


def test_retention_anonymises_old_notifications_and_accounts_and_leaves_audit_rows(time_machine, inspector):
    time_machine.move_to("2024-01-10 09:00:00+00:00", tick=False)
    old = notify(inspector, "account_invitation", reason="test", context={"full_name": "Fiona", "link": "x"})
    Notification.objects.filter(pk=old.pk).update(status=Status.SENT, sent_at=timezone.now())
    leaver = factories.coordinator("Fife", full_name="Anna Leaver", email="anna@fife.example")
    leaver.is_active = False
    leaver.last_login = timezone.now()
    leaver.save()

    time_machine.move_to("2025-10-01 09:00:00+00:00", tick=False)
    recent = notify(inspector, "account_invitation", reason="test", context={"full_name": "Fiona", "link": "y"})
    Notification.objects.filter(pk=recent.pk).update(status=Status.SENT, sent_at=timezone.now())

    time_machine.move_to("2026-02-01 09:00:00+00:00", tick=False)
    done = retention.apply_all()
    assert done["notifications"] == 1
    assert done["deactivated_accounts"] == 1
    assert Notification.objects.get(pk=old.pk).context == {}
    assert Notification.objects.get(pk=recent.pk).context["link"] == "y"
    leaver.refresh_from_db()
    assert leaver.full_name == "Former user" and "anna" not in leaver.email
    kinds = set(
        AuditEvent.objects.filter(action=Action.DELETE, outcome="retention").values_list("detail__kind", flat=True)
    )
    assert {"notifications", "deactivated_accounts", "sessions", "sign_in_attempts"} <= kinds
    # Running it again finds nothing more to do.
    assert retention.apply_all()["notifications"] == 0


def test_retention_command_prints_what_it_did(db, capsys):
    call_command("apply_retention")
    assert "notifications: 0 row(s)" in capsys.readouterr().out


def test_subject_access_lists_what_the_service_holds_and_is_audited(client_for, administrator, inspector):
    notify(inspector, "account_invitation", reason="test", context={"full_name": "Fiona", "link": "x"})
    from inspectorate.audit.trail import record

    record(inspector, Action.VIEW, inspector)
    page = client_for(administrator).get(f"/admin/accounts/user/{inspector.pk}/subject-access/").content.decode()
    assert inspector.email in page
    assert "Notifications" in page
    assert "Audit trail entries" in page
    assert AuditEvent.objects.filter(actor=administrator, action=Action.VIEW, object_id=str(inspector.pk)).exists()


def test_subject_access_is_for_administrators_only(client_for, inspector):
    assert client_for(inspector).get(f"/admin/accounts/user/{inspector.pk}/subject-access/").status_code == 302


def test_every_rule_has_a_positive_period():
    for rule in retention.schedule():
        assert rule.days > 0, rule.kind
        assert timedelta(days=rule.days)
