from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"

    def ready(self):
        from surveys import emails  # noqa: F401 - registers the survey email templates
