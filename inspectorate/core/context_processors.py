from django.conf import settings

from inspectorate.core import dashboard
from inspectorate.notifications.models import Notification


def service(request):
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "service_name": settings.SERVICE_NAME,
        "navigation": dashboard.nav_items(user) if signed_in else [],
        "unread_notifications": (
            Notification.objects.filter(recipient=user, read_at__isnull=True).count() if signed_in else 0
        ),
    }
