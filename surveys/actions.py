"""The verbs of the surveys app. Each runs in one transaction and refuses a wrong state with a clear
error (SurveyActionRefused, a ValidationError, so views can show it on the page)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from inspectorate.audit.trail import Action, record
from reviews.models import Phase
from surveys import seeds
from surveys.models import SCALES, Answer, Audience, Kind, Option, Question, Response, Section, Survey, SurveyLink
from surveys.questionnaire import Questionnaire, as_list, has_value


class SurveyActionRefused(ValidationError):
    pass


class QuestionLocked(SurveyActionRefused):
    """A question of a survey that has answers keeps its meaning: only its wording can be fixed."""


class SurveyClosed(SurveyActionRefused):
    pass


# Building


@transaction.atomic
def create_survey(review, *, audience, title, opens_at, closes_at, by, copy_from=None, expected_responses_per_area=0):
    """Create a survey for a review, from the audience's seed questionnaire or as a copy of another
    survey's questions, with a link for each area taking part."""
    if closes_at <= opens_at:
        raise SurveyActionRefused("The closing date must be after the opening date.")
    survey = Survey.objects.create(
        review=review,
        audience=audience,
        title=title,
        intro=copy_from.intro if copy_from else "",
        opens_at=opens_at,
        closes_at=closes_at,
        expected_responses_per_area=expected_responses_per_area,
    )
    if copy_from is not None:
        _copy_questions(copy_from, survey)
    else:
        _seed_questions(survey, seeds.SEEDS[audience])
    create_links(survey)
    record(by, Action.CREATE, survey, copied_from=copy_from.pk if copy_from else None)
    return survey


def _seed_questions(survey, seed):
    for section_order, (title, intro, questions) in enumerate(seed, 1):
        section = Section.objects.create(survey=survey, title=title, intro=intro, order=section_order)
        order = 0
        for spec in questions:
            order += 1
            question = _make_question(section, spec, order)
            for trigger_label, follow_up in spec["follow_ups"]:
                order += 1
                trigger = question.options.get(label=trigger_label)
                _make_question(section, follow_up, order, shown_when=trigger)


def _make_question(section, spec, order, shown_when=None):
    question = Question.objects.create(
        section=section,
        kind=spec["kind"],
        text=spec["text"],
        help_text=spec["help_text"],
        required=spec["required"],
        order=order,
        shown_when=shown_when,
    )
    _set_options(question, spec["options"])
    return question


def _set_options(question, labels):
    labels = SCALES.get(question.kind) or (labels if question.has_options else [])
    Option.objects.bulk_create(Option(question=question, label=label, order=i) for i, label in enumerate(labels, 1))


def _copy_questions(source, survey):
    new_options = {}
    for section in source.sections.prefetch_related("questions__options"):
        copy = Section.objects.create(survey=survey, title=section.title, intro=section.intro, order=section.order)
        for question in section.questions.all():
            new_question = Question.objects.create(
                section=copy,
                kind=question.kind,
                text=question.text,
                help_text=question.help_text,
                required=question.required,
                order=question.order,
                # Triggers always come earlier, so their copies already exist.
                shown_when=new_options.get(question.shown_when_id),
            )
            for option in question.options.all():
                new_options[option.pk] = Option.objects.create(
                    question=new_question, label=option.label, order=option.order
                )


@transaction.atomic
def create_links(survey):
    """A link for each participating area that has none yet. Staff, children's and parents'
    surveys go to the phase 2 areas; the national survey goes to every area, answered by its
    co-ordinator."""
    areas = survey.review.areas.select_related("local_authority")
    if survey.audience != Audience.LOCAL_AUTHORITIES:
        areas = areas.filter(phase=Phase.FIELDWORK)
    created = []
    for area in areas:
        link, made = SurveyLink.objects.get_or_create(
            survey=survey,
            review_area=area,
            defaults={
                "expected_responses": survey.expected_responses_per_area,
                "respondent": area.coordinator if not survey.is_anonymous else None,
            },
        )
        if made:
            created.append(link)
    return created


