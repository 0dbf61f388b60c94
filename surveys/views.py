"""The review team's survey pages (builder, sharing, results, exports) and the co-ordinator's pages."""

import io

import qrcode
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from inspectorate.audit.trail import Action, record
from inspectorate.disclosure import suppress_distribution
from surveys import actions, exports
from surveys.access import area_link, require_team, team_link, team_question, team_section, team_survey
from surveys.forms import (
    ExpectedResponsesForm,
    QuestionForm,
    SectionForm,
    SurveyCreateForm,
    SurveyDetailsForm,
    last_day,
)
from surveys.models import Survey, SurveyLink
from surveys.questionnaire import Questionnaire
from surveys.results import survey_results


def _form_page(request, form, *, title, back, caption="", status=200):
    return render(
        request,
        "surveys/form_page.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "back": back,
            "page_title": f"{'Error: ' if form.errors else ''}{title}",
        },
        status=status,
    )


def _check_direction(direction):
    if direction not in ("up", "down"):
        raise Http404("No such move")


def _refused(form, refusal):
    form.add_error(None, refusal.message)


# Building


@login_required
def survey_list(request):
    require_team(request.user)
    surveys = Survey.objects.for_user(request.user).select_related("review").order_by("review__title", "opens_at", "pk")
    now = timezone.now()
    rows = [(survey, survey.window_state(now), last_day(survey.closes_at)) for survey in surveys]
    return render(request, "surveys/list.html", {"rows": rows, "page_title": "Surveys"})


@login_required
@require_http_methods(["GET", "POST"])
def survey_create(request):
    require_team(request.user)
    form = SurveyCreateForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        opens_at, closes_at = form.window()
        try:
            survey = actions.create_survey(
                form.cleaned_data["review"],
                audience=form.cleaned_data["audience"],
                title=form.cleaned_data["title"],
                opens_at=opens_at,
                closes_at=closes_at,
                copy_from=form.cleaned_data["copy_from"],
                expected_responses_per_area=form.cleaned_data["expected_responses_per_area"],
                by=request.user,
            )
        except actions.SurveyActionRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, f"{survey.title} created")
            return redirect(survey)
    return _form_page(request, form, title="Create a survey", back=reverse("surveys:list"))


@login_required
def survey_detail(request, pk):
    survey = team_survey(request.user, pk)
    questionnaire = Questionnaire(survey)
    links = SurveyLink.objects.filter(survey=survey).select_related("review_area__local_authority", "respondent")
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "sections": questionnaire.sections,
            "links": links,
            "state": survey.window_state(),
            "last_day": last_day(survey.closes_at),
            "locked": survey.has_answers(),
            "page_title": survey.title,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_edit(request, pk):
    survey = team_survey(request.user, pk)
    form = SurveyDetailsForm.for_survey(survey, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        opens_at, closes_at = form.window()
        try:
            actions.update_survey(
                survey,
                by=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                opens_at=opens_at,
                closes_at=closes_at,
                expected_responses_per_area=form.cleaned_data["expected_responses_per_area"],
            )
        except actions.SurveyActionRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Survey details saved")
            return redirect(survey)
    return _form_page(request, form, title="Survey details", caption=survey.title, back=survey.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def section_add(request, pk):
    survey = team_survey(request.user, pk)
    form = SectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.add_section(survey, **form.cleaned_data)
        messages.success(request, "Section added")
        return redirect(survey)
    return _form_page(request, form, title="Add a section", caption=survey.title, back=survey.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk):
    section = team_section(request.user, pk)
    form = SectionForm(
        request.POST if request.method == "POST" else None, initial={"title": section.title, "intro": section.intro}
    )
    if request.method == "POST" and form.is_valid():
        actions.update_section(section, **form.cleaned_data)
        messages.success(request, "Section saved")
        return redirect(section.survey)
    return _form_page(
        request, form, title="Change section", caption=section.survey.title, back=section.survey.get_absolute_url()
    )


@login_required
@require_POST
def section_move(request, pk, direction):
    section = team_section(request.user, pk)
    _check_direction(direction)
    actions.move(section, direction)
    return redirect(section.survey.get_absolute_url() + f"#section-{section.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk):
    section = team_section(request.user, pk)
    form = QuestionForm(request.POST if request.method == "POST" else None, triggers=actions.trigger_choices(section))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_question(
                section,
                kind=data["kind"],
                text=data["text"],
                help_text=data["help_text"],
                required=data["required"],
                options=data["options"],
                shown_when=data["shown_when"],
            )
        except actions.SurveyActionRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Question added")
            return redirect(section.survey.get_absolute_url() + f"#section-{section.pk}")
    return _form_page(
        request, form, title="Add a question", caption=section.title, back=section.survey.get_absolute_url()
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk):
    question = team_question(request.user, pk)
    survey = question.section.survey
    locked = survey.has_answers()
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        initial=QuestionForm.initial_for(question),
        triggers=actions.trigger_choices(question.section, question.order),
        locked=locked,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_question(
                question,
                by=request.user,
                text=data["text"],
                help_text=data["help_text"],
                kind=data["kind"],
                required=data["required"],
                options=data["options"],
                shown_when=data["shown_when"],
            )
        except actions.SurveyActionRefused as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, "Question saved")
            return redirect(survey.get_absolute_url() + f"#section-{question.section_id}")
    return _form_page(
        request, form, title="Change question", caption=question.section.title, back=survey.get_absolute_url()
    )


@login_required
@require_POST
def question_delete(request, pk):
    question = team_question(request.user, pk)
    survey = question.section.survey
    try:
        actions.delete_question(question, by=request.user)
    except actions.SurveyActionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, "Question removed")
    return redirect(survey)


@login_required
@require_POST
def question_move(request, pk, direction):
    question = team_question(request.user, pk)
    _check_direction(direction)
    actions.move(question, direction)
    return redirect(question.section.survey.get_absolute_url() + f"#section-{question.section_id}")


# Sharing


@login_required
@require_POST
def links_create(request, pk):
    survey = team_survey(request.user, pk)
    created = actions.create_links(survey)
    messages.success(request, f"{len(created)} new link{'s' if len(created) != 1 else ''} created")
    return redirect(survey.get_absolute_url() + "#links")


@login_required
@require_POST
def link_expected(request, pk):
    link = team_link(request.user, pk)
    form = ExpectedResponsesForm(request.POST)
    if form.is_valid():
        link.expected_responses = form.cleaned_data["expected_responses"]
        link.save(update_fields=["expected_responses"])
        messages.success(request, f"Expected responses for {link.local_authority} saved")
    else:
        messages.error(request, "Enter the expected number of responses as a whole number, like 120")
    return redirect(link.survey.get_absolute_url() + "#links")


@login_required
@require_POST
def link_release(request, pk):
    link = team_link(request.user, pk)
    try:
        actions.release_results(link, by=request.user)
    except actions.SurveyActionRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, f"Results released to {link.local_authority}")
    return redirect(reverse("surveys:results", args=[link.survey_id]) + "#areas")


