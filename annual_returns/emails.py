"""The annual-return emails, registered with the notification catalogue (imported from AppConfig.ready)."""

from inspectorate.notifications import catalogue

EXAMPLE = {
    "full_name": "Shona Grant",
    "year": 2027,
    "services": "Ness Bank Care Home (CS2003001010)",
    "deadline": "4 January 2027",
    "link": "https://example.gov.uk/annual-returns/",
}

catalogue.register(
    "annual_return_cycle_opened",
    "The annual return window has opened: each provider user is told once, with the deadline.",
    {**EXAMPLE, "opens_on": "9 November 2026"},
)
catalogue.register(
    "annual_return_reminder",
    "A service has not submitted its annual return: sent two weeks and three days before its deadline.",
    {**EXAMPLE, "days_left": 14},
)
catalogue.register(
    "annual_return_deadline_passed",
    "A service that must submit did not submit its annual return by its deadline.",
    EXAMPLE,
)