@transaction.atomic
def update_survey(survey, *, by, title, intro, opens_at, closes_at, expected_responses_per_area):
    if closes_at <= opens_at:
        raise SurveyActionRefused("The closing date must be after the opening date.")
    survey.title, survey.intro = title, intro
    survey.opens_at, survey.closes_at = opens_at, closes_at
    survey.expected_responses_per_area = expected_responses_per_area
    survey.save()
    record(by, Action.CHANGE, survey)
    return survey


@transaction.atomic
def add_section(survey, *, title, intro=""):
    last = survey.sections.aggregate(last=Max("order"))["last"] or 0
    return Section.objects.create(survey=survey, title=title, intro=intro, order=last + 1)


@transaction.atomic
def update_section(section, *, title, intro=""):
    section.title, section.intro = title, intro
    section.save(update_fields=["title", "intro"])
    return section


def _earlier_options(section, before_order=None):
    """Options of questions that come before a point in the survey: the only possible triggers."""
    options = Option.objects.filter(question__section__survey=section.survey)
    earlier = options.filter(question__section__order__lt=section.order)
    same = options.filter(question__section=section)
    if before_order is not None:
        same = same.filter(question__order__lt=before_order)
    return earlier | same


def trigger_choices(section, before_order=None):
    return (
        _earlier_options(section, before_order)
        .select_related("question")
        .order_by("question__section__order", "question__order", "order")
    )


def _check_trigger(section, shown_when, before_order):
    if shown_when is not None and not _earlier_options(section, before_order).filter(pk=shown_when.pk).exists():
        raise SurveyActionRefused("A follow-up question must follow the choice question that triggers it.")


@transaction.atomic
def add_question(section, *, kind, text, help_text="", required=True, options=(), shown_when=None):
    if kind in (Kind.SINGLE, Kind.MULTIPLE) and len([o for o in options if o.strip()]) < 2:
        raise SurveyActionRefused("Give at least two options, one a line.")
    _check_trigger(section, shown_when, None)
    last = section.questions.aggregate(last=Max("order"))["last"] or 0
    question = Question.objects.create(
        section=section,
        kind=kind,
        text=text,
        help_text=help_text,
        required=required,
        order=last + 1,
        shown_when=shown_when,
    )
    _set_options(question, [o.strip() for o in options if o.strip()])
    return question


def _replace_options(question, labels):
    """Give a question these options, keeping the rows of labels it already has so that follow-ups
    on them still point at them; refuse to drop an option that a follow-up depends on."""
    existing = {option.label: option for option in question.options.all()}
    dropped = [option for label, option in existing.items() if label not in labels]
    if Question.objects.filter(shown_when__in=dropped).exists():
        raise SurveyActionRefused(
            "Another question follows up an option you removed: change or remove its condition first."
        )
    Option.objects.filter(pk__in=[option.pk for option in dropped]).delete()
    for order, label in enumerate(labels, 1):
        option = existing.get(label)
        if option is None:
            Option.objects.create(question=question, label=label, order=order)
        elif option.order != order:
            option.order = order
            option.save(update_fields=["order"])


def option_labels(question):
    return [option.label for option in question.options.all()]


