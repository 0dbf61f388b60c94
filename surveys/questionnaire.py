"""A survey's structure as a respondent meets it: which sections and questions show, given the
answers so far.

Answers in progress are a plain dict keyed by question id (as a string, so it survives the JSON
session): a list of option ids (strings) for choice questions, a string for text and number.
A follow-up question shows only when its trigger question shows and was answered with the
trigger option; anything answered for a question that no longer shows is dropped.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from surveys.models import Option, Question, Section


@dataclass
class Page:
    """A section with the questions that show in it now, and its place among the sections that show."""

    section: Section
    questions: list
    number: int
    of: int


class Questionnaire:
    """Loads a survey's sections, questions and options once (three queries)."""

    def __init__(self, survey):
        self.survey = survey
        self.sections = list(
            Section.objects.filter(survey=survey).prefetch_related(
                Prefetch(
                    "questions",
                    queryset=Question.objects.select_related("shown_when__question")
                    .order_by("order", "pk")
                    .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("order", "pk"))),
                )
            )
        )
        self.questions = [question for section in self.sections for question in section.questions.all()]
        self.by_id = {question.pk: question for question in self.questions}
        self.trigger_of = {option.pk: question for question in self.questions for option in question.options.all()}

    def shows(self, question, answers, _seen=None):
        if question.shown_when_id is None:
            return True
        trigger = self.trigger_of.get(question.shown_when_id)
        if trigger is None:
            return False
        seen = _seen or set()
        if trigger.pk in seen:  # a condition loop never shows
            return False
        if not self.shows(trigger, answers, seen | {question.pk}):
            return False
        return str(question.shown_when_id) in as_list(answers.get(str(trigger.pk)))

    def pages(self, answers):
        """The sections that have at least one question showing, numbered 1 of N."""
        shown = []
        for section in self.sections:
            questions = [q for q in section.questions.all() if self.shows(q, answers)]
            if questions:
                shown.append((section, questions))
        return [Page(section, questions, number, len(shown)) for number, (section, questions) in enumerate(shown, 1)]

    def page(self, answers, number):
        pages = self.pages(answers)
        if 1 <= number <= len(pages):
            return pages[number - 1]
        return None

    def tidy(self, answers):
        """Drop answers to questions that do not show (or do not exist) any more."""
        tidied = {key: value for key, value in answers.items() if key.isdigit() and int(key) in self.by_id}
        changed = True
        while changed:
            changed = False
            for key in list(tidied):
                if not self.shows(self.by_id[int(key)], tidied):
                    del tidied[key]
                    changed = True
        return tidied

    def missing(self, answers):
        """Required questions that show but have no answer: a response cannot be submitted with any."""
        return [
            question
            for page in self.pages(answers)
            for question in page.questions
            if question.required and not has_value(answers.get(str(question.pk)))
        ]

    def first_page_with_missing(self, answers):
        missing = {question.pk for question in self.missing(answers)}
        for page in self.pages(answers):
            if any(question.pk in missing for question in page.questions):
                return page.number
        return None

    def display(self, question, value):
        """The answer as the respondent chose it, for the check-your-answers page."""
        if not has_value(value):
            return ""
        if question.has_options:
            labels = {str(option.pk): option.label for option in question.options.all()}
            return ", ".join(labels[v] for v in as_list(value) if v in labels)
        return str(value)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def has_value(value):
    if isinstance(value, list):
        return bool(value)
    return value not in (None, "")
