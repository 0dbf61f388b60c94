from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "Service core"
    name = "inspectorate.core"
    label = "core"

    def ready(self):
        from inspectorate.core import retention_rules

        retention_rules.register()
