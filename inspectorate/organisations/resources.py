"""django-import-export resource for the national register of care services.

Matched on the registration number; providers are found by their number (and created from the
row's provider_name when new); bad rows are reported as validation errors, so the admin's dry-run
preview lists every one with its reason before anything is saved.

The national register is about 14,000 rows, so nothing here queries per row: existing services,
local authorities and providers are each read once per import, new providers are written in one
insert before the rows, and the services in batches (docs/performance.md).
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from inspectorate.organisations.models import CareService, LocalAuthority, Provider, ServiceStatus, ServiceType


class CachedLookupWidget(widgets.ForeignKeyWidget):
    """Finds the related row in a dict loaded once per import (the resource's before_import)."""

    def __init__(self, model, field, missing):
        super().__init__(model, field)
        self.missing = missing
        self.cache = {}

    def load(self, queryset=None):
        """All of the model's rows, or add those of queryset."""
        if queryset is None:
            self.cache, queryset = {}, self.model.objects.all()
        self.cache.update({getattr(item, self.field): item for item in queryset})

    def clean(self, value, row=None, **kwargs):
        if not value:
            raise ValueError(self.missing)
        found = self.cache.get(value)
        if found is None:
            found = self.unknown(value, row or {})
        return found

    def unknown(self, value, row):
        raise ValueError(f"'{value}' is not a known {self.model._meta.verbose_name}")


class ProviderByNumberWidget(CachedLookupWidget):
    """Finds the provider by its number. New providers are created from the rows' provider_name by
    the resource, all in one insert, before the rows are read."""

    def __init__(self):
        super().__init__(Provider, "provider_number", "Enter the provider number")

    def unknown(self, value, row):
        name = row.get("provider_name") or ""
        if not name:
            raise ValueError(f"Provider {value} is not known: add a provider_name to create it")
        # Reached only in a dry run without a transaction, which writes nothing.
        return Provider(provider_number=value, name=name)


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
    provider = fields.Field(attribute="provider", column_name="provider_number", widget=ProviderByNumberWidget())
    local_authority = fields.Field(
        attribute="local_authority",
        column_name="local_authority",
        widget=CachedLookupWidget(LocalAuthority, "name", "Enter the local authority"),
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
        # One query for every service of the file that is already registered.
        instance_loader_class = CachedInstanceLoader
        # Every row is validated (validate_instance below) before it joins a batch, so a bad row is
        # still reported on its own, with its reason, and a batch insert cannot fail on one.
        use_bulk = True
        batch_size = 1000
        # validate_instance below cleans each row without the per-row queries of full_clean's
        # foreign key and uniqueness checks; the widgets and the registration numbers seen stand in.
        clean_model_instances = False
        skip_unchanged = True

    def get_queryset(self):
        # The loader's existing services: their provider and area are compared with the row's.
        return CareService.objects.select_related("provider", "local_authority")

    def import_data_inner(self, dataset, dry_run, raise_errors, using_transactions, collect_failed_rows, **kwargs):
        self._can_write = using_transactions or not dry_run
        return super().import_data_inner(
            dataset, dry_run, raise_errors, using_transactions, collect_failed_rows, **kwargs
        )

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._first_row = {}  # registration number -> the row of the file it is first on
        self.fields["local_authority"].widget.load()
        providers = self.fields["provider"].widget
        providers.load()
        if not getattr(self, "_can_write", True) or "provider_number" not in (dataset.headers or []):
            return
        names = dataset["provider_name"] if "provider_name" in dataset.headers else [""] * len(dataset)
        new = {}
        for number, name in zip(dataset["provider_number"], names, strict=True):
            if number and name and number not in providers.cache:
                new.setdefault(number, name)  # the first row naming a new provider names it
        if new:
            Provider.objects.bulk_create([Provider(provider_number=n, name=name) for n, name in new.items()])
            providers.load(Provider.objects.filter(provider_number__in=new))

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        number = row.get("registration_number")
        first = self._first_row.setdefault(number, kwargs.get("row_number"))
        if number and first != kwargs.get("row_number"):
            errors.setdefault("registration_number", []).append(f"{number} is also on row {first}")
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own field checks, minus the queries: the foreign keys come from the widgets'
        caches and the registration number is unique within the file (import_instance) and matched
        against the register (the instance loader)."""
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errors, "provider", "local_authority"], validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
