"""On PostgreSQL the database itself refuses to change or delete audit rows."""

import pytest
from django.db import DatabaseError, transaction

from inspectorate.audit.models import AuditEvent
from inspectorate.audit.trail import Action, record


def test_update_and_delete_of_audit_rows_are_refused(needs_postgres, inspector):
    event = record(inspector, Action.VIEW, inspector)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(outcome="tampered")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).outcome == "success"


def test_deleting_a_user_keeps_their_audit_rows(needs_postgres, inspector):
    record(inspector, Action.VIEW, inspector)
    user_id = inspector.pk
    inspector.delete()
    assert AuditEvent.objects.filter(actor_id=user_id).count() == 1
