from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fixed, Fluid, Layout, Size, Submit
from django import forms
from django.utils.text import slugify

from records import case_lists
from records.models import NotReadReason, QuestionKind


class CaseListFieldForm(forms.Form):
    label = forms.CharField(
        label="Field name",
        max_length=100,
        help_text="For example, age band. Never a name, date of birth or anything that identifies a child.",
        error_messages={"required": "Enter the field name"},
    )
    allowed_values = forms.CharField(
        label="Allowed values",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line, for example 0 to 4",
        error_messages={"required": "Enter the allowed values, one per line"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("label", field_width=Fluid.ONE_HALF, label_size=Size.SMALL),
            Field.textarea("allowed_values", label_size=Size.SMALL, rows=5),
            Submit("submit", "Add field"),
        )

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        if not slugify(label).replace("-", "_"):
            raise forms.ValidationError("Enter a field name made of letters or numbers")
        if case_lists.IDENTIFYING.match(case_lists.normalise(label)):
            raise forms.ValidationError("A case list must not hold names, dates of birth or addresses")
        return label

    def clean_allowed_values(self):
        values = [line.strip() for line in self.cleaned_data["allowed_values"].splitlines() if line.strip()]
        if len(values) < 2:
            raise forms.ValidationError("Enter at least two allowed values, one per line")
        if len({v.casefold() for v in values}) != len(values):
            raise forms.ValidationError("Each allowed value must appear only once")
        return values

    @property
    def name(self):
        return slugify(self.cleaned_data["label"]).replace("-", "_")[:40]


class CaseListUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload the case list",
        help_text="A CSV or Excel (.xlsx) file, smaller than 2 MB",
        error_messages={"required": "Select a CSV or Excel file", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"enctype": "multipart/form-data"}
        self.helper.layout = Layout(Field("file"), Submit("submit", "Upload and check"))


class DrawSampleForm(forms.Form):
    size = forms.IntegerField(
        label="Records to draw",
        min_value=1,
        max_value=500,
        initial=30,
        error_messages={"required": "Enter how many records to draw", "invalid": "Enter a whole number"},
    )
    reserve_size = forms.IntegerField(
        label="Reserve records",
        min_value=0,
        max_value=200,
        initial=10,
        help_text="Used in order to replace a record that cannot be read",
        error_messages={"required": "Enter how many reserve records to draw", "invalid": "Enter a whole number"},
    )
    stratify_by = forms.ChoiceField(label="Stratify by", required=False)
    seed = forms.CharField(
        label="Seed (optional)",
        required=False,
        max_length=64,
        help_text="Leave blank for a new random seed. Enter a seed only to repeat an earlier draw.",
    )

    def __init__(self, *args, fields=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stratify_by"].choices = [("", "Do not stratify")] + [(f.name, f.label) for f in fields]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("size", field_width=Fixed.FIVE, label_size=Size.SMALL),
            Field.text("reserve_size", field_width=Fixed.FIVE, label_size=Size.SMALL),
            Field.select("stratify_by", legend_size=Size.SMALL),
            Field.text("seed", field_width=Fixed.TWENTY, label_size=Size.SMALL),
            Submit("submit", "Draw the sample"),
        )

    def clean_seed(self):
        seed = self.cleaned_data["seed"].strip()
        if seed and not seed.isprintable():
            raise forms.ValidationError("The seed must be letters and numbers")
        return seed


class AssignReadersForm(forms.Form):
    readers = forms.MultipleChoiceField(
        label="Readers",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one reader"},
    )
    qa_share = forms.IntegerField(
        label="Percentage of records for a second reader",
        min_value=0,
        max_value=100,
        initial=10,
        help_text="For quality assurance: for example 10",
        error_messages={"required": "Enter a percentage from 0 to 100", "invalid": "Enter a whole number"},
    )

    def __init__(self, *args, team=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.team = {str(member.user_id): member.user for member in team}
        self.fields["readers"].choices = [
            (str(member.user_id), f"{member.user.full_name} ({member.get_role_display()})") for member in team
        ]
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.checkboxes("readers", legend_size=Size.SMALL),
            Field.text("qa_share", field_width=Fixed.FIVE, label_size=Size.SMALL),
            Submit("submit", "Assign readers"),
        )

    def clean_qa_share(self):
        share = self.cleaned_data["qa_share"]
        if share and len(self.cleaned_data.get("readers") or []) < 2:
            raise forms.ValidationError("Select at least two readers to give records a second reading")
        return share

    @property
    def chosen_readers(self):
        return [self.team[pk] for pk in self.cleaned_data["readers"]]


class SectionForm(forms.Form):
    """One section of the reading template; one field per question, named by its number."""

    def __init__(self, *args, questions=(), answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        self.questions = list(questions)
        layout = []
        for question in self.questions:
            name = f"q{question.number}"
            answer = answers.get(question.pk)
            if question.kind == QuestionKind.NOTES:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    help_text=question.hint,
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    initial=answer.note if answer else "",
                )
                layout.append(Field.textarea(name, label_size=Size.SMALL, rows=4))
            else:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    help_text=question.hint,
                    choices=question.options,
                    widget=forms.RadioSelect,
                    initial=answer.value if answer else None,
                    error_messages={"required": f"Select an answer for “{question.text}”"},
                )
                layout.append(
                    Field.radios(name, legend_size=Size.SMALL, small=True, inline=question.kind == QuestionKind.YES_NO)
                )
        layout.append(Submit("submit", "Save and continue"))
        self.helper = FormHelper()
        self.helper.layout = Layout(*layout)

    def answers(self):
        """{question: (value, note)} ready for actions.save_section."""
        result = {}
        for question in self.questions:
            given = self.cleaned_data[f"q{question.number}"]
            result[question] = ("", given.strip()) if question.kind == QuestionKind.NOTES else (given, "")
        return result


class NotReadForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why can this record not be read?",
        choices=NotReadReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the record cannot be read"},
    )
    note = forms.CharField(
        label="More detail (optional)",
        required=False,
        max_length=300,
        help_text="Do not include the child's name or any other detail that identifies them",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.radios("reason", legend_size=Size.MEDIUM),
            Field.text("note", label_size=Size.SMALL),
            Submit("submit", "Mark as not read"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == NotReadReason.OTHER and not cleaned.get("note"):
            self.add_error("note", "Enter the reason the record cannot be read")
        return cleaned


class AgreedAnswerForm(forms.Form):
    value = forms.ChoiceField(widget=forms.RadioSelect, error_messages={"required": "Select the agreed answer"})

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = question.options
        self.fields["value"].label = f"Agreed answer: {question.text}"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.radios("value", legend_size=Size.MEDIUM), Submit("submit", "Save agreed answer")
        )
