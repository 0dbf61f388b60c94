from django.contrib import admin
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget

from inspectorate.organisations.models import LocalAuthority
from reviews.models import (
    ActionPlanItem,
    EngagementEvent,
    Evaluation,
    Finding,
    PublishedUpdate,
    QualityFramework,
    QualityIndicator,
    Review,
    ReviewArea,
    ReviewAreaInvitation,
    StatusChange,
    TeamMember,
    TimelineActivity,
)


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 1
    autocomplete_fields = ["user"]


class ReviewAreaInline(admin.TabularInline):
    model = ReviewArea
    extra = 0
    autocomplete_fields = ["local_authority", "coordinator"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "lead_inspector", "notification_date"]
    list_filter = ["kind", "status", "framework"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_inspector", "support_officer", "follows"]
    inlines = [TeamMemberInline, ReviewAreaInline]


class ReviewAreaResource(resources.ModelResource):
    """Areas of a review by the review's slug and the local authority's name, so a spreadsheet reads plainly."""

    review = fields.Field(attribute="review", column_name="review", widget=ForeignKeyWidget(Review, "slug"))
    local_authority = fields.Field(
        attribute="local_authority", column_name="local_authority", widget=ForeignKeyWidget(LocalAuthority, "name")
    )

    class Meta:
        model = ReviewArea
        fields = ["id", "review", "local_authority", "phase", "nomination_deadline", "nomination_status"]
        import_id_fields = ["review", "local_authority"]
        skip_unchanged = True


@admin.register(ReviewArea)
class ReviewAreaAdmin(ImportExportModelAdmin):
    resource_classes = [ReviewAreaResource]
    list_display = ["local_authority", "review", "phase", "nomination_status", "coordinator", "nomination_deadline"]
    list_filter = ["phase", "nomination_status", "review"]
    search_fields = ["local_authority__name", "review__title"]
    list_select_related = ["local_authority", "review", "coordinator"]
    autocomplete_fields = ["coordinator", "local_authority"]


class TimelineActivityResource(resources.ModelResource):
    review = fields.Field(attribute="review", column_name="review", widget=ForeignKeyWidget(Review, "slug"))

    class Meta:
        model = TimelineActivity
        fields = ["id", "review", "area", "kind", "title", "phase", "starts_on", "ends_on", "details", "generated"]


@admin.register(TimelineActivity)
class TimelineActivityAdmin(ImportExportModelAdmin):
    resource_classes = [TimelineActivityResource]
    list_display = ["title", "review", "kind", "area", "starts_on", "ends_on", "generated"]
    list_filter = ["kind", "generated", "review"]
    search_fields = ["title", "review__title", "area__local_authority__name"]
    list_select_related = ["review", "area__local_authority"]
    date_hierarchy = "starts_on"


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["review", "from_status", "to_status", "changed_by", "changed_at"]
    list_filter = ["to_status"]
    search_fields = ["review__title"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    list_display = ["user", "review", "role"]
    list_filter = ["role", "review"]
    search_fields = ["user__full_name", "user__email", "review__title"]
    autocomplete_fields = ["user"]


@admin.register(ReviewAreaInvitation)
class ReviewAreaInvitationAdmin(admin.ModelAdmin):
    list_display = ["area", "email", "invited_at", "nominated_at", "accepted_at"]
    search_fields = ["email", "area__local_authority__name", "area__review__title"]
    list_filter = ["area__review"]
    readonly_fields = ["nonce"]


@admin.register(EngagementEvent)
class EngagementEventAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "area", "children_count", "families_count", "staff_count", "leaders_count"]
    list_filter = ["kind", "review"]
    search_fields = ["review__title", "location", "area__local_authority__name"]
    date_hierarchy = "held_on"


@admin.register(PublishedUpdate)
class PublishedUpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "review", "published_on"]
    list_filter = ["review"]
    search_fields = ["title", "done_so_far", "next_steps"]


class QualityIndicatorInline(admin.TabularInline):
    model = QualityIndicator
    extra = 0


@admin.register(QualityFramework)
class QualityFrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    inlines = [QualityIndicatorInline]


@admin.register(QualityIndicator)
class QualityIndicatorAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "framework", "heading", "is_key"]
    list_filter = ["framework", "is_key"]
    search_fields = ["number", "title", "links_to"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["indicator", "review", "area", "grade", "evaluated_by", "evaluated_at"]
    list_filter = ["grade", "review", "indicator__framework"]
    search_fields = ["review__title", "indicator__title", "rationale"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "area", "kind"]
    list_filter = ["kind", "review"]
    search_fields = ["text", "review__title"]


@admin.register(ActionPlanItem)
class ActionPlanItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review", "area", "progress", "due_on"]
    list_filter = ["progress", "review"]
    search_fields = ["action", "owner", "review__title"]
