from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "inspectorate.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from inspectorate.reports import emails  # noqa: F401
