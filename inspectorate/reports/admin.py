from django.contrib import admin

from inspectorate.reports.models import ClearedExcerpt, Release, Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "version", "status", "pages", "requested_by", "requested_at", "published_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    readonly_fields = [f.name for f in Report._meta.fields if f.name != "html"]
    exclude = ["html"]

    def has_add_permission(self, request):
        return False


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ["kind", "subject_id", "released_by", "released_at"]
    list_filter = ["kind"]
    readonly_fields = ["released_by", "released_at"]


@admin.register(ClearedExcerpt)
class ClearedExcerptAdmin(admin.ModelAdmin):
    list_display = ["source", "review", "area", "cleared_by", "cleared_at"]
    list_filter = ["review"]
    search_fields = ["source", "text"]
    raw_id_fields = ["answer", "area"]
    readonly_fields = ["cleared_by", "cleared_at"]

    def save_model(self, request, obj, form, change):
        obj.cleared_by = request.user
        super().save_model(request, obj, form, change)
