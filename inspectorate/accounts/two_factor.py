"""Two-factor sign-in with an authenticator app (TOTP, through django-otp).

Required for the roles in TWO_FACTOR_REQUIRED_ROLES (inspectors, support officers,
administrators); optional for co-ordinators and providers, who are asked for a code once they have
set one up.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from inspectorate.audit.trail import Action, record


def is_required(user):
    return user.role in settings.TWO_FACTOR_REQUIRED_ROLES


def has_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user):
    return is_required(user) or has_device(user)


def pending_device(user):
    """The unconfirmed device being set up (made once, so the QR code stays the same on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def qr_code_data_uri(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def secret_for_typing(device):
    """The key in base32, in groups of four, for people who cannot scan the QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def verify(request, code):
    """Check a code against the user's confirmed devices; on success the session is verified."""
    for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
        if device.verify_token(code):
            otp_login(request, device)
            record(request.user, Action.SIGN_IN, outcome="second factor verified")
            return True
    record(request.user, Action.SIGN_IN_FAILED, outcome="wrong second factor")
    return False


def confirm_set_up(request, device, code):
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    record(request.user, Action.CHANGE, request.user, change="two-factor sign-in set up")
    return True
