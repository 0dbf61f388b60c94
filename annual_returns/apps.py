from django.apps import AppConfig


class AnnualReturnsConfig(AppConfig):
    name = "annual_returns"
