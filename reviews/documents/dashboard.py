"""The document exchange in the menu and on the home page."""

from inspectorate.core.dashboard import NavItem, Section
from reviews.documents import queries


def nav_items(user):
    if not user.is_authenticated:
        return []
    if user.is_coordinator:
        return [NavItem("Documents", "documents:list", order=40)]
    if queries.is_team_side(user):
        return [NavItem("Document requests", "documents:reviews", order=40)]
    return []


def home_sections(user):
    if not user.is_authenticated or not user.is_coordinator:
        return []
    outstanding = list(queries.outstanding_for_coordinator(user)[:10])
    if not outstanding:
        return []
    return [Section("Documents to send", "documents/home_outstanding.html", {"area_requests": outstanding}, order=20)]
