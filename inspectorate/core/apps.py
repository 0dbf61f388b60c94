from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "Service core"
    name = "inspectorate.core"
    label = "core"
