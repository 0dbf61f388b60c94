"""django-import-export resources: annual returns in and out (the register of services is in
inspectorate/organisations/resources.py, re-exported here for the import jobs).

Rows that fail are reported as validation errors, so the admin's dry-run preview (and an ImportJob's
report) lists every bad row with its reason before anything is saved.
"""

import json

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from annual_returns import metrics
from annual_returns.models import AnnualReturn, Cycle, ReturnStatus, SectionAnswer, SectionStatus
from inspectorate.organisations.models import CareService
from inspectorate.organisations.resources import ServiceRegisterResource

__all__ = ["AnnualReturnResource", "ServiceRegisterResource"]

SECTION_KEYS = ["service_details", "people", "capacity", "staffing", "sssc", "topics"]


class AnnualReturnResource(resources.ModelResource):
    """One row per return: the cycle year, the service, the submission and each section's answers as JSON."""

    year = fields.Field(attribute="cycle", column_name="year", widget=widgets.ForeignKeyWidget(Cycle, "year"))
    registration_number = fields.Field(
        attribute="service",
        column_name="registration_number",
        widget=widgets.ForeignKeyWidget(CareService, "registration_number"),
    )
    service_type = fields.Field(column_name="service_type", readonly=True)
    local_authority = fields.Field(column_name="local_authority", readonly=True)
    submitted_at = fields.Field(
        attribute="submitted_at", column_name="submitted_at", widget=widgets.DateTimeWidget("%Y-%m-%dT%H:%M:%S")
    )

    class Meta:
        model = AnnualReturn
        import_id_fields = ["year", "registration_number"]
        fields = [
            "year",
            "registration_number",
            "service_type",
            "local_authority",
            "status",
            "reference",
            "submitted_at",
            "staff_turnover",
            "vacancy_rate",
            "agency_use",
            "occupancy",
        ]
        export_order = fields
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for key in SECTION_KEYS:
            self.fields[key] = fields.Field(column_name=key, readonly=True)

    def get_queryset(self):
        return AnnualReturn.objects.select_related("cycle", "service__local_authority").prefetch_related(
            "section_answers"
        )

    def export_field(self, field, instance, **kwargs):
        if field.column_name in SECTION_KEYS:
            answers = {a.section: a.answers for a in instance.section_answers.all()}
            return json.dumps(answers.get(field.column_name, {}), sort_keys=True)
        return super().export_field(field, instance, **kwargs)

    def dehydrate_service_type(self, annual_return):
        return annual_return.service.service_type

    def dehydrate_local_authority(self, annual_return):
        return annual_return.service.local_authority.name

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        errors = {}
        for key in SECTION_KEYS:
            try:
                value = json.loads(row.get(key) or "{}")
                if not isinstance(value, dict):
                    raise ValueError
            except ValueError:
                errors[key] = f"The {key} column must hold the section's answers as a JSON object"
        if not row.get("submitted_at"):
            errors["submitted_at"] = "A past return must have the date and time it was submitted"
        if errors:
            raise ValidationError(errors)
        instance.status = ReturnStatus.SUBMITTED
        if not instance.reference and instance.cycle_id and instance.service_id:
            instance.reference = f"AR{instance.cycle.year}-{instance.service.registration_number}"
        answers = {key: json.loads(row.get(key) or "{}") for key in SECTION_KEYS}
        for name, value in metrics.compute(answers).items():
            setattr(instance, name, value)
        instance._imported_answers = answers

    def after_save_instance(self, instance, row, **kwargs):
        if kwargs.get("dry_run"):
            return
        for key, answers in getattr(instance, "_imported_answers", {}).items():
            if answers:
                SectionAnswer.objects.update_or_create(
                    annual_return=instance,
                    section=key,
                    defaults={"answers": answers, "status": SectionStatus.COMPLETED, "carried_forward": False},
                )
