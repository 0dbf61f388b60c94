from django.contrib import admin
from import_export.admin import ImportExportModelAdmin

from inspectorate.organisations.models import CareService, LocalAuthority, Provider, SchoolHoliday
from inspectorate.organisations.resources import ServiceRegisterResource


class SchoolHolidayInline(admin.TabularInline):
    model = SchoolHoliday
    extra = 1


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "gss_code"]
    search_fields = ["name", "gss_code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SchoolHolidayInline]


@admin.register(SchoolHoliday)
class SchoolHolidayAdmin(admin.ModelAdmin):
    list_display = ["local_authority", "name", "starts_on", "ends_on"]
    list_filter = ["local_authority"]
    date_hierarchy = "starts_on"


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "provider_number"]
    search_fields = ["name", "provider_number"]


@admin.register(CareService)
class CareServiceAdmin(ImportExportModelAdmin):
    resource_classes = [ServiceRegisterResource]
    list_display = ["registration_number", "name", "provider", "service_type", "local_authority", "status", "capacity"]
    list_filter = ["status", "service_type", "local_authority"]
    search_fields = ["registration_number", "name", "provider__name"]
    autocomplete_fields = ["provider", "local_authority"]
    list_select_related = ["provider", "local_authority"]
