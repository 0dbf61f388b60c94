from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms

from inspectorate.organisations.models import LocalAuthority, ServiceType


class ServiceSearchForm(forms.Form):
    q = forms.CharField(label="Name or registration number", required=False, max_length=200)
    service_type = forms.ChoiceField(label="Service type", required=False, choices=[("", "Any")] + ServiceType.choices)
    local_authority = forms.ModelChoiceField(
        label="Local authority", required=False, queryset=LocalAuthority.objects.all(), empty_label="Any"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Field.text("q", field_width=Fluid.ONE_HALF, label_size=Size.SMALL),
            Field.select("service_type", label_size=Size.SMALL),
            Field.select("local_authority", label_size=Size.SMALL),
            Submit("search", "Search", css_class="govuk-button--secondary"),
        )
