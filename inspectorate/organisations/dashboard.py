from inspectorate.core.dashboard import NavItem, Section
from inspectorate.organisations.models import CareService


def nav_items(user):
    if user.is_regulator_staff or user.is_administrator:
        return [NavItem("Care services", "organisations:service-list", order=80)]
    if user.is_provider_user:
        return [NavItem("Your services", "organisations:service-list", order=20)]
    return []


def home_sections(user):
    if not user.is_provider_user:
        return []
    services = CareService.objects.for_user(user).select_related("local_authority")
    return [Section("Your registered services", "organisations/home_services.html", {"services": services}, order=40)]
