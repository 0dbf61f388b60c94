from django.contrib import admin

from annual_returns import actions
from annual_returns.models import Cycle, DeadlineExtension, QuestionSet
from inspectorate.audit.trail import Action, record


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
