from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path

from inspectorate.accounts import subject_access
from inspectorate.accounts.actions import send_invitation
from inspectorate.accounts.models import User
from inspectorate.audit.trail import Action, record


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

    change_form_template = "admin/accounts/user/change_form.html"

    def get_urls(self):
        return [
            path(
                "<int:user_id>/subject-access/",
                self.admin_site.admin_view(self.subject_access),
                name="accounts-user-subject-access",
            ),
            *super().get_urls(),
        ]

    def subject_access(self, request, user_id):
        """Everything the service holds about one account, for a subject access request."""
        person = get_object_or_404(User, pk=user_id)
        record(request.user, Action.VIEW, person, purpose="subject access")
        context = {
            **self.admin_site.each_context(request),
            "title": f"What we hold about {person.full_name}",
            "person": person,
            "details": subject_access.account_details(person),
            "holdings": subject_access.holdings(person),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/accounts/user/subject_access.html", context)

    @admin.action(description="Send the invitation email again")
    def resend_invitation(self, request, queryset):
        for user in queryset:
            send_invitation(user)
        messages.info(request, f"Sent {queryset.count()} invitation(s).")
