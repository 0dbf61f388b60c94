"""Session timeouts and two-factor enforcement, for every request after authentication."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from inspectorate.accounts import two_factor

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN_AT = "last_seen_at"


class SessionTimeoutMiddleware:
    """Sign out after SESSION_IDLE_TIMEOUT_SECONDS without a request, and after
    SESSION_ABSOLUTE_TIMEOUT_SECONDS since signing in, whatever the activity."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
            last_seen_at = request.session.get(LAST_SEEN_AT, now)
            idle = now - last_seen_at > settings.SESSION_IDLE_TIMEOUT_SECONDS
            expired = now - signed_in_at > settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS
            if idle or expired:
                logout(request)
                messages.info(request, "You were signed out to keep your account safe. Sign in again to continue.")
                return redirect(f"{reverse('accounts:sign-in')}?next={request.path}")
            # Written at most once a minute, so that most requests do not save the session.
            if now - last_seen_at >= 60 or LAST_SEEN_AT not in request.session:
                request.session[LAST_SEEN_AT] = now
        return self.get_response(request)


# Pages a signed-in person may reach before completing two-factor sign-in.
_OPEN_PATH_PREFIXES = ("/static/", "/healthz")


class TwoFactorMiddleware:
    """Send a signed-in person who still owes a second factor to set it up or enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and two_factor.must_verify(user):
            allowed = {
                reverse("accounts:two-factor"),
                reverse("accounts:two-factor-set-up"),
                reverse("accounts:sign-out"),
            }
            if request.path not in allowed and not request.path.startswith(_OPEN_PATH_PREFIXES):
                target = "accounts:two-factor" if two_factor.has_device(user) else "accounts:two-factor-set-up"
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
