"""Forms for variation requests and the registration team's decisions (GOV.UK layout via crispy-forms-gds)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms

from annual_returns.variations import workflow
from annual_returns.variations.models import VariationKind
from inspectorate import uploads
from inspectorate.organisations.models import CareService

SCHEDULE_HINT = "One line for each role and shift: role, shift, number of staff. For example: Nurse, Day, 2"


def parse_schedule(text):
    """Lines of "role, shift, staff" into rows; a ValidationError names the first bad line."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        if len(parts) != 3 or not parts[0] or not parts[1] or not parts[2].isdigit():
            raise forms.ValidationError(
                f"Line {number}: enter the role, the shift and the number of staff, separated by commas"
            )
        rows.append({"role": parts[0], "shift": parts[1], "staff": int(parts[2])})
    return rows


class ScheduleField(forms.CharField):
    widget = forms.Textarea

    def clean(self, value):
        return parse_schedule(super().clean(value) or "")


class CheckedUploadField(forms.FileField):
    """An optional document, passed through the service's one checked upload path."""

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        return uploads.check_upload(uploaded) if uploaded else None


def _helper(*items):
    helper = FormHelper()
    helper.layout = Layout(*items)
    return helper


class VariationStartForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=CareService.objects.none(),
        label="Which service is the variation for?",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the service"},
    )
    kind = forms.ChoiceField(
        choices=VariationKind.choices,
        label="What do you want to vary?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you want to vary"},
    )
    current_schedule = ScheduleField(label="Current staffing schedule", help_text=SCHEDULE_HINT, required=False)
    proposed_schedule = ScheduleField(label="Proposed staffing schedule", help_text=SCHEDULE_HINT, required=False)
    reason = forms.CharField(
        label="Why do you want to make this change?",
        help_text=(
            "Say how it will improve the quality of care for residents. Cost saving alone is not an acceptable reason."
        ),
        widget=forms.Textarea,
        max_length=4000,
        error_messages={"required": "Enter why you want to make this change"},
    )
    engagement_commissioners = forms.CharField(
        label="Engagement with local commissioners",
        help_text="What you did, when, and what they said",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    engagement_residents = forms.CharField(
        label="Engagement with residents and relatives",
        help_text="What you did, when, and what they said",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    evaluation_plan = forms.CharField(
        label="How will you evaluate the impact and effectiveness of the change?",
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    document = CheckedUploadField(
        label="Supporting document (optional)", help_text=f"Upload {uploads.ACCEPTED_TYPES_TEXT}", required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = CareService.objects.for_user(user).exclude(status="cancelled")
        self.helper = _helper(
            Field.radios("service", legend_size=Size.MEDIUM),
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.textarea("current_schedule", rows=5),
            Field.textarea("proposed_schedule", rows=5),
            Field.textarea("reason", rows=5),
            Field.textarea("engagement_commissioners", rows=4),
            Field.textarea("engagement_residents", rows=4),
            Field.textarea("evaluation_plan", rows=4),
            Field("document"),
            Submit("submit", "Submit variation request"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == VariationKind.SKILLS_MIX:
            required = {
                "current_schedule": "Enter the current staffing schedule",
                "proposed_schedule": "Enter the proposed staffing schedule",
                "engagement_commissioners": "Enter the engagement with local commissioners",
                "engagement_residents": "Enter the engagement with residents and relatives",
                "evaluation_plan": "Enter how you will evaluate the change",
            }
            for name, message in required.items():
                if name in cleaned and not cleaned[name]:
                    self.add_error(name, message)
        return cleaned


class TextActionForm(forms.Form):
    """One text box and a button: request information, answer, evaluate, end."""

    text = forms.CharField(widget=forms.Textarea, max_length=4000)

    def __init__(self, *args, label, button, required_message, with_document=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label
        self.fields["text"].error_messages["required"] = required_message
        items = [Field.textarea("text", rows=5, label_size=Size.MEDIUM)]
        if with_document:
            self.fields["document"] = CheckedUploadField(label="Supporting document (optional)", required=False)
            items.append(Field("document"))
        self.helper = _helper(*items, Submit("submit", button))


class AgreeForm(forms.Form):
    conditions = forms.CharField(
        label="Time-limited conditions",
        widget=forms.Textarea,
        max_length=4000,
        error_messages={"required": "Enter the conditions"},
    )
    end_on = forms.DateField(
        label="Conditions end on",
        help_text="For example, 30/06/2027",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Enter the date the conditions end",
            "invalid": "Enter a real date, like 30/06/2027",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("conditions", rows=4, label_size=Size.MEDIUM),
            Field.text("end_on", field_width=Fluid.ONE_QUARTER),
            Submit("submit", "Agree with conditions"),
        )


class RefuseForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label="Reasons for refusal",
        choices=workflow.REFUSAL_REASONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one reason for refusal"},
    )
    explanation = forms.CharField(
        label="Explanation for the provider", widget=forms.Textarea, max_length=4000, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.checkboxes("reasons", legend_size=Size.MEDIUM),
            Field.textarea("explanation", rows=4),
            Submit("submit", "Refuse the variation", css_class="govuk-button--warning"),
        )


class OutcomeForm(forms.Form):
    """After the evaluation: make permanent, extend the conditions, or end the variation."""

    outcome = forms.ChoiceField(
        label="Outcome of the evaluation",
        choices=[
            ("permanent", "Make the variation permanent"),
            ("extend", "Extend the conditions"),
            ("end", "End the variation"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    new_end_on = forms.DateField(
        label="New end date for the conditions (if extending)",
        help_text="For example, 31/12/2027",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        required=False,
        error_messages={"invalid": "Enter a real date, like 31/12/2027"},
    )
    note = forms.CharField(label="Note for the provider", widget=forms.Textarea, max_length=4000, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("outcome", legend_size=Size.MEDIUM),
            Field.text("new_end_on", field_width=Fluid.ONE_QUARTER),
            Field.textarea("note", rows=3),
            Submit("submit", "Record the outcome"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == "extend" and not cleaned.get("new_end_on") and "new_end_on" not in self.errors:
            self.add_error("new_end_on", "Enter the new end date for the conditions")
        if cleaned.get("outcome") == "end" and not cleaned.get("note"):
            self.add_error("note", "Enter why the variation is ending")
        return cleaned
