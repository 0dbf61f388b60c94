"""django-import-export resource for the national register of care services.

Matched on the registration number; providers are found by their number (and created from the
row's provider_name when new); bad rows are reported as validation errors, so the admin's dry-run
preview lists every one with its reason before anything is saved.
"""

from import_export import fields, resources, widgets

from inspectorate.organisations.models import CareService, LocalAuthority, Provider, ServiceStatus, ServiceType


class ProviderByNumberWidget(widgets.ForeignKeyWidget):
    """Finds the provider by its number, creating it from the row's provider_name when it is new."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            raise ValueError("Enter the provider number")
        name = (row or {}).get("provider_name") or ""
        provider = Provider.objects.filter(provider_number=value).first()
        if provider is None:
            if not name:
                raise ValueError(f"Provider {value} is not known: add a provider_name to create it")
            provider = Provider.objects.create(provider_number=value, name=name)
        return provider


class ChoiceWidget(widgets.Widget):
    def __init__(self, choices):
        self.choices = dict(choices)
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        if value not in self.choices:
            raise ValueError(f"'{value}' is not one of: {', '.join(self.choices)}")
        return value


class ServiceRegisterResource(resources.ModelResource):
    """One row per registered care service, matched on its registration number."""

    registration_number = fields.Field(attribute="registration_number", column_name="registration_number")
    provider = fields.Field(
        attribute="provider", column_name="provider_number", widget=ProviderByNumberWidget(Provider, "provider_number")
    )
    local_authority = fields.Field(
        attribute="local_authority",
        column_name="local_authority",
        widget=widgets.ForeignKeyWidget(LocalAuthority, "name"),
    )
    service_type = fields.Field(
        attribute="service_type", column_name="service_type", widget=ChoiceWidget(ServiceType.choices)
    )
    status = fields.Field(attribute="status", column_name="status", widget=ChoiceWidget(ServiceStatus.choices))
    registered_on = fields.Field(
        attribute="registered_on", column_name="registered_on", widget=widgets.DateWidget("%Y-%m-%d")
    )

    class Meta:
        model = CareService
        import_id_fields = ["registration_number"]
        fields = [
            "registration_number",
            "name",
            "provider",
            "service_type",
            "local_authority",
            "registered_on",
            "status",
            "capacity",
        ]
        clean_model_instances = True
        skip_unchanged = True