@transaction.atomic
def update_question(question, *, by, text, help_text, kind, required, options, shown_when):
    """Change a question. Once its survey has answers, only the wording (text and help) may change:
    the kind, the options, whether it is required and its condition are locked, so results stay sound."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    options = [o.strip() for o in options if o.strip()] if kind in (Kind.SINGLE, Kind.MULTIPLE) else []
    current_options = option_labels(question) if question.kind in (Kind.SINGLE, Kind.MULTIPLE) else []
    meaning_changed = (
        kind != question.kind
        or required != question.required
        or options != current_options
        or (shown_when.pk if shown_when else None) != question.shown_when_id
    )
    if meaning_changed and question.section.survey.has_answers():
        raise QuestionLocked(
            "This survey already has answers, so this question's kind, options, condition and whether it "
            "must be answered cannot change. You can still correct its wording."
        )
    if kind in (Kind.SINGLE, Kind.MULTIPLE) and len(options) < 2:
        raise SurveyActionRefused("Give at least two options, one a line.")
    _check_trigger(question.section, shown_when, question.order)
    if meaning_changed:
        if kind != question.kind:
            _replace_options(question, SCALES.get(kind) or options)
        elif kind in (Kind.SINGLE, Kind.MULTIPLE):
            _replace_options(question, options)
        question.kind, question.required, question.shown_when = kind, required, shown_when
        question.save()
    question.text, question.help_text = text, help_text
    question.save(update_fields=["text", "help_text"])
    record(by, Action.CHANGE, question, meaning_changed=meaning_changed)
    return question


@transaction.atomic
def delete_question(question, *, by):
    if question.section.survey.has_answers():
        raise QuestionLocked("This survey already has answers, so its questions cannot be removed.")
    if question.options.filter(follow_ups__isnull=False).exists():
        raise SurveyActionRefused("Other questions follow up this question: remove them or their condition first.")
    record(by, Action.DELETE, question)
    question.delete()


@transaction.atomic
def move(item, direction):
    """Swap a section or question with its neighbour ("up" or "down"), then number them afresh."""
    siblings = list(
        item.survey.sections.order_by("order", "pk")
        if isinstance(item, Section)
        else item.section.questions.order_by("order", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings, 1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])


# Sharing and results


@transaction.atomic
def release_results(link, *, by):
    """Let the area's co-ordinator see their area's results."""
    link = SurveyLink.objects.select_for_update().get(pk=link.pk)
    if link.is_released:
        raise SurveyActionRefused(f"The results for {link.local_authority} have already been released.")
    link.released_at = timezone.now()
    link.released_by = by
    link.save(update_fields=["released_at", "released_by"])
    record(by, Action.DECIDE, link, decision="results released")
    return link


# Answering


def parse_key(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise SurveyActionRefused("Your answers could not be sent. Check your answers and send them again.") from None


def check_open(survey, now=None):
    if not survey.is_open(now):
        raise SurveyClosed("This survey is not open, so it cannot take answers.")


def submit_response(link, answers, *, key, respondent=None, now=None):
    """Store one response from the answers in progress, tagged with the link's area only.

    key: the idempotency key from the form. Sending the same key again (a double click) returns
    the response already stored instead of storing a second one. Refused when the survey is not
    open, when required questions are unanswered, or when the key belongs to another link.
    """
    survey = link.survey
    key = parse_key(key)
    existing = Response.objects.filter(idempotency_key=key).first()
    if existing is not None:
        if existing.link_id != link.pk:
            raise SurveyActionRefused("Your answers could not be sent. Start the survey again from your link.")
        return existing
    check_open(survey, now)
    if not survey.is_anonymous and (respondent is None or respondent.pk != link.respondent_id):
        raise SurveyActionRefused("Only the named respondent can answer for this area.")
    questionnaire = Questionnaire(survey)
    answers = questionnaire.tidy(answers)
    if questionnaire.missing(answers):
        raise SurveyActionRefused("Answer every question that needs an answer before you send your answers.")
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey,
                link=link,
                idempotency_key=key,
                submitted_at=now or timezone.now(),
                respondent=None if survey.is_anonymous else respondent,
            )
            Answer.objects.bulk_create(_answer_rows(questionnaire, response, answers))
    except IntegrityError:
        # The other click of a double click got there first.
        existing = Response.objects.filter(idempotency_key=key, link=link).first()
        if existing is None:
            raise
        return existing
    return response


def _answer_rows(questionnaire, response, answers):
    for key, value in answers.items():
        question = questionnaire.by_id[int(key)]
        if not has_value(value):
            continue
        if question.has_options:
            valid = {str(option.pk): option for option in question.options.all()}
            for option_id in as_list(value):
                if option_id in valid:
                    yield Answer(response=response, question=question, option=valid[option_id])
        elif question.kind == Kind.NUMBER:
            yield Answer(response=response, question=question, number=int(value))
        else:
            yield Answer(response=response, question=question, text=str(value))
