"""Every email the service sends: its template name, what it is for, and example data to preview it.

Templates live in templates/notifications/<name>/ as subject.txt, body.txt and body.html.
An administrator previews each one with the example context in Django admin.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EmailTemplate:
    name: str
    purpose: str
    example: dict = field(default_factory=dict)


_TEMPLATES: dict[str, EmailTemplate] = {}


def register(name, purpose, example):
    _TEMPLATES[name] = EmailTemplate(name, purpose, example)


def get(name):
    return _TEMPLATES[name]


def all_templates():
    return sorted(_TEMPLATES.values(), key=lambda t: t.name)


register(
    "account_invitation",
    "A new account was created for someone: they choose a password to sign in.",
    {
        "full_name": "Morag Campbell",
        "role": "Local authority co-ordinator",
        "link": "https://example.gov.uk/accounts/set-password/abc/def/",
    },
)
