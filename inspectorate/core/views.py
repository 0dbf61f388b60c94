"""The home page, health check and error pages."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template

from inspectorate import retention
from inspectorate.audit.trail import Action, record
from inspectorate.core import dashboard


@login_required
def home(request):
    return render(request, "core/home.html", {"sections": dashboard.home_sections(request.user)})


def privacy(request):
    return render(request, "core/privacy.html", {"retention": retention.schedule()})


def health(request):
    """For the container health check: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def _audit_refusal(request, status):
    # Signed-in people guessing addresses is worth knowing about; anonymous 404s are just noise.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        record(user, Action.ACCESS_REFUSED, outcome=str(status), path=request.path[:300])


def permission_denied(request, exception=None):
    _audit_refusal(request, 403)
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    _audit_refusal(request, 404)
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No request context: the page must render even when a context processor is what failed.
    return HttpResponseServerError(get_template("errors/500.html").render({"service_name": "Strategic inspections"}))
