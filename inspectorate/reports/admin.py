from django.contrib import admin

from inspectorate.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "version", "status", "pages", "requested_by", "requested_at", "published_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    readonly_fields = [f.name for f in Report._meta.fields if f.name != "html"]
    exclude = ["html"]

    def has_add_permission(self, request):
        return False
