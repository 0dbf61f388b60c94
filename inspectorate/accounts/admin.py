from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from inspectorate.accounts.actions import send_invitation
from inspectorate.accounts.models import User


class UserCreationForm(forms.ModelForm):
    """Administrators create accounts without a password; the person is emailed a link to choose one."""

    class Meta:
        model = User
        fields = ["email", "full_name", "role", "local_authority", "provider"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = UserCreationForm
    list_display = ["email", "full_name", "role", "local_authority", "provider", "is_active", "last_login"]
    list_filter = ["role", "is_active", "local_authority"]
    search_fields = ["email", "full_name"]
    ordering = ["full_name"]
    autocomplete_fields = ["local_authority", "provider"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        ("Role", {"fields": ["role", "local_authority", "provider"]}),
        ("Status", {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "role", "local_authority", "provider"]})
    ]
    filter_horizontal = []
    actions = ["resend_invitation"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            obj.set_unusable_password()
            obj.save(update_fields=["password"])
            send_invitation(obj)
            messages.info(request, f"An invitation to choose a password was sent to {obj.email}.")

    @admin.action(description="Send the invitation email again")
    def resend_invitation(self, request, queryset):
        for user in queryset:
            send_invitation(user)
        messages.info(request, f"Sent {queryset.count()} invitation(s).")
