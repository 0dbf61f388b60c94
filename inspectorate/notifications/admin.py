from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path

from inspectorate.notifications import catalogue
from inspectorate.notifications.actions import enqueue
from inspectorate.notifications.models import Notification, Status
from inspectorate.notifications.sending import render


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox. Failed notifications show their error; an administrator can queue them again."""

    list_display = ["created_at", "to_email", "template", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "template"]
    search_fields = ["to_email", "subject", "reason"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notification._meta.fields]
    actions = ["send_again"]
    change_list_template = "admin/notifications/notification/change_list.html"

    def has_add_permission(self, request):
        return False

    @admin.action(description="Queue the selected notifications to send again")
    def send_again(self, request, queryset):
        ids = list(queryset.exclude(status=Status.SENT).values_list("pk", flat=True))
        Notification.objects.filter(pk__in=ids).update(status=Status.PENDING, attempts=0)
        for notification_id in ids:
            enqueue(notification_id)
        self.message_user(request, f"Queued {len(ids)} notification(s).")

    def get_urls(self):
        return [
            path("templates/", self.admin_site.admin_view(self.template_list), name="notification-templates"),
            path(
                "templates/<str:name>/", self.admin_site.admin_view(self.template_preview), name="notification-preview"
            ),
            *super().get_urls(),
        ]

    def template_list(self, request):
        context = {
            **self.admin_site.each_context(request),
            "title": "Email templates",
            "templates": catalogue.all_templates(),
        }
        return TemplateResponse(request, "admin/notifications/template_list.html", context)

    def template_preview(self, request, name):
        try:
            template = catalogue.get(name)
        except KeyError:
            raise Http404("No such template") from None
        subject, text, html = render(template.name, template.example)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Preview: {template.name}",
            "template": template,
            "subject": subject,
            "text": text,
            "html": html,
        }
        return TemplateResponse(request, "admin/notifications/template_preview.html", context)
