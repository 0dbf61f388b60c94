"""GOV.UK forms for the review team, co-ordinators and the nomination link."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.text import slugify

from inspectorate.accounts.models import Role
from inspectorate.organisations.models import LocalAuthority
from reviews.models import (
    ActionPlanItem,
    EngagementEvent,
    Finding,
    Grade,
    PublishedUpdate,
    QualityFramework,
    Review,
    ReviewStatus,
    TeamRole,
    TimelineActivity,
)


class GovukForm:
    """A FormHelper with one submit button; subclasses name the button."""

    submit_label = "Save"

    def _add_helper(self):
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", self.submit_label))
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                continue
            if isinstance(field.widget, forms.EmailInput):
                field.widget.attrs.setdefault("class", "govuk-input")


def date_field(label, *, required=True, help_text=""):
    field = DateInputField(label=label, required=required, help_text=help_text or "For example, 27 3 2026")
    field.error_messages["required"] = f"Enter the {label.lower()}"
    field.error_messages["incomplete"] = f"Enter the {label.lower()} as a day, month and year"
    return field


def staff(*roles):
    return get_user_model().objects.filter(role__in=roles, is_active=True).order_by("full_name")


class ReviewForm(GovukForm, forms.ModelForm):
    submit_label = "Save review"

    class Meta:
        model = Review
        fields = ["kind", "title", "slug", "aims", "legal_basis", "lead_inspector", "support_officer", "framework"]
        widgets = {"kind": forms.RadioSelect, "aims": forms.Textarea(attrs={"rows": 5})}
        labels = {"aims": "Aims and review questions", "slug": "Short name for the public page's address"}
        error_messages = {
            "kind": {"required": "Choose what kind of review this is"},
            "title": {"required": "Enter the review's title"},
            "aims": {"required": "Enter the aims and review questions"},
            "lead_inspector": {"required": "Choose the lead inspector"},
            "slug": {"unique": "Another review already uses this short name: choose another"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_inspector"].queryset = staff(Role.INSPECTOR)
        self.fields["support_officer"].queryset = staff(Role.SUPPORT_OFFICER)
        self.fields["support_officer"].label = "Strategic support officer (optional)"
        self.fields["framework"].queryset = QualityFramework.objects.all()
        self.fields["framework"].label = "Quality framework (optional)"
        self.fields["slug"].required = False
        self.fields[
            "slug"
        ].help_text = "Lower-case letters, numbers and hyphens. Left empty, it is made from the title."
        self._add_helper()

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title", ""))[:200]
        if not slug:
            raise forms.ValidationError("Enter a short name made of letters, numbers and hyphens")
        clash = Review.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError("Another review already uses this short name: choose another")
        return slug


class StatusMoveForm(forms.Form):
    status = forms.ChoiceField(choices=ReviewStatus.choices)


class TeamMemberForm(GovukForm, forms.Form):
    submit_label = "Add to the team"
    user = forms.ModelChoiceField(
        queryset=None, label="Person", error_messages={"required": "Choose who to add to the team"}
    )
    role = forms.ChoiceField(
        choices=TeamRole.choices,
        label="Role on this review",
        error_messages={"required": "Choose their role on this review"},
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff(Role.INSPECTOR, Role.SUPPORT_OFFICER).exclude(
            review_memberships__review=review
        )
        self._add_helper()


class PhaseTwoForm(GovukForm, forms.Form):
    submit_label = "Save phase 2 areas"
    local_authorities = forms.ModelMultipleChoiceField(
        queryset=LocalAuthority.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Which areas volunteered to take part in phase 2?",
        help_text="Select all that apply. Every other area stays in phase 1.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_helper()


class InvitationForm(GovukForm, forms.Form):
    submit_label = "Send the invitation"
    full_name = forms.CharField(label="Name of the person you are inviting (optional)", required=False, max_length=150)
    email = forms.EmailField(
        label="Email address",
        help_text="The invitation goes to this address with a link that works once",
        error_messages={
            "required": "Enter the email address",
            "invalid": "Enter an email address like name@council.gov.uk",
        },
    )
    deadline = date_field("Nomination deadline")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_helper()

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class NewAccountForm(GovukForm, forms.Form):
    """For a co-ordinator without an account: their name and a password of their choosing."""

    submit_label = "Create my account"
    full_name = forms.CharField(label="Full name", max_length=150, error_messages={"required": "Enter your full name"})
    password1 = forms.CharField(
        label="Choose a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Choose a password"},
    )
    password2 = forms.CharField(
        label="Enter the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter the password again"},
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)
        self._add_helper()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match")
        elif first:
            try:
                password_validation.validate_password(first, get_user_model()(email=self.email))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LinkAccountForm(forms.Form):
    """For a co-ordinator who already has an account: a button, no fields (the link is the proof)."""


class GenerateTimelineForm(GovukForm, forms.Form):
    submit_label = "Generate the timeline"
    notification_date = date_field(
        "Notification date", help_text="The day the notification letter reaches the partnership. For example, 5 10 2026"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_helper()


def area_choices(field, review, *, empty_label):
    field.queryset = review.areas.select_related("local_authority")
    field.label_from_instance = lambda area: area.local_authority.name
    field.empty_label = empty_label
    field.required = False


class ActivityForm(GovukForm, forms.ModelForm):
    submit_label = "Save activity"
    starts_on = date_field("Start date")
    ends_on = date_field("End date (optional)", required=False, help_text="Leave empty for a single day")

    class Meta:
        model = TimelineActivity
        fields = ["kind", "title", "area", "phase", "starts_on", "ends_on", "details"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "kind": {"required": "Choose the kind of activity"},
            "title": {"required": "Enter what happens"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        area_choices(self.fields["area"], review, empty_label="Every area")
        self.fields["area"].label = "Area (optional)"
        self._add_helper()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return cleaned


class EngagementForm(GovukForm, forms.ModelForm):
    submit_label = "Save"
    held_on = date_field("Date held")

    class Meta:
        model = EngagementEvent
        fields = [
            "kind",
            "area",
            "held_on",
            "location",
            "children_count",
            "families_count",
            "staff_count",
            "leaders_count",
            "team_members",
            "notes",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "team_members": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "children_count": "How many children and young people took part",
            "families_count": "How many parents, family members and carers took part",
            "staff_count": "How many staff took part",
            "leaders_count": "How many leaders and managers took part",
            "team_members": "Who from the team was there",
        }
        error_messages = {
            "kind": {"required": "Choose what kind of engagement this was"},
            **{
                f: {"invalid": "Enter a whole number, like 6", "min_value": "Enter 0 or more"}
                for f in ["children_count", "families_count", "staff_count", "leaders_count"]
            },
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        area_choices(self.fields["area"], review, empty_label="National (no one area)")
        self.fields["area"].label = "Area"
        self.fields["team_members"].queryset = get_user_model().objects.filter(review_memberships__review=review)
        self.fields["team_members"].label_from_instance = lambda user: user.full_name
        self.fields["team_members"].required = False
        self.fields["notes"].help_text = "Never write anyone's name here"
        for name in ["children_count", "families_count", "staff_count", "leaders_count"]:
            self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-4"
        self._add_helper()


class UpdateForm(GovukForm, forms.ModelForm):
    submit_label = "Publish the update"
    published_on = date_field("Date published")

    class Meta:
        model = PublishedUpdate
        fields = ["title", "published_on", "done_so_far", "next_steps"]
        widgets = {"done_so_far": forms.Textarea(attrs={"rows": 8}), "next_steps": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "title": {"required": "Enter a title, for example Update - January 2024"},
            "done_so_far": {"required": "Enter what you have done so far"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_helper()


class EvaluationForm(GovukForm, forms.Form):
    submit_label = "Save the grade"
    indicator = forms.ModelChoiceField(
        queryset=None, label="Quality indicator", error_messages={"required": "Choose the quality indicator"}
    )
    area = forms.ModelChoiceField(queryset=None)
    grade = forms.TypedChoiceField(
        choices=Grade.choices,
        coerce=int,
        widget=forms.RadioSelect,
        label="Grade on the six-point scale",
        error_messages={"required": "Choose a grade"},
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Rationale",
        help_text="The evidence that supports this grade",
        error_messages={"required": "Enter the rationale for the grade"},
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = review.framework.indicators.all()
        area_choices(self.fields["area"], review, empty_label="National")
        self.fields["area"].label = "Area"
        self._add_helper()


class FindingForm(GovukForm, forms.ModelForm):
    submit_label = "Add"

    class Meta:
        model = Finding
        fields = ["kind", "area", "text"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "What we found", "kind": "Kind of finding"}
        error_messages = {"kind": {"required": "Choose the kind of finding"}, "text": {"required": "Enter the finding"}}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        area_choices(self.fields["area"], review, empty_label="National")
        self._add_helper()


class ActionPlanItemForm(GovukForm, forms.ModelForm):
    submit_label = "Save"
    due_on = date_field("Due date (optional)", required=False)

    class Meta:
        model = ActionPlanItem
        fields = ["area", "indicator", "action", "owner", "due_on", "progress", "progress_notes"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 3}),
            "progress": forms.RadioSelect,
            "progress_notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "area": {"required": "Choose the partnership area"},
            "action": {"required": "Enter the action"},
        }

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        area_choices(self.fields["area"], review, empty_label="Choose the area")
        self.fields["area"].required = True
        self.fields["indicator"].required = False
        self.fields["indicator"].label = "Quality indicator (optional)"
        self.fields["indicator"].queryset = (
            review.framework.indicators.all() if review.framework_id else self.fields["indicator"].queryset.none()
        )
        self._add_helper()
