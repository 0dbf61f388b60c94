"""Answering a survey through an area's link: no account (except the national survey), no personal data.

Answers in progress live in the session under the link, with the idempotency key for the final
submit. After submitting, an anonymous respondent's session is flushed so its cookie is not kept.
Every POST checks the survey's window first.
"""

import uuid

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from surveys import actions
from surveys.access import respondent_link
from surveys.forms import AnswerPageForm, last_day
from surveys.models import Audience, SurveyLink
from surveys.questionnaire import Questionnaire


def _draft(request, link):
    return request.session.get(f"survey:{link.pk}") or {"answers": {}, "key": str(uuid.uuid4())}


def _save_draft(request, link, draft):
    request.session[f"survey:{link.pk}"] = draft


def _link_or_sign_in(request, token):
    try:
        return respondent_link(token, request.user), None
    except Http404:
        national = SurveyLink.objects.filter(token=str(token)[:64], survey__audience=Audience.LOCAL_AUTHORITIES)
        if not request.user.is_authenticated and national.exists():
            return None, redirect_to_login(request.get_full_path())
        raise


def _window_page(request, link, status=200):
    """The clear page shown before the window opens and after it closes; it accepts nothing."""
    survey = link.survey
    return render(
        request,
        "surveys/answer/not_open.html",
        {
            "survey": survey,
            "state": survey.window_state(),
            "last_day": last_day(survey.closes_at),
            "refused": status == 403,
            "page_title": survey.title,
        },
        status=status,
    )


def _closed(request, link):
    if request.method == "POST":
        return _window_page(request, link, status=403)
    return _window_page(request, link)


def start(request, token):
    link, sign_in = _link_or_sign_in(request, token)
    if sign_in:
        return sign_in
    if not link.survey.is_open():
        return _closed(request, link)
    questionnaire = Questionnaire(link.survey)
    answers = _draft(request, link)["answers"]
    pages = questionnaire.pages(answers)
    return render(
        request,
        "surveys/answer/start.html",
        {
            "link": link,
            "survey": link.survey,
            "sections": len(pages),
            "resume": bool(answers),
            "last_day": last_day(link.survey.closes_at),
            "page_title": link.survey.title,
        },
    )


@require_http_methods(["GET", "POST"])
def section(request, token, number):
    link, sign_in = _link_or_sign_in(request, token)
    if sign_in:
        return sign_in
    if not link.survey.is_open():
        return _closed(request, link)
    questionnaire = Questionnaire(link.survey)
    draft = _draft(request, link)
    page = questionnaire.page(draft["answers"], number)
    if page is None:
        return redirect("surveys:section", token=link.token, number=1)
    changing = request.GET.get("change") == "1"
    button = "Save and go back" if changing else "Save and continue"
    form = AnswerPageForm(
        request.POST if request.method == "POST" else None,
        questions=page.questions,
        plain_words=link.survey.plain_words,
        button=button,
        initial=AnswerPageForm.initial_from(page.questions, draft["answers"]),
    )
    if request.method == "POST" and form.is_valid():
        shown_before = {q.pk for q in page.questions}
        draft["answers"] = questionnaire.tidy({**draft["answers"], **form.answers()})
        _save_draft(request, link, draft)
        now = questionnaire.page(draft["answers"], number)
        if now is not None and {q.pk for q in now.questions} - shown_before:
            # A follow-up now shows on this page: ask it before moving on.
            return redirect(_section_url(link, number, changing))
        if changing or number >= len(questionnaire.pages(draft["answers"])):
            return redirect("surveys:check", token=link.token)
        return redirect("surveys:section", token=link.token, number=number + 1)
    if request.method == "GET":
        _save_draft(request, link, draft)
    return render(
        request,
        "surveys/answer/section.html",
        {
            "link": link,
            "survey": link.survey,
            "page": page,
            "form": form,
            "back": _section_url(link, number - 1) if number > 1 else reverse("surveys:start", args=[link.token]),
            "page_title": f"{'Error: ' if form.errors else ''}{page.section.title} - {link.survey.title}",
        },
    )


def _section_url(link, number, changing=False):
    url = reverse("surveys:section", kwargs={"token": link.token, "number": number})
    return url + ("?change=1" if changing else "")


@require_http_methods(["GET", "POST"])
def check(request, token):
    link, sign_in = _link_or_sign_in(request, token)
    if sign_in:
        return sign_in
    if not link.survey.is_open():
        return _closed(request, link)
    questionnaire = Questionnaire(link.survey)
    draft = _draft(request, link)
    error = None
    if request.method == "POST":
        try:
            actions.submit_response(
                link,
                draft["answers"],
                key=request.POST.get("idempotency_key"),
                respondent=request.user if request.user.is_authenticated else None,
            )
        except actions.SurveyClosed:
            return _window_page(request, link, status=403)
        except actions.SurveyActionRefused as refusal:
            error = refusal.message
        else:
            _forget(request, link)
            return redirect("surveys:done", token=link.token)
    missing_page = questionnaire.first_page_with_missing(draft["answers"])
    if request.method == "GET" and missing_page is not None and not draft["answers"]:
        return redirect("surveys:section", token=link.token, number=1)
    _save_draft(request, link, draft)
    missing = {q.pk for q in questionnaire.missing(draft["answers"])}
    pages = [
        (
            page,
            [(q, questionnaire.display(q, draft["answers"].get(str(q.pk))), q.pk in missing) for q in page.questions],
        )
        for page in questionnaire.pages(draft["answers"])
    ]
    return render(
        request,
        "surveys/answer/check.html",
        {
            "link": link,
            "survey": link.survey,
            "pages": pages,
            "key": draft["key"],
            "error": error,
            "incomplete": bool(missing),
            "page_title": f"{'Error: ' if error else ''}Check your answers - {link.survey.title}",
        },
        status=400 if error else 200,
    )


def _forget(request, link):
    """Drop the answers in progress. An anonymous respondent keeps no session at all."""
    if request.user.is_authenticated:
        request.session.pop(f"survey:{link.pk}", None)
    else:
        request.session.flush()


def done(request, token):
    link, sign_in = _link_or_sign_in(request, token)
    if sign_in:
        return sign_in
    return render(
        request,
        "surveys/answer/done.html",
        {"link": link, "survey": link.survey, "page_title": f"Answers sent - {link.survey.title}"},
    )
