"""Forms for building surveys and for answering them (GOV.UK pattern through crispy-forms-gds)."""

from datetime import datetime, time, timedelta

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fluid, Layout, Size, Submit
from django import forms
from django.utils import timezone

from reviews.models import Review
from surveys import seeds
from surveys.models import Audience, Kind, Survey


def start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def end_of(day):
    """A survey stays open to the end of its last day."""
    return start_of(day + timedelta(days=1))


def last_day(closes_at):
    return timezone.localtime(closes_at - timedelta(microseconds=1)).date()


class WindowFields(forms.Form):
    opens_on = DateInputField(label="Opens on", help_text="For example, 22 1 2024")
    closes_on = DateInputField(label="Closes at the end of", help_text="For example, 29 2 2024")

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", "The closing date must be the same as or after the opening date")
        return cleaned

    def window(self):
        return start_of(self.cleaned_data["opens_on"]), end_of(self.cleaned_data["closes_on"])


class SurveyCreateForm(WindowFields):
    review = forms.ModelChoiceField(queryset=Review.objects.none(), label="Review", empty_label=None)
    audience = forms.ChoiceField(
        choices=Audience.choices,
        label="Who is the survey for?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select who the survey is for"},
    )
    copy_from = forms.ModelChoiceField(
        queryset=Survey.objects.none(),
        required=False,
        label="Copy the questions of another survey (optional)",
        help_text="Leave empty to start from our questions for this audience.",
        empty_label="No, start from our questions",
    )
    title = forms.CharField(
        label="Title", required=False, max_length=200, help_text="Leave empty to use the audience's usual title."
    )
    expected_responses_per_area = forms.IntegerField(
        label="Expected responses per area", min_value=0, initial=0, help_text="For example, the number of staff"
    )

    field_order = ["review", "audience", "copy_from", "title", "opens_on", "closes_on", "expected_responses_per_area"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = Review.objects.for_user(user)
        self.fields["copy_from"].queryset = Survey.objects.for_user(user).select_related("review")
        self.fields["copy_from"].label_from_instance = lambda s: f"{s.title} ({s.review})"
        self.fields["review"].error_messages["required"] = "Select a review"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.select("review"),
            Field.radios("audience", legend_size=Size.SMALL),
            Field.select("copy_from"),
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field("opens_on"),
            Field("closes_on"),
            Field.text("expected_responses_per_area", field_width=5),
            Submit("submit", "Create survey"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") and not cleaned.get("title"):
            cleaned["title"] = seeds.TITLES[Audience(cleaned["audience"])]
        return cleaned


class SurveyDetailsForm(WindowFields):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    intro = forms.CharField(label="Introduction", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    expected_responses_per_area = forms.IntegerField(label="Expected responses per area", min_value=0)

    field_order = ["title", "intro", "opens_on", "closes_on", "expected_responses_per_area"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("intro", rows=4),
            Field("opens_on"),
            Field("closes_on"),
            Field.text("expected_responses_per_area", field_width=5),
            Submit("submit", "Save"),
        )

    @classmethod
    def for_survey(cls, survey, data=None):
        return cls(
            data,
            initial={
                "title": survey.title,
                "intro": survey.intro,
                "opens_on": timezone.localtime(survey.opens_at).date(),
                "closes_on": last_day(survey.closes_at),
                "expected_responses_per_area": survey.expected_responses_per_area,
            },
        )


class SectionForm(forms.Form):
    title = forms.CharField(label="Section title", max_length=200, error_messages={"required": "Enter a title"})
    intro = forms.CharField(label="Introduction (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("intro", rows=3), Submit("submit", "Save")
        )


class QuestionForm(forms.Form):
    """A question's wording and meaning. When the survey has answers, the meaning fields are shown
    disabled: the action refuses a change to them anyway."""

    text = forms.CharField(label="Question", max_length=500, error_messages={"required": "Enter the question"})
    help_text = forms.CharField(label="Hint (optional)", required=False, max_length=500)
    kind = forms.ChoiceField(
        label="Kind of answer",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of answer"},
    )
    options = forms.CharField(
        label="Options, one a line",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For single and multiple choice only. The two scales have fixed options.",
    )
    required = forms.TypedChoiceField(
        label="Must it be answered?",
        choices=[("yes", "Yes"), ("no", "No, it is optional")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    shown_when = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Follow-up: ask only when an earlier question was answered (optional)",
        empty_label="Always ask this question",
    )

    def __init__(self, *args, triggers, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_when"].queryset = triggers
        self.fields["shown_when"].label_from_instance = lambda o: f"“{o.question.text}” answered “{o.label}”"
        if locked:
            for name in ("kind", "options", "required", "shown_when"):
                self.fields[name].disabled = True
        self.helper = FormHelper()
        parts = []
        if locked:
            parts.append(
                HTML(
                    '<div class="govuk-inset-text">This survey already has answers. You can correct the wording of '
                    "the question and its hint, but not its kind, options, condition or whether it must be "
                    "answered.</div>"
                )
            )
        parts += [
            Field.text("text", field_width=Fluid.FULL),
            Field.text("help_text", field_width=Fluid.FULL),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
            Field.textarea("options", rows=5),
            Field.radios("required", legend_size=Size.SMALL, small=True, inline=True),
            Field.select("shown_when"),
            Submit("submit", "Save question"),
        ]
        self.helper.layout = Layout(*parts)

    def clean_options(self):
        return [line.strip() for line in self.cleaned_data["options"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in (Kind.SINGLE, Kind.MULTIPLE) and len(cleaned.get("options") or []) < 2:
            self.add_error("options", "Enter at least two options, one a line")
        return cleaned

    @classmethod
    def initial_for(cls, question):
        return {
            "text": question.text,
            "help_text": question.help_text,
            "kind": question.kind,
            "options": "\n".join(o.label for o in question.options.all())
            if question.kind in (Kind.SINGLE, Kind.MULTIPLE)
            else "",
            "required": "yes" if question.required else "no",
            "shown_when": question.shown_when_id,
        }


class ExpectedResponsesForm(forms.Form):
    expected_responses = forms.IntegerField(label="Expected responses", min_value=0)


# Answering


def field_name(question):
    return f"q{question.pk}"


class AnswerPageForm(forms.Form):
    """The questions of one section, built from the questions that show on it."""

    def __init__(self, *args, questions, plain_words=False, button="Save and continue", **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        layout = []
        for question in questions:
            name = field_name(question)
            self.fields[name] = self._field(question, plain_words)
            layout.append(self._layout(question, name))
        self.helper = FormHelper()
        self.helper.layout = Layout(*layout, Submit("submit", button))

    @staticmethod
    def _field(question, plain_words):
        common = {"label": question.text, "help_text": question.help_text, "required": question.required}
        choices = [(str(option.pk), option.label) for option in question.options.all()]
        if question.kind == Kind.MULTIPLE:
            message = f"{'Choose' if plain_words else 'Select'} at least one answer to: {question.text}"
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, error_messages={"required": message}, **common
            )
        if question.has_options:
            message = f"{'Choose' if plain_words else 'Select'} an answer to: {question.text}"
            return forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, error_messages={"required": message}, **common
            )
        if question.kind == Kind.NUMBER:
            return forms.IntegerField(
                min_value=0,
                max_value=10_000_000,
                error_messages={
                    "required": f"Enter a number for: {question.text}",
                    "invalid": f"Enter a whole number, like 12, for: {question.text}",
                },
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                **common,
            )
        message = f"{'Write' if plain_words else 'Enter'} your answer to: {question.text}"
        if question.kind == Kind.SHORT_TEXT:
            return forms.CharField(max_length=500, error_messages={"required": message}, **common)
        return forms.CharField(
            max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), error_messages={"required": message}, **common
        )

    @staticmethod
    def _layout(question, name):
        if question.kind == Kind.MULTIPLE:
            return Field.checkboxes(name, legend_size=Size.MEDIUM)
        if question.has_options:
            return Field.radios(name, legend_size=Size.MEDIUM)
        if question.kind == Kind.NUMBER:
            return Field.text(name, label_size=Size.MEDIUM, field_width=10)
        if question.kind == Kind.SHORT_TEXT:
            return Field.text(name, label_size=Size.MEDIUM, field_width=Fluid.TWO_THIRDS)
        return Field.textarea(name, label_size=Size.MEDIUM, rows=5)

    def answers(self):
        """The cleaned values in the draft's format: option ids as strings, text and numbers as strings."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            key = str(question.pk)
            if question.kind == Kind.MULTIPLE:
                result[key] = list(value or [])
            elif value is None:
                result[key] = ""
            else:
                result[key] = str(value).strip()
        return result

    @staticmethod
    def initial_from(questions, answers):
        return {field_name(q): answers.get(str(q.pk)) for q in questions if answers.get(str(q.pk)) not in (None, "")}
