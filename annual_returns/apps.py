from django.apps import AppConfig


class AnnualReturnsConfig(AppConfig):
    name = "annual_returns"
    verbose_name = "Annual returns"

    def ready(self):
        from annual_returns import emails  # noqa: F401 - registers the email templates
