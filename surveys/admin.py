from django.contrib import admin, messages
from import_export.admin import ExportMixin

from inspectorate.audit.trail import Action, record
from surveys.exports import AnswerResource, as_download, results_dataset
from surveys.models import Answer, Option, Question, Response, Section, Survey, SurveyLink


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


class LinkInline(admin.TabularInline):
    model = SurveyLink
    extra = 0
    fields = ["review_area", "token", "expected_responses", "respondent", "released_at"]
    readonly_fields = ["token", "released_at"]
    raw_id_fields = ["review_area", "respondent"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "review", "audience", "opens_at", "closes_at"]
    list_filter = ["audience"]
    search_fields = ["title", "review__title"]
    inlines = [SectionInline, LinkInline]
    actions = ["download_results"]

    @admin.action(description="Download the results (suppressed) as Excel")
    def download_results(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select one survey to download its results.", level=messages.WARNING)
            return None
        survey = queryset.get()
        record(request.user, Action.DOWNLOAD, survey, export="results", format="xlsx", via="admin")
        return as_download(results_dataset(survey), f"{survey.pk}-results", "xlsx")


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "survey", "order"]
    search_fields = ["title", "survey__title"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Changing a question here bypasses the lock that keeps answered questions' meaning: prefer the
    survey builder, which refuses such changes."""

    list_display = ["text", "kind", "section", "required", "order"]
    list_filter = ["kind", "required"]
    search_fields = ["text"]
    raw_id_fields = ["section", "shown_when"]
    inlines = [OptionInline]


@admin.register(Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["label", "question", "order"]
    search_fields = ["label", "question__text"]
    raw_id_fields = ["question"]


@admin.register(SurveyLink)
class SurveyLinkAdmin(admin.ModelAdmin):
    list_display = ["survey", "review_area", "expected_responses", "released_at"]
    list_filter = ["survey__audience"]
    readonly_fields = ["token"]
    raw_id_fields = ["survey", "review_area", "respondent", "released_by"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Responses are read-only: they are what people told us."""

    list_display = ["pk", "survey", "link", "submitted_at"]
    list_filter = ["survey"]
    readonly_fields = [f.name for f in Response._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Answer)
class AnswerAdmin(ExportMixin, admin.ModelAdmin):
    """Raw anonymous answers, exportable as CSV or Excel for analysis."""

    resource_classes = [AnswerResource]
    list_display = ["response", "question", "option", "number", "short_text"]
    list_filter = ["question__section__survey"]
    list_select_related = ["question", "option"]
    readonly_fields = [f.name for f in Answer._meta.fields]

    @admin.display(description="Text")
    def short_text(self, answer):
        return answer.text[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
