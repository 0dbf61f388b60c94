"""Sign-in security: two-factor for staff, throttling, session rotation and timeouts, deactivation."""

import json
import logging

import pytest
from django.urls import reverse
from django_otp.oath import totp

from inspectorate.audit.models import Action, AuditEvent
from tests import factories
from tests.conftest import verified_device

SIGN_IN = "/accounts/sign-in/"


def _password_sign_in(client, user, password=factories.PASSWORD):
    return client.post(SIGN_IN, {"username": user.email, "password": password})


@pytest.mark.parametrize("persona", ["inspector", "support_officer", "administrator"])
def test_staff_without_a_device_must_set_up_two_factor_before_anything_else(client, request, persona):
    user = request.getfixturevalue(persona)
    _password_sign_in(client, user)
    for path in ["/", "/services/", "/admin/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/two-factor/set-up/")


@pytest.fixture
def no_code_throttling(settings):
    # django-otp pauses verification for a second after a wrong code; these tests try again at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_set_up_shows_a_qr_code_and_a_typed_key_and_confirms_with_a_code(client, inspector, no_code_throttling):
    _password_sign_in(client, inspector)
    page = client.get("/accounts/two-factor/set-up/")
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    device = inspector.totpdevice_set.get(confirmed=False)
    wrong = client.post("/accounts/two-factor/set-up/", {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    client.post("/accounts/two-factor/set-up/", {"code": f"{totp(device.bin_key):06d}"})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


def test_staff_with_a_device_must_enter_a_code(client, inspector, no_code_throttling):
    device = verified_device(inspector)
    _password_sign_in(client, inspector)
    assert client.get("/")["Location"].startswith("/accounts/two-factor/?next=/")
    bad = client.post("/accounts/two-factor/", {"code": "12ab"})
    assert "Enter the code as 6 digits" in bad.content.decode()
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, outcome="wrong second factor").count() == 0
    client.post("/accounts/two-factor/", {"code": "999999" if totp(device.bin_key) != 999999 else "111111"})
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, outcome="wrong second factor").count() == 1
    response = client.post("/accounts/two-factor/?next=/services/", {"code": f"{totp(device.bin_key):06d}"})
    assert response["Location"] == "/services/"
    assert client.get("/").status_code == 200


def test_two_factor_next_never_leaves_the_site(client, inspector):
    device = verified_device(inspector)
    _password_sign_in(client, inspector)
    response = client.post("/accounts/two-factor/?next=https://evil.example/", {"code": f"{totp(device.bin_key):06d}"})
    assert response["Location"] == "/"


def test_two_factor_is_optional_for_coordinators_and_providers(client, coordinator, provider_user):
    for user in (coordinator, provider_user):
        client.logout()
        _password_sign_in(client, user)
        assert client.get("/").status_code == 200


def test_a_coordinator_who_set_up_two_factor_is_asked_for_the_code(client, coordinator):
    verified_device(coordinator)
    _password_sign_in(client, coordinator)
    assert client.get("/")["Location"].startswith("/accounts/two-factor/")


def test_repeated_failures_lock_the_email_out_and_the_page_says_the_same_for_unknown_emails(client, inspector):
    for _ in range(5):
        _password_sign_in(client, inspector, "wrong-password")
    locked = _password_sign_in(client, inspector)  # even the right password is refused now
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    for _ in range(5):
        client.post(SIGN_IN, {"username": "nobody@example.org", "password": "wrong"})
    unknown = client.post(SIGN_IN, {"username": "nobody@example.org", "password": "wrong"})
    assert unknown.status_code == 429
    assert unknown.content == locked.content


def test_session_key_is_rotated_at_sign_in(client, coordinator):
    client.get(SIGN_IN)
    client.session.save()
    before = client.session.session_key
    _password_sign_in(client, coordinator)
    assert client.session.session_key != before


def test_idle_session_is_signed_out_after_thirty_minutes(client_for, coordinator, time_machine):
    time_machine.move_to("2026-11-21 09:00:00+00:00", tick=False)
    client = client_for(coordinator)
    assert client.get("/").status_code == 200
    time_machine.move_to("2026-11-21 09:29:00+00:00", tick=False)
    assert client.get("/").status_code == 200
    time_machine.move_to("2026-11-21 10:00:00+00:00", tick=False)
    response = client.get("/services/")
    assert response["Location"] == "/accounts/sign-in/?next=/services/"
    assert client.get("/").status_code == 302


def test_session_ends_twelve_hours_after_sign_in_however_active(client_for, coordinator, time_machine):
    time_machine.move_to("2026-11-21 08:00:00+00:00", tick=False)
    client = client_for(coordinator)
    client.get("/")
    for hour in range(8, 20):
        for minute in (0, 20, 40):  # active every twenty minutes, so never idle
            time_machine.move_to(f"2026-11-21 {hour:02d}:{minute:02d}:00+00:00", tick=False)
            assert client.get("/").status_code == 200
    time_machine.move_to("2026-11-21 20:01:00+00:00", tick=False)
    assert client.get("/").status_code == 302


def test_a_deactivated_user_is_signed_out_at_once(client_for, coordinator):
    client = client_for(coordinator)
    assert client.get("/").status_code == 200
    coordinator.is_active = False
    coordinator.save()
    assert client.get("/").status_code == 302


def test_every_page_has_a_strict_content_security_policy_and_a_request_id(client_for, coordinator):
    response = client_for(coordinator).get("/")
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src.strip() == "script-src 'self'"
    assert "frame-ancestors 'none'" in policy
    assert len(response["X-Request-ID"]) >= 8
    assert b"<script>" not in response.content


def test_no_page_has_an_inline_script(client_for, coordinator, client):
    for page in [client.get(SIGN_IN), client_for(coordinator).get("/")]:
        html = page.content.decode()
        for chunk in html.split("<script")[1:]:
            assert "src=" in chunk.split(">")[0], "inline script found"


def test_log_lines_are_json_with_the_request_id_and_no_secrets(client, coordinator, caplog):
    from inspectorate.core.log_format import JsonFormatter

    formatter = JsonFormatter()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "password=hunter2 for %s", ("a",), None)
    record.request_id = "abc12345"
    line = json.loads(formatter.format(record))
    assert line["request_id"] == "abc12345"
    assert "hunter2" not in line["message"]
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = json.loads(formatter.format(record))
    assert line["error"] == "ValueError: boom"
    assert "Traceback" not in json.dumps(line)


def test_an_unexpected_error_shows_the_friendly_page_without_a_stack_trace(client_for, coordinator, settings):
    from unittest import mock

    settings.DEBUG = False
    client = client_for(coordinator)
    client.raise_request_exception = False
    with mock.patch("inspectorate.core.views.dashboard.home_sections", side_effect=RuntimeError("secret detail")):
        response = client.get(reverse("core:home"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert "secret detail" not in body and "Traceback" not in body
