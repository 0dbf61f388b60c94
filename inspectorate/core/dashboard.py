"""Navigation and home-page sections, contributed by each app.

An app that has something to show adds a `dashboard.py` with `nav_items(user)` and/or
`home_sections(user)`. The core asks each in turn, so apps stay independent of each other and a
feature appears in the menu only when its app provides it.
"""

import importlib
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 50

    @property
    def url(self):
        return reverse(self.url_name)


@dataclass
class Section:
    """A block on someone's home page: what they must do next in one part of the service."""

    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


@cache
def _dashboards():
    modules = []
    for app in settings.INSTALLED_APPS:
        if app == __package__:
            continue
        try:
            modules.append(importlib.import_module(f"{app}.dashboard"))
        except ModuleNotFoundError as error:
            if error.name != f"{app}.dashboard":
                raise
    return modules


def nav_items(user):
    items = [item for module in _dashboards() if hasattr(module, "nav_items") for item in module.nav_items(user)]
    return sorted(items, key=lambda item: item.order)


def service_sections(user, service):
    """Blocks on a care service's page, contributed by the apps that hold data about it."""
    sections = [
        s
        for module in _dashboards()
        if hasattr(module, "service_sections")
        for s in module.service_sections(user, service)
    ]
    return sorted(sections, key=lambda s: s.order)


def home_sections(user):
    sections = [s for module in _dashboards() if hasattr(module, "home_sections") for s in module.home_sections(user)]
    return sorted(sections, key=lambda s: s.order)
