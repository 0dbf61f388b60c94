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
    "daily_digest",
    "A person who chose a daily summary gets one email listing their new notices.",
    {
        "full_name": "Morag Campbell",
        "notices": [
            {"subject": "New document request: position statement", "reason": "You co-ordinate Dundee City"},
            {"subject": "The staff survey closes in 3 days", "reason": "You co-ordinate Dundee City"},
        ],
    },
)
register(
    "account_invitation",
    "A new account was created for someone: they choose a password to sign in.",
    {
        "full_name": "Morag Campbell",
        "role": "Local authority co-ordinator",
        "link": "https://example.gov.uk/accounts/set-password/abc/def/",
    },
)
