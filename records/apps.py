from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Record reading"

    def ready(self):
        from records import emails  # noqa: F401 - registers the app's email templates
