"""Annual returns in the menu and on the home page."""

from annual_returns import actions, queries
from inspectorate.core.dashboard import NavItem, Section


def nav_items(user):
    if user.is_provider_user:
        return [
            NavItem("Annual returns", "annual_returns:home", order=25),
            NavItem("Variations", "annual_returns:variation-list", order=26),
        ]
    if user.is_regulator_staff or user.is_administrator:
        return [
            NavItem("Annual returns", "annual_returns:regulator-home", order=70),
            NavItem("Variations", "annual_returns:variation-list", order=71),
        ]
    return []


def service_sections(user, service):
    """On the service page: the inspection flag from an agreed variation (first, as a warning), and
    for inspectors, the way to the benchmark page."""
    from annual_returns.variations.models import VariationRequest

    sections = []
    flagged = VariationRequest.objects.filter(service=service, inspect_all_quality_themes=True).exists()
    if flagged and (user.is_regulator_staff or user.is_administrator or user.is_provider_user):
        sections.append(Section("Next inspection", "annual_returns/service_flag.html", {"service": service}, order=10))
    if user.is_regulator_staff or user.is_administrator:
        sections.append(Section("Annual returns", "annual_returns/service_links.html", {"service": service}, order=30))
    return sections


def home_sections(user):
    if not user.is_provider_user:
        return []
    cycle = actions.current_cycle()
    if cycle is None:
        return []
    rows = queries.provider_rows(user, cycle)
    return [
        Section(
            f"Annual return {cycle.year}", "annual_returns/home_section.html", {"cycle": cycle, "rows": rows}, order=30
        )
    ]
