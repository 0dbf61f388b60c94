from django.contrib import admin

from reviews.models import Review, ReviewArea, StatusChange, TeamMember


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
    list_filter = ["kind", "status"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_inspector", "support_officer", "follows"]
    inlines = [TeamMemberInline, ReviewAreaInline]


@admin.register(ReviewArea)
class ReviewAreaAdmin(admin.ModelAdmin):
    list_display = ["local_authority", "review", "phase", "nomination_status", "coordinator", "nomination_deadline"]
    list_filter = ["phase", "nomination_status", "review"]
    search_fields = ["local_authority__name", "review__title"]
    list_select_related = ["local_authority", "review", "coordinator"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["review", "from_status", "to_status", "changed_by", "changed_at"]
    list_filter = ["to_status"]

    def has_change_permission(self, request, obj=None):
        return False
