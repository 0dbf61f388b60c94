from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "inspectorate.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from inspectorate.audit import signals  # noqa: F401
