"""Demo document requests for the disabled children and young people review, with Dundee City's files.

Safe to run again: requests are matched on their title, files on their description, and a file
already uploaded is not uploaded twice.
"""

from datetime import date

from django.core.files.base import ContentFile

from inspectorate.uploads import check_upload
from reviews.documents import actions
from reviews.documents.models import AreaRequest, AreaStatus, DocumentRequest, Upload
from reviews.models import Phase, Review

REQUESTS = [
    (
        "Position statement",
        "A short position statement on social work services for disabled children and young people in your "
        "area: what is working well, what needs to improve, and how you know. No more than 10 pages.",
        date(2023, 11, 10),
    ),
    (
        "Written evidence",
        "A short list of documents that support your position statement, such as the children's services plan, "
        "relevant policies and procedures, and any self-evaluation or audit reports from the last two years. "
        "Do not send case records: the team reads a sample of records separately.",
        date(2023, 11, 24),
    ),
]

# Dundee City's files: (request title, description, file name, content); the position statement is accepted.
DUNDEE_FILES = [
    (
        "Position statement",
        "Position statement signed by the chief social work officer",
        "Dundee position statement.pdf",
        "Dundee City: position statement on services for disabled children and young people",
    ),
    (
        "Written evidence",
        "Children's services plan 2023 to 2026",
        "Childrens services plan 2023-2026.pdf",
        "Dundee City children's services plan 2023 to 2026",
    ),
    (
        "Written evidence",
        "List of documents sent, with a note on each",
        "Document list.txt",
        "1. Children's services plan 2023 to 2026\n2. Transitions protocol for young people with disabilities\n",
    ),
]


def small_pdf(text):
    """A valid one-page PDF showing one line of text, built by hand so the demo needs no PDF library."""
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 760 Td ({safe}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def load(people):
    review = Review.objects.get(slug="disabled-children-and-young-people")
    areas = list(review.areas.filter(phase=Phase.FIELDWORK))
    requests = {}
    for title, guidance, due_date in REQUESTS:
        document_request, _ = DocumentRequest.objects.update_or_create(
            review=review,
            title=title,
            defaults=dict(guidance=guidance, due_date=due_date, all_areas=False, created_by=people["lead_inspector"]),
        )
        for area in areas:
            AreaRequest.objects.get_or_create(request=document_request, review_area=area)
        requests[title] = document_request

    coordinator = people["coordinator_dundee"]
    for title, description, name, text in DUNDEE_FILES:
        area_request = AreaRequest.objects.get(
            request=requests[title], review_area__local_authority=coordinator.local_authority
        )
        if Upload.objects.filter(area_request=area_request, description=description).exists():
            continue
        content = small_pdf(text) if name.endswith(".pdf") else text.encode()
        checked = check_upload(ContentFile(content, name=name))
        actions.add_uploads(area_request, [checked], description=description, by=coordinator)

    position_statement = AreaRequest.objects.get(
        request=requests["Position statement"], review_area__local_authority=coordinator.local_authority
    )
    if position_statement.status == AreaStatus.UPLOADED:
        actions.accept(position_statement, by=people["lead_inspector"])
    return requests
