from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "inspectorate.organisations"
    label = "organisations"
