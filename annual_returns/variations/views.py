"""Variation pages: providers start and follow their requests; the registration team assesses them."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from annual_returns.variations import forms as vforms
from annual_returns.variations import workflow
from annual_returns.variations.models import VariationDocument, VariationRequest, VariationStatus
from inspectorate import uploads
from inspectorate.audit.trail import Action, record
from inspectorate.scoping import get_for_user

S = VariationStatus
ENDING_SOON_DAYS = 28


def _can_assess(user):
    return user.is_regulator_staff or user.is_administrator


def _variation(request, pk):
    if not (request.user.is_provider_user or _can_assess(request.user)):
        raise Http404("No such page")
    return get_for_user(VariationRequest.objects.select_related("service__provider"), request.user, pk=pk)


def _action_forms(variation, user, data=None, files=None, only=None):
    """The forms this person may use on the variation now, keyed by action name."""
    makers = {}
    if user.is_provider_user:
        if variation.status == S.INFORMATION_REQUESTED:
            makers["answer"] = lambda d, f: vforms.TextActionForm(
                d,
                f,
                label="Your answer",
                button="Send your answer",
                required_message="Enter your answer",
                with_document=True,
            )
        if variation.status == S.AGREED:
            makers["evaluation"] = lambda d, f: vforms.TextActionForm(
                d,
                f,
                label="Your evaluation of the change",
                button="Submit the evaluation",
                required_message="Enter your evaluation",
                with_document=True,
            )
    elif _can_assess(user):
        if variation.status == S.SUBMITTED:
            makers["request_information"] = lambda d, f: vforms.TextActionForm(
                d,
                label="Request more information",
                button="Send the request",
                required_message="Enter what you need to know",
            )
            makers["agree"] = lambda d, f: vforms.AgreeForm(d)
            makers["refuse"] = lambda d, f: vforms.RefuseForm(d)
        if variation.status == S.AGREED:
            makers["end"] = lambda d, f: vforms.TextActionForm(
                d,
                label="End the variation early",
                button="End the variation",
                required_message="Enter why it is ending",
            )
        if variation.status == S.EVALUATION_SUBMITTED:
            makers["outcome"] = lambda d, f: vforms.OutcomeForm(d)
    forms_now = {
        name: make(data if name == only else None, files if name == only else None) for name, make in makers.items()
    }
    for form in forms_now.values():
        form.helper.form_tag = False  # the page wraps each in a form posting to its own action
    return forms_now


def _apply(action, variation, form, user):
    data = form.cleaned_data
    if action == "answer":
        return workflow.answer_information(variation, by=user, answer=data["text"], document=data.get("document"))
    if action == "evaluation":
        return workflow.submit_evaluation(variation, by=user, evaluation=data["text"], document=data.get("document"))
    if action == "request_information":
        return workflow.request_information(variation, by=user, question=data["text"])
    if action == "agree":
        return workflow.agree(variation, by=user, conditions=data["conditions"], end_on=data["end_on"])
    if action == "refuse":
        return workflow.refuse(variation, by=user, reasons=data["reasons"], explanation=data["explanation"])
    if action == "end":
        return workflow.end(variation, by=user, note=data["text"])
    if data["outcome"] == "permanent":
        return workflow.make_permanent(variation, by=user, note=data["note"])
    if data["outcome"] == "extend":
        return workflow.extend(variation, by=user, end_on=data["new_end_on"], note=data["note"])
    return workflow.end(variation, by=user, note=data["note"])


@login_required
def variation_list(request):
    user = request.user
    if not (user.is_provider_user or _can_assess(user)):
        raise PermissionDenied("Variations are for providers and the registration team.")
    variations = VariationRequest.objects.for_user(user).select_related("service")
    today = timezone.localdate()
    context = {"variations": variations, "for_team": _can_assess(user)}
    if _can_assess(user):
        soon = today + datetime.timedelta(days=ENDING_SOON_DAYS)
        context["awaiting"] = variations.filter(status__in=[S.SUBMITTED, S.EVALUATION_SUBMITTED])
        context["ending_soon"] = variations.filter(
            status=S.AGREED, conditions_end_on__gte=today, conditions_end_on__lte=soon
        )
        context["overdue"] = variations.filter(status=S.AGREED, conditions_end_on__lt=today)
    return render(request, "annual_returns/variations/list.html", context)


@login_required
def variation_start(request):
    if not request.user.is_provider_user:
        raise PermissionDenied("Only providers request variations.")
    form = vforms.VariationStartForm(
        request.POST if request.method == "POST" else None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "document"}
        variation = workflow.start(by=request.user, document=form.cleaned_data["document"], **fields)
        messages.success(request, f"Variation request {variation.reference} submitted")
        return redirect(variation)
    return render(request, "annual_returns/variations/start.html", {"form": form})


@login_required
def variation_detail(request, pk, action=None, bound=None):
    variation = _variation(request, pk)
    action_forms = _action_forms(variation, request.user)
    if bound is not None:
        bound.helper.form_tag = False
        action_forms[action] = bound
    context = {
        "variation": variation,
        "events": variation.events.select_related("by"),
        "documents": variation.documents.all(),
        "action_forms": action_forms,
        "any_errors": bound is not None,
        "can_assess": _can_assess(request.user),
    }
    return render(request, "annual_returns/variations/detail.html", context)


@login_required
@require_POST
def variation_act(request, pk, action):
    variation = _variation(request, pk)
    forms_now = _action_forms(variation, request.user, request.POST, request.FILES, only=action)
    if action not in forms_now:
        raise PermissionDenied("That action is not open to you on this variation now.")
    form = forms_now[action]
    if not form.is_valid():
        return variation_detail(request, pk, action=action, bound=form)
    try:
        _apply(action, variation, form, request.user)
    except workflow.MoveRefused as refusal:
        form.add_error(None, str(refusal))
        return variation_detail(request, pk, action=action, bound=form)
    return redirect(variation)


@login_required
def variation_document(request, pk):
    if not (request.user.is_provider_user or _can_assess(request.user)):
        raise Http404("No such page")
    document = get_for_user(VariationDocument, request.user, pk=pk)
    record(request.user, Action.DOWNLOAD, document, variation=document.variation_id)
    return FileResponse(
        uploads.open_stored(document.stored_name),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )
