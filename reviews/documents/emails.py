"""The emails the document exchange sends. None carries a document: each links to the service."""

from inspectorate.notifications import catalogue

EXAMPLE = {
    "title": "Position statement and written evidence",
    "review": "Thematic review of social work services for disabled children and young people",
    "area": "Dundee City",
    "due_date": "27 August 2024",
    "link": "/documents/requests/1/",
}

catalogue.register(
    "document_request_created",
    "The review team has asked a co-ordinator's area for documents.",
    EXAMPLE,
)
catalogue.register("document_due_soon", "A document request for a co-ordinator's area is due in a few days.", EXAMPLE)
catalogue.register("document_overdue", "A document request for a co-ordinator's area is past its due date.", EXAMPLE)
catalogue.register("document_accepted", "The review team has accepted an area's documents.", EXAMPLE)
catalogue.register(
    "document_returned",
    "The review team has returned an area's documents with a comment.",
    {**EXAMPLE, "comment": "Please send the signed version of the position statement."},
)
