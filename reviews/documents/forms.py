"""Forms for the document exchange. Every uploaded file goes through inspectorate.uploads.check_upload."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from inspectorate.uploads import ACCEPTED_TYPES_TEXT, check_upload, human_size, max_bytes
from reviews.documents.models import DocumentRequest
from reviews.models import Phase, ReviewArea


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput(attrs={"class": "govuk-file-upload"})

    def clean(self, data, initial=None):
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not items:
            return [super().clean(None, initial)]  # raises the "required" error
        cleaned = []
        for item in items:
            cleaned.append(super().clean(item, initial))
        return cleaned


def _checked_files(files):
    """Check every file; report each refused one by name, so that nothing is kept unless all pass."""
    checked, errors = [], []
    for uploaded in files:
        try:
            checked.append(check_upload(uploaded))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def _file_hint():
    return f"{ACCEPTED_TYPES_TEXT}, smaller than {human_size(max_bytes())}"


class UploadForm(forms.Form):
    """One or more files for a request, with one description."""

    files = MultipleFileField(
        label="Files",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )
    description = forms.CharField(
        label="Describe the files",
        max_length=300,
        help_text="For example, position statement signed by the chief social work officer, June 2026.",
        error_messages={
            "required": "Describe the files",
            "max_length": "Describe the files in 300 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = f"You can select more than one. Each must be {_file_hint()}."
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field("files"), Field.text("description", field_width=Fluid.FULL), Submit("submit", "Upload files")
        )

    def clean_files(self):
        return _checked_files(self.cleaned_data["files"])

    def full_clean(self):
        super().full_clean()
        # The GOV.UK pack styles errors only on Django's own file inputs, not on this multiple one.
        if "files" in self.errors:
            self.fields["files"].widget.attrs["class"] = "govuk-file-upload govuk-file-upload--error"


class ReplaceForm(forms.Form):
    """A new version of one document."""

    file = forms.FileField(
        label="New version",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"It must be {_file_hint()}. The earlier versions are kept."
        self.helper = FormHelper()
        self.helper.layout = Layout(Field("file"), Submit("submit", "Replace file"))

    def clean_file(self):
        return _checked_files([self.cleaned_data["file"]])[0]


class DecisionForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"

    decision = forms.ChoiceField(
        label="Are these documents what the team needs?",
        choices=[(ACCEPT, "Yes, accept them"), (RETURN, "No, return them to the co-ordinator")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept or return the documents"},
    )
    comment = forms.CharField(
        label="Comment for the co-ordinator",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when you return them: say what is missing or wrong.",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.layout = Layout(
            Field.radios("decision", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("comment"),
            Submit("submit", "Save decision"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.RETURN and not cleaned.get("comment", "").strip():
            self.add_error("comment", "Say why the documents are being returned")
        return cleaned


class DocumentRequestForm(forms.Form):
    ALL, CHOSEN = "all", "chosen"

    title = forms.CharField(
        label="What are you asking for?",
        max_length=200,
        help_text="For example, position statement and written evidence.",
        error_messages={"required": "Enter what you are asking for"},
    )
    guidance = forms.CharField(
        label="Guidance for co-ordinators",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter guidance for co-ordinators"},
    )
    due_date = DateInputField(label="Due date", help_text="For example, 27 8 2026")
    send_to = forms.ChoiceField(
        label="Which areas is this for?",
        choices=[(ALL, "Every area taking part in the review"), (CHOSEN, "Only the areas I choose")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select which areas this is for"},
    )
    areas = forms.ModelMultipleChoiceField(
        label="Chosen areas",
        queryset=ReviewArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only if you chose ‘Only the areas I choose’.",
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["due_date"].error_messages.update(
            required="Enter the due date", invalid="The due date must be a real date, for example 27 8 2026"
        )
        self.fields["areas"].queryset = ReviewArea.objects.filter(review=review).select_related("local_authority")
        self.fields["areas"].label_from_instance = lambda area: (
            f"{area.local_authority.name}{' (phase 2)' if area.phase == Phase.FIELDWORK else ''}"
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("title", field_width=Fluid.FULL),
            Field.textarea("guidance"),
            Field("due_date", context={"fieldset": True, "legend_size": Size.SMALL}),
            Field.radios("send_to", legend_size=Size.SMALL),
            Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
            Submit("submit", "Send request"),
        )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if DocumentRequest.objects.filter(review=self.review, title__iexact=title).exists():
            raise ValidationError("This review already has a request with that title")
        return title

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date < timezone.localdate():
            raise ValidationError("The due date must be today or in the future")
        return due_date

    def clean(self):
        cleaned = super().clean()
        if not self.fields["areas"].queryset.exists():
            raise ValidationError("No areas are taking part in this review yet. Add areas to the review first.")
        if cleaned.get("send_to") == self.CHOSEN and not cleaned.get("areas"):
            self.add_error("areas", "Select at least one area")
        return cleaned

    def target_areas(self):
        """None for every area, or the chosen areas."""
        return None if self.cleaned_data["send_to"] == self.ALL else list(self.cleaned_data["areas"])
