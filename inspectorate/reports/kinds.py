"""The kinds of report the service renders, registered by the apps that own their data.

An app describes each report once: what it is about (its subject model), how to build its
context, the template that lays it out (the same template is the HTML preview and the PDF), who
may generate it, who may read it, and whether it may be published on a public page. The core
does the rest: versions, the rendering task, access checks, audit and downloads.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.http import Http404


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    subject_model: str  # "app_label.ModelName"
    template: str
    build: Callable  # (subject) -> dict: the template's context
    can_generate: Callable  # (user, subject) -> bool
    can_view: Callable  # (user, subject) -> bool
    publishable: bool = False
    filename: Callable | None = None  # (subject) -> str, without extension
    releasable: bool = False  # an area report: the team releases it to the area's co-ordinator

    @property
    def model(self):
        return apps.get_model(self.subject_model)

    def subject(self, subject_id):
        try:
            return self.model._default_manager.get(pk=subject_id)
        except (self.model.DoesNotExist, ValueError, TypeError):
            raise Http404("No such report") from None

    def file_stem(self, subject):
        return self.filename(subject) if self.filename else f"{self.key}-{subject.pk}"


_KINDS: dict[str, ReportKind] = {}


def register(kind: ReportKind):
    _KINDS[kind.key] = kind


def get(key) -> ReportKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise Http404("No such report") from None


def all_kinds():
    return list(_KINDS.values())
