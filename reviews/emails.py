"""The emails the reviews app sends, registered in the notifications catalogue."""

from inspectorate.notifications import catalogue

catalogue.register(
    "review_nomination_invitation",
    "An area taking part in a review is asked to nominate its co-ordinator by a deadline: the link creates or "
    "links the co-ordinator's account.",
    {
        "full_name": "Graham Stewart",
        "local_authority": "Dundee City",
        "review_title": "Thematic review of social work services for disabled children and young people",
        "deadline": "6 October 2023",
        "link": "https://example.gov.uk/reviews/nomination/abc/",
    },
)
catalogue.register(
    "review_coordinator_accepted",
    "The lead inspector hears that an area's co-ordinator has accepted the nomination.",
    {
        "full_name": "Fiona Mackenzie",
        "coordinator": "Graham Stewart",
        "local_authority": "Dundee City",
        "review_title": "Thematic review of social work services for disabled children and young people",
        "link": "https://example.gov.uk/reviews/1/areas/",
    },
)

EXAMPLE = {
    "full_name": "Graham Stewart",
    "local_authority": "Dundee City",
    "review_title": "Thematic review of social work services for disabled children and young people",
    "deadline": "6 October 2023",
    "link": "/reviews/nomination/abc/",
}
catalogue.register(
    "review_notification_letter",
    "The review has started (moved to notified): each participating area's co-ordinator, or its invited contact, "
    "gets the notification letter.",
    {**EXAMPLE, "aims": "How well are disabled children and young people supported?", "link": "/reviews/1/"},
)
catalogue.register(
    "review_nomination_reminder",
    "An area has not confirmed its co-ordinator and the nomination deadline is a few days away.",
    EXAMPLE,
)
catalogue.register(
    "review_nomination_overdue",
    "An area has not confirmed its co-ordinator and the nomination deadline has passed.",
    EXAMPLE,
)
