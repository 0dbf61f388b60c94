import logging

from django.contrib import admin
from django.db import transaction
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from import_export.admin import ImportExportModelAdmin

from annual_returns import actions
from annual_returns.models import AnnualReturn, Cycle, DeadlineExtension, ImportJob, QuestionSet
from annual_returns.resources import AnnualReturnResource
from inspectorate.audit.trail import Action, record

logger = logging.getLogger(__name__)


class DeadlineExtensionInline(admin.TabularInline):
    model = DeadlineExtension
    extra = 0
    autocomplete_fields = ["service"]
    fields = ["service", "deadline", "reason", "granted_by"]
    readonly_fields = ["granted_by"]


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    """Administrators open a cycle here; its question set is frozen when it is first saved."""

    list_display = ["year", "opens_on", "closes_on", "extended_to"]
    fields = ["year", "opens_on", "closes_on", "extended_to"]
    inlines = [DeadlineExtensionInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.opened_by = request.user
        super().save_model(request, obj, form, change)
        actions.ensure_question_set(obj)
        record(request.user, Action.CHANGE if change else Action.CREATE, obj, closes_on=str(obj.deadline))

    def save_formset(self, request, form, formset, change):
        extensions = formset.save(commit=False)
        for extension in extensions:
            if extension.granted_by_id is None:
                extension.granted_by = request.user
            extension.save()
            record(request.user, Action.DECIDE, extension, deadline=str(extension.deadline))
        for removed in formset.deleted_objects:
            removed.delete()


@admin.register(QuestionSet)
class QuestionSetAdmin(admin.ModelAdmin):
    """Read-only: a cycle's questions never change once returns have been answered against them."""

    list_display = ["cycle", "created_at"]
    readonly_fields = ["cycle", "definition", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AnnualReturn)
class AnnualReturnAdmin(ImportExportModelAdmin):
    """Export returns, and import past returns with a dry-run preview that lists every bad row."""

    resource_classes = [AnnualReturnResource]
    list_display = ["service", "cycle", "status", "reference", "submitted_at"]
    list_filter = ["cycle", "status", "service__service_type"]
    search_fields = ["service__name", "service__registration_number", "reference"]
    list_select_related = ["service", "cycle"]
    readonly_fields = [f.name for f in AnnualReturn._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Large imports (a whole national register) run on a worker; this page shows their progress."""

    list_display = ["__str__", "kind", "status", "progress", "created_by"]
    fields = ["kind", "file", "status", "progress", "bad_rows_report", "error", "created_by", "finished_at"]
    readonly_fields = ["status", "progress", "bad_rows_report", "error", "created_by", "finished_at"]

    @admin.display(description="Progress")
    def progress(self, job):
        return f"{job.processed_rows} of {job.total_rows} rows ({job.percent_done}%)"

    @admin.display(description="Bad rows")
    def bad_rows_report(self, job):
        if not job.bad_rows:
            return "None"
        return format_html_join(
            mark_safe("<br>"), "Row {}: {}", ((r["row"], "; ".join(r["errors"])) for r in job.bad_rows)
        )

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "kind", "file"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            record(request.user, Action.CREATE, obj, kind=obj.kind)
            transaction.on_commit(lambda: _enqueue_import(obj.pk))


def _enqueue_import(job_id):
    from annual_returns.tasks import run_import_job

    try:
        run_import_job.delay(job_id)
    except Exception:  # the broker being down must not break the admin page; the job stays "waiting"
        logger.warning("Could not queue import job %s", job_id)