@login_required
def qr_code(request, pk):
    link = area_link(request.user, pk)
    if not link.survey.is_anonymous:
        raise Http404("The national survey is answered by signing in")
    image = qrcode.make(request.build_absolute_uri(link.get_absolute_url()), box_size=8, border=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="survey-{link.local_authority.slug}.png"'
    return response


@login_required
def shared(request):
    """A co-ordinator's surveys: the links to share, the response count, and released results."""
    if not request.user.is_coordinator:
        raise PermissionDenied
    links = (
        SurveyLink.objects.for_user(request.user)
        .select_related("survey__review", "review_area__local_authority")
        .annotate(responses_count=Count("responses"))
        .order_by("-survey__opens_at")
    )
    now = timezone.now()
    rows = [
        {
            "link": link,
            "url": request.build_absolute_uri(link.get_absolute_url()),
            "state": link.survey.window_state(now),
            "last_day": last_day(link.survey.closes_at),
            "responses": suppress_distribution({link.pk: link.responses_count}).cells[link.pk],
        }
        for link in links
    ]
    return render(request, "surveys/shared.html", {"rows": rows, "page_title": "Your surveys"})


# Results


@login_required
def results(request, pk):
    survey = team_survey(request.user, pk)
    link = None
    if request.GET.get("area"):
        link = _survey_link(survey, request.GET["area"])
    data = survey_results(survey, link=link, include_text=True)
    # The team's view includes free-text answers, which may hold sensitive detail.
    record(request.user, Action.VIEW, survey, what="results with free text", area=link.pk if link else None)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": data,
            "team": True,
            "links": [area.link for area in data.areas],
            "page_title": f"Results: {survey.title}",
        },
    )


def _survey_link(survey, value):
    try:
        return survey.links.select_related("review_area__local_authority").get(pk=int(value))
    except (ValueError, SurveyLink.DoesNotExist):
        raise Http404("No such area") from None


@login_required
def area_results(request, pk):
    """One area's results, for its co-ordinator once the team has released them."""
    link = area_link(request.user, pk)
    if request.user.is_coordinator and not link.is_released:
        raise Http404("These results have not been released")
    data = survey_results(link.survey, link=link, include_text=False)
    record(request.user, Action.VIEW, link, what="area results")
    return render(
        request,
        "surveys/results.html",
        {"survey": link.survey, "results": data, "team": False, "page_title": f"Results: {link.survey.title}"},
    )


@login_required
def export(request, pk, what, file_format):
    """Aggregated results (suppressed) or the raw anonymous answers (team only), as CSV or Excel."""
    survey = team_survey(request.user, pk)
    if what not in ("results", "answers"):
        raise Http404("No such export")
    link = _survey_link(survey, request.GET["area"]) if request.GET.get("area") else None
    if what == "results":
        dataset = exports.results_dataset(survey, link=link)
    else:
        dataset = exports.answers_dataset(survey, link=link)
    record(request.user, Action.DOWNLOAD, survey, export=what, format=file_format, area=link.pk if link else None)
    return exports.as_download(dataset, f"{survey.pk}-{what}", file_format)
