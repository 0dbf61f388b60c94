from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "inspectorate.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from inspectorate.reports import emails  # noqa: F401

        # Each app registers its kinds of report in its own reports.py, found here once every app is loaded.
        autodiscover_modules("reports")
