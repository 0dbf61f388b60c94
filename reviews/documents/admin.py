"""Admin for the document exchange. Files are never served from admin: only their facts are shown."""

from django.contrib import admin, messages

from inspectorate.uploads import scanner_configured, scanner_ping
from reviews.documents.models import AreaBundle, AreaRequest, DocumentRequest, Upload, UploadVersion


class ScannerStatusMixin:
    """Says on every document list in admin whether uploads are scanned for viruses."""

    def changelist_view(self, request, extra_context=None):
        if not scanner_configured():
            messages.warning(
                request,
                "Uploaded documents are not being scanned for viruses: no ClamAV daemon is configured "
                "(set CLAMAV_SOCKET or CLAMAV_HOST). See docs/uploads.md.",
            )
        elif not scanner_ping():
            messages.error(request, "The ClamAV daemon is configured but not answering: uploads are being refused.")
        return super().changelist_view(request, extra_context)


class AreaRequestInline(admin.TabularInline):
    model = AreaRequest
    fields = ["review_area", "status", "comment", "decided_by", "decided_at"]
    readonly_fields = ["review_area", "decided_by", "decided_at"]
    extra = 0
    can_delete = False


@admin.register(DocumentRequest)
class DocumentRequestAdmin(ScannerStatusMixin, admin.ModelAdmin):
    list_display = ["title", "review", "due_date", "all_areas", "created_by"]
    list_filter = ["review"]
    search_fields = ["title", "review__title"]
    raw_id_fields = ["created_by"]
    inlines = [AreaRequestInline]


@admin.register(AreaRequest)
class AreaRequestAdmin(ScannerStatusMixin, admin.ModelAdmin):
    list_display = ["request", "review_area", "status", "decided_at"]
    list_filter = ["status", "request__review"]
    search_fields = ["request__title", "review_area__local_authority__name"]
    list_select_related = ["request__review", "review_area__local_authority", "review_area__review"]
    raw_id_fields = ["decided_by"]
    readonly_fields = ["request", "review_area"]


class UploadVersionInline(admin.TabularInline):
    model = UploadVersion
    fields = ["number", "reference", "original_name", "file_type", "size", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Upload)
class UploadAdmin(ScannerStatusMixin, admin.ModelAdmin):
    list_display = ["description", "area_request", "created_at"]
    search_fields = ["description", "versions__reference"]
    list_select_related = ["area_request__request", "area_request__review_area__local_authority"]
    readonly_fields = ["area_request", "current_version", "created_at"]
    inlines = [UploadVersionInline]

    def has_add_permission(self, request):
        return False  # files come in only through the checked upload pages


@admin.register(UploadVersion)
class UploadVersionAdmin(ScannerStatusMixin, admin.ModelAdmin):
    list_display = ["reference", "original_name", "file_type", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["reference", "original_name", "sha256"]
    list_filter = ["file_type"]
    list_select_related = ["uploaded_by"]
    readonly_fields = [f.name for f in UploadVersion._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AreaBundle)
class AreaBundleAdmin(admin.ModelAdmin):
    list_display = ["review_area", "requested_by", "requested_at", "status", "files_done", "files_total"]
    list_filter = ["status"]
    list_select_related = ["review_area__local_authority", "review_area__review", "requested_by"]
    readonly_fields = [f.name for f in AreaBundle._meta.fields]

    def has_add_permission(self, request):
        return False
