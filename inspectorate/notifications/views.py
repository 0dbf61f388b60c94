"""A person's own in-service notices."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from inspectorate.notifications.models import Notification


@login_required
def notification_list(request):
    notices = Notification.objects.filter(recipient=request.user).order_by("-created_at")[:100]
    return render(request, "notifications/list.html", {"notices": notices})


@login_required
@require_POST
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:list")
