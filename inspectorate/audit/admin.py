from django.contrib import admin

from inspectorate.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is evidence, so nobody edits or deletes it through the application."""

    list_display = ["occurred_at", "actor_email", "action", "outcome", "object_type", "object_repr"]
    list_filter = ["action", "outcome", "object_type", "occurred_at"]
    search_fields = ["actor_email", "object_repr", "object_id"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
