"""The survey reminders co-ordinators receive, registered with the notification catalogue."""

from inspectorate.notifications import catalogue

EXAMPLE = {
    "full_name": "Graham Stewart",
    "survey_title": "Staff survey",
    "review_title": "Thematic review of social work services for disabled children and young people",
    "area": "Dundee City",
    "opens_on": "2 October 2023",
    "last_day": "29 October 2023",
    "responses": "143",
    "expected": "400",
    "link": "https://example.gov.uk/surveys/shared/",
}

catalogue.register(
    "survey_opening",
    "A survey has opened: the co-ordinator shares their area's link.",
    EXAMPLE,
)
catalogue.register(
    "survey_halfway",
    "A survey is halfway through its window: the co-ordinator sees their area's response count so far.",
    EXAMPLE,
)
catalogue.register(
    "survey_closing",
    "A survey closes in three days: a last reminder with the area's response count.",
    EXAMPLE,
)
