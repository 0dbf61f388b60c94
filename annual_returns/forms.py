"""Forms built from a cycle's question set, with the GOV.UK layout from crispy-forms-gds."""

from decimal import Decimal

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size, Submit
from django import forms

from annual_returns import checks
from inspectorate.organisations.models import LocalAuthority

COMPLETED_CHOICES = [("yes", "Yes, I've completed this section"), ("no", "No, I'll come back to it later")]
YES_NO = [("yes", "Yes"), ("no", "No")]


def field_for(question, *, required):
    label, hint, kind = question["label"], question.get("hint", ""), question["kind"]
    messages = {"required": f"Enter {label[0].lower()}{label[1:]}".rstrip("?")}
    if kind == "count":
        messages.update(invalid="Enter a whole number, like 12", min_value="Enter a number that is 0 or more")
        return forms.IntegerField(
            label=label,
            help_text=hint,
            required=required,
            min_value=0,
            max_value=100_000,
            error_messages=messages,
            widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        )
    if kind == "wte":
        messages.update(
            invalid="Enter a number, like 12.5",
            min_value="Enter a number that is 0 or more",
            max_decimal_places="Enter a number with no more than 2 decimal places",
        )
        return forms.DecimalField(
            label=label,
            help_text=hint,
            required=required,
            min_value=Decimal(0),
            max_value=Decimal(100_000),
            decimal_places=2,
            error_messages=messages,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        )
    if kind in ("yes_no", "choice"):
        choices = YES_NO if kind == "yes_no" else [tuple(choice) for choice in question["choices"]]
        messages["required"] = f"Select an answer for: {label}"
        return forms.ChoiceField(
            label=label,
            help_text=hint,
            required=required,
            choices=choices,
            widget=forms.RadioSelect,
            error_messages=messages,
        )
    return forms.CharField(
        label=label, help_text=hint, required=required, max_length=500, error_messages=messages, widget=forms.Textarea
    )


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if value == "":
        return None
    return value


class SectionForm(forms.Form):
    """One section of the return. Hard checks are errors; soft checks are errors until explained.

    Answering "No, I'll come back to it later" saves whatever is typed correctly, without the
    required-answer and cross checks, so the provider loses nothing.
    """

    def __init__(self, *args, section, explanations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        self.warnings = []
        completing = not self.is_bound or self.data.get("completed") == "yes"
        for question in section["questions"]:
            self.fields[question["key"]] = field_for(question, required=question.get("required", True) and completing)
        explanations = explanations or {}
        for code, label in checks.WARNING_LABELS.items():
            self.fields[f"explain_{code}"] = forms.CharField(
                label=label,
                help_text="Inspectors will see this explanation",
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.initial.setdefault(f"explain_{code}", explanations.get(code, ""))
        self.fields["completed"] = forms.ChoiceField(
            label="Have you completed this section?",
            choices=COMPLETED_CHOICES,
            widget=forms.RadioSelect,
            error_messages={"required": "Select whether you have completed this section"},
        )
        self.helper = FormHelper()
        self._layout(shown=set(explanations))

    def _layout(self, shown):
        items = []
        for question in self.section["questions"]:
            if question["kind"] in ("count", "wte"):
                items.append(Field.text(question["key"], field_width=Fixed.FIVE))
            elif question["kind"] in ("yes_no", "choice"):
                items.append(Field.radios(question["key"], legend_size=Size.SMALL, inline=question["kind"] == "yes_no"))
            else:
                items.append(Field.textarea(question["key"], rows=3))
        items += [Field.textarea(f"explain_{code}", rows=3) for code in checks.WARNING_LABELS if code in shown]
        items += [Field.radios("completed", legend_size=Size.MEDIUM), Submit("save", "Save and continue")]
        self.helper.layout = Layout(*items)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("completed") != "yes" or self.errors:
            return cleaned
        answers = self.answers()
        for problem in checks.hard_problems(self.section["key"], answers):
            self.add_error(problem.field, problem.message)
        if self.errors:
            return cleaned
        self.warnings = checks.warnings(self.section["key"], answers)
        for warning in self.warnings:
            if not (cleaned.get(f"explain_{warning.code}") or "").strip():
                self.add_error(f"explain_{warning.code}", warning.message)
        self._layout(shown={warning.code for warning in self.warnings})
        return cleaned

    def answers(self):
        return {q["key"]: _json_value(self.cleaned_data.get(q["key"])) for q in self.section["questions"]}

    def explanations(self):
        """Only the explanations for warnings this submission actually raised."""
        return {w.code: self.cleaned_data[f"explain_{w.code}"].strip() for w in self.warnings}

    @property
    def completing(self):
        return self.cleaned_data.get("completed") == "yes"


class DeclarationForm(forms.Form):
    confirm = forms.BooleanField(
        label="I declare that the information in this return is accurate and complete to the best of my knowledge",
        error_messages={"required": "Confirm the declaration to submit the return"},
    )
    declared_name = forms.CharField(
        label="Your full name", max_length=150, error_messages={"required": "Enter your full name"}
    )
    declared_position = forms.CharField(
        label="Your position",
        max_length=150,
        help_text="For example, registered manager",
        error_messages={"required": "Enter your position"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("declared_name", field_width=Fluid.TWO_THIRDS),
            Field.text("declared_position", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("confirm"),
            Submit("submit", "Accept and submit"),
        )


class AreaFilterForm(forms.Form):
    local_authority = forms.ModelChoiceField(
        queryset=LocalAuthority.objects.all(),
        required=False,
        empty_label="All areas",
        label="Local authority",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
