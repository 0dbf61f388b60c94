from django.contrib import admin
from import_export.admin import ExportMixin

from records.exports import ReadingAnswerResource
from records.models import (
    Answer,
    CaseList,
    CaseListField,
    CaseRecord,
    ModeratedAnswer,
    Reading,
    ReadingQuestion,
    ReadingSection,
    ReadingTemplate,
    Sample,
    SampleDraw,
    SampledRecord,
)


@admin.register(CaseListField)
class CaseListFieldAdmin(admin.ModelAdmin):
    list_display = ["label", "name", "review", "order"]
    list_filter = ["review"]


@admin.register(CaseList)
class CaseListAdmin(admin.ModelAdmin):
    list_display = ["review_area", "record_count", "uploaded_by", "uploaded_at"]
    list_select_related = ["review_area__local_authority", "review_area__review", "uploaded_by"]
    raw_id_fields = ["review_area", "uploaded_by"]


@admin.register(CaseRecord)
class CaseRecordAdmin(admin.ModelAdmin):
    list_display = ["reference", "case_list"]
    search_fields = ["reference"]
    list_select_related = ["case_list__review_area__local_authority", "case_list__review_area__review"]
    raw_id_fields = ["case_list"]


@admin.register(Sample)
class SampleAdmin(admin.ModelAdmin):
    list_display = ["review_area", "size", "seed", "drawn_by", "drawn_at", "results_released_at"]
    list_select_related = ["review_area__local_authority", "review_area__review", "drawn_by"]
    readonly_fields = ["seed", "population_sha256", "population_size", "drawn_by", "drawn_at"]
    raw_id_fields = ["review_area", "results_released_by"]


@admin.register(SampleDraw)
class SampleDrawAdmin(admin.ModelAdmin):
    """The draw history is evidence: it is read-only here."""

    list_display = ["review_area", "size", "seed", "population_sha256", "drawn_by", "drawn_at"]
    list_select_related = ["review_area__local_authority", "review_area__review", "drawn_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SampledRecord)
class SampledRecordAdmin(admin.ModelAdmin):
    list_display = ["reference", "sample", "kind", "position", "in_sample", "not_read_reason"]
    list_filter = ["kind", "in_sample", "not_read_reason"]
    search_fields = ["reference"]
    raw_id_fields = ["sample", "case_record", "replaces", "marked_not_read_by"]


class ReadingQuestionInline(admin.TabularInline):
    model = ReadingQuestion
    extra = 0


@admin.register(ReadingSection)
class ReadingSectionAdmin(admin.ModelAdmin):
    list_display = ["title", "number", "template"]
    inlines = [ReadingQuestionInline]


class ReadingSectionInline(admin.TabularInline):
    model = ReadingSection
    extra = 0


@admin.register(ReadingTemplate)
class ReadingTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "review"]
    inlines = [ReadingSectionInline]


@admin.register(ReadingQuestion)
class ReadingQuestionAdmin(admin.ModelAdmin):
    list_display = ["key", "text", "kind", "section"]
    list_filter = ["kind"]


@admin.register(Reading)
class ReadingAdmin(admin.ModelAdmin):
    list_display = ["sampled_record", "reader", "is_second", "completed_at"]
    list_filter = ["is_second"]
    raw_id_fields = ["sampled_record", "reader"]


@admin.register(Answer)
class AnswerAdmin(ExportMixin, admin.ModelAdmin):
    resource_classes = [ReadingAnswerResource]
    list_display = ["reading", "question", "value"]
    raw_id_fields = ["reading", "question"]


@admin.register(ModeratedAnswer)
class ModeratedAnswerAdmin(admin.ModelAdmin):
    list_display = ["sampled_record", "question", "value", "decided_by", "decided_at"]
    raw_id_fields = ["sampled_record", "question", "decided_by"]
