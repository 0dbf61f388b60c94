from inspectorate.core.dashboard import Section
from inspectorate.notifications.models import Notification


def home_sections(user):
    unread = list(
        Notification.objects.filter(recipient=user, read_at__isnull=True, due_at__isnull=False).order_by("-created_at")[
            :5
        ]
    )
    if not unread:
        return []
    return [Section("New for you", "notifications/home_unread.html", {"unread": unread}, order=10)]
