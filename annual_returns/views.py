"""Provider pages: the list of services, a return's task list, its sections, check answers and submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from annual_returns import actions, queries
from annual_returns.forms import DeclarationForm, SectionForm
from annual_returns.models import AnnualReturn, Cycle
from annual_returns.presentation import answer_rows
from inspectorate.audit.trail import Action, record
from inspectorate.organisations.models import CareService
from inspectorate.scoping import get_for_user


def provider_only(user):
    if not user.is_provider_user:
        raise PermissionDenied("Only the service's provider can fill in its annual return.")


def _return_for(request, pk):
    return get_for_user(
        AnnualReturn.objects.select_related("cycle__question_set", "service__provider"), request.user, pk=pk
    )


def _section(annual_return, key):
    for section in annual_return.sections():
        if section["key"] == key:
            return section
    raise Http404("No such section")


@login_required
def provider_home(request):
    provider_only(request.user)
    cycle = actions.current_cycle()
    context = {"cycle": cycle, "rows": [], "past": []}
    if cycle is not None:
        context["rows"] = queries.provider_rows(request.user, cycle)
        context["past"] = queries.past_returns(request.user, cycle)
    return render(request, "annual_returns/provider_home.html", context)


@login_required
@require_POST
def start(request, registration_number, year):
    provider_only(request.user)
    service = get_for_user(CareService, request.user, registration_number=registration_number)
    # Cycles are public facts (the dates of the window), not anyone's data: no scoping needed.
    cycle = get_object_or_404(Cycle, year=year)
    try:
        annual_return = actions.start_return(service=service, cycle=cycle, by=request.user)
    except actions.ReturnRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("annual_returns:home")
    return redirect(annual_return)


@login_required
def task_list(request, pk):
    provider_only(request.user)
    annual_return = _return_for(request, pk)
    if annual_return.is_submitted:
        return redirect("annual_returns:answers", pk=annual_return.pk)
    rows = {row.section: row for row in annual_return.section_answers.all()}
    statuses = actions.section_statuses(annual_return, rows)
    sections = [
        {
            **section,
            "status": statuses[section["key"]],
            "carried_forward": rows.get(section["key"]) is not None and rows[section["key"]].carried_forward,
        }
        for section in annual_return.sections()
    ]
    context = {
        "annual_return": annual_return,
        "sections": sections,
        "completed": sum(1 for s in sections if s["status"] == "completed"),
        "all_completed": all(s["status"] == "completed" for s in sections),
        "deadline": actions.deadline_for(annual_return.cycle, annual_return.service),
    }
    return render(request, "annual_returns/task_list.html", context)


@login_required
def section(request, pk, key):
    provider_only(request.user)
    annual_return = _return_for(request, pk)
    if annual_return.is_submitted:
        return redirect("annual_returns:answers", pk=annual_return.pk)
    section = _section(annual_return, key)
    row = annual_return.section_answers.filter(section=key).first()
    form = SectionForm(
        request.POST if request.method == "POST" else None,
        section=section,
        explanations=row.explanations if row else {},
        initial={**(row.answers if row else {}), **({"completed": "yes"} if row and row.status == "completed" else {})},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_section(
                annual_return=annual_return,
                section=key,
                answers=form.answers(),
                explanations=form.explanations(),
                completed=form.completing,
                by=request.user,
            )
        except actions.ReturnRefused as refusal:
            messages.error(request, str(refusal))
        return redirect(annual_return)
    context = {
        "annual_return": annual_return,
        "section": section,
        "form": form,
        "carried_forward": row is not None and row.carried_forward,
    }
    return render(request, "annual_returns/section.html", context)


@login_required
def check_answers(request, pk):
    provider_only(request.user)
    annual_return = _return_for(request, pk)
    if annual_return.is_submitted:
        return redirect("annual_returns:answers", pk=annual_return.pk)
    form = DeclarationForm(
        request.POST if request.method == "POST" else None, initial={"declared_name": request.user.full_name}
    )
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            actions.submit_return(annual_return_id=annual_return.pk, by=request.user, **_declaration(form))
        except actions.ReturnRefused as refusal:
            error = str(refusal)
        else:
            return redirect("annual_returns:confirmation", pk=annual_return.pk)
    context = {
        "annual_return": annual_return,
        "sections": answer_rows(annual_return),
        "form": form,
        "refusal": error,
        "deadline": actions.deadline_for(annual_return.cycle, annual_return.service),
    }
    return render(request, "annual_returns/check_answers.html", context)


def _declaration(form):
    return {
        "declared_name": form.cleaned_data["declared_name"],
        "declared_position": form.cleaned_data["declared_position"],
    }


@login_required
def confirmation(request, pk):
    provider_only(request.user)
    annual_return = _return_for(request, pk)
    if not annual_return.is_submitted:
        return redirect(annual_return)
    return render(request, "annual_returns/confirmation.html", {"annual_return": annual_return})


@login_required
def answers(request, pk):
    """A return as answered: read-only, for its provider and for regulator staff."""
    annual_return = _return_for(request, pk)
    if not request.user.is_provider_user:
        record(request.user, Action.VIEW, annual_return)
    context = {
        "annual_return": annual_return,
        "sections": answer_rows(annual_return),
        "for_regulator": not request.user.is_provider_user,
    }
    return render(request, "annual_returns/answers.html", context)
