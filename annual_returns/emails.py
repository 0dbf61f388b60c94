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
    "annual_return_submitted",
    "The confirmation a provider gets when a service's annual return is submitted, with its reference.",
    {**EXAMPLE, "service": "Ness Bank Care Home (CS2003001010)", "reference": "AR2027-CS2003001010"},
)
catalogue.register(
    "annual_return_deadline_passed",
    "A service that must submit did not submit its annual return by its deadline.",
    EXAMPLE,
)

VARIATION_EXAMPLE = {
    "full_name": "Shona Grant",
    "reference": "VAR-00001",
    "service": "Ness Bank Care Home (CS2003001010)",
    "end_on": "30 June 2027",
    "link": "https://example.gov.uk/annual-returns/variations/1/",
}
catalogue.register(
    "variation_conditions_ending",
    "A skills-mix variation's time-limited conditions end within four weeks: the evaluation is due.",
    VARIATION_EXAMPLE,
)
catalogue.register(
    "variation_evaluation_overdue",
    "A variation's conditions have ended and the provider has not submitted the evaluation.",
    VARIATION_EXAMPLE,
)
catalogue.register(
    "variation_information_requested",
    "The registration team asks the provider for more information about a variation request.",
    {**VARIATION_EXAMPLE, "note": "Send the proposed rota for night shifts.", "link": "/annual-returns/variations/1/"},
)
catalogue.register(
    "variation_decided",
    "The registration team has decided a variation request (agreed, refused, extended, made permanent or ended).",
    {
        **VARIATION_EXAMPLE,
        "decision": "agreed",
        "note": "Agreed with conditions until 30 June 2027: a registered nurse on every shift.",
        "link": "/annual-returns/variations/1/",
    },
)
