"""Sign in, sign out and choosing a password, in the GOV.UK layout."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from inspectorate.accounts import two_factor
from inspectorate.accounts.forms import (
    GovukPasswordResetForm,
    GovukSetPasswordForm,
    PreferencesForm,
    SignInForm,
    TwoFactorCodeForm,
)


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = GovukPasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = GovukSetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _next_page(request):
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "core:home"


@login_required
def two_factor_verify(request):
    """The second step of signing in: a code from the authenticator app."""
    if request.user.is_verified() or not two_factor.has_device(request.user):
        return redirect(_next_page(request))
    form = TwoFactorCodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(_next_page(request))
        form.reject()
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@login_required
def two_factor_set_up(request):
    """Set up an authenticator app: scan the QR code (or type the key), then enter a code to confirm."""
    if two_factor.has_device(request.user):
        return redirect(_next_page(request))
    device = two_factor.pending_device(request.user)
    form = TwoFactorCodeForm(request.POST or None, submit_label="Confirm and continue")
    if form.is_valid():
        if two_factor.confirm_set_up(request, device, form.cleaned_data["code"]):
            return redirect(_next_page(request))
        form.reject()
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_data_uri(device),
        "secret": two_factor.secret_for_typing(device),
        "required": two_factor.is_required(request.user),
    }
    return render(request, "accounts/two_factor_set_up.html", context)


@login_required
def account(request):
    """The person's own account: how they hear from the service, and two-factor sign-in."""
    form = PreferencesForm(request.POST or None, initial={"email_digest": str(request.user.email_digest)})
    if form.is_valid():
        request.user.email_digest = form.cleaned_data["email_digest"]
        request.user.save(update_fields=["email_digest"])
        messages.success(request, "Your choice has been saved.")
        return redirect("accounts:account")
    context = {"form": form, "has_two_factor": two_factor.has_device(request.user)}
    return render(request, "accounts/account.html", context)
