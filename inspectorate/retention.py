"""The retention schedule: how long each kind of data is kept, and what happens when it expires.

Each rule has a period (a setting with a default) and a function that deletes or anonymises what
is older than the cut-off and returns how many rows it touched. Apps register their own rules
with `register(...)` from their AppConfig.ready(). The daily task `apply_retention_schedule`
runs every rule and leaves one audit row per rule, so the trail shows that the schedule ran.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from inspectorate.audit.trail import Action, record


@dataclass(frozen=True)
class Rule:
    kind: str
    description: str
    setting: str
    default_days: int
    apply: object  # callable(cutoff: datetime) -> int

    @property
    def days(self):
        return getattr(settings, self.setting, self.default_days)


_RULES: dict[str, Rule] = {}


def register(kind, description, setting, default_days, apply):
    _RULES[kind] = Rule(kind, description, setting, default_days, apply)


def schedule():
    return sorted(_RULES.values(), key=lambda rule: rule.kind)


def apply_all(now=None):
    """Apply every rule; returns {kind: rows deleted or anonymised}."""
    now = now or timezone.now()
    done = {}
    for rule in schedule():
        cutoff = now - timedelta(days=rule.days)
        with transaction.atomic():
            count = rule.apply(cutoff)
            record(None, Action.DELETE, outcome="retention", kind=rule.kind, cutoff=cutoff.isoformat(), rows=count)
        done[rule.kind] = count
    return done
