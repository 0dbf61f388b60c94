"""The standard reading template for a review of children's social work records.

Built from the disabled children and young people review: assessment, plan, review, the child's
views and rights, each with a six-point evaluation, yes / no / partly / not applicable questions
and notes.
"""

from django.db import transaction

from inspectorate.audit.trail import Action, record
from records.models import QuestionKind, ReadingQuestion, ReadingSection, ReadingTemplate

E, Y, N = QuestionKind.EVALUATION, QuestionKind.YES_NO, QuestionKind.NOTES

STANDARD = [
    (
        "Assessment",
        [
            (
                "assessment_current",
                Y,
                "Is there an assessment of the child's needs completed in the last 12 months?",
                "",
            ),
            ("assessment_disability", Y, "Does the assessment consider the impact of the child's disability?", ""),
            ("assessment_quality", E, "How well does the assessment identify the child's needs and risks?", ""),
            ("assessment_notes", N, "Notes on the assessment", "Do not record the child's name or other details"),
        ],
    ),
    (
        "Plan",
        [
            ("plan_exists", Y, "Is there a plan that sets out the help the child will get?", ""),
            ("plan_smart", Y, "Are the plan's outcomes specific and measurable?", ""),
            ("plan_quality", E, "How well does the plan meet the needs identified?", ""),
            ("plan_notes", N, "Notes on the plan", ""),
        ],
    ),
    (
        "Review",
        [
            ("review_timely", Y, "Has the plan been reviewed within the expected timescale?", ""),
            ("review_progress", Y, "Does the review record progress towards the outcomes?", ""),
            ("review_quality", E, "How well do reviews make sure the child gets the right help at the right time?", ""),
            ("review_notes", N, "Notes on reviews", ""),
        ],
    ),
    (
        "The child's views",
        [
            ("views_sought", Y, "Were the child's views sought, in a way that suits how they communicate?", ""),
            ("views_influence", Y, "Is there evidence the child's views influenced decisions?", ""),
            ("views_quality", E, "How well are the child and their family supported to have their voices heard?", ""),
            ("views_notes", N, "Notes on the child's views", ""),
        ],
    ),
    (
        "Rights",
        [
            ("rights_informed", Y, "Were the child and family told about their rights, including to advocacy?", ""),
            ("rights_self_directed", Y, "Were self-directed support options discussed?", ""),
            ("rights_quality", E, "How well does social work uphold the child's rights?", ""),
            ("rights_notes", N, "Notes on rights", ""),
        ],
    ),
]


@transaction.atomic
def install_standard(review, *, by=None):
    """Give a review the standard template (idempotent: existing sections and questions are updated)."""
    template, _ = ReadingTemplate.objects.update_or_create(
        review=review, defaults={"title": f"Record reading template: {review.title}"}
    )
    for section_number, (title, questions) in enumerate(STANDARD, start=1):
        section, _ = ReadingSection.objects.update_or_create(
            template=template, number=section_number, defaults={"title": title}
        )
        for number, (key, kind, text, hint) in enumerate(questions, start=1):
            ReadingQuestion.objects.update_or_create(
                section=section, number=number, defaults={"key": key, "kind": kind, "text": text, "hint": hint}
            )
    if by is not None:
        record(by, Action.CREATE, template, what="standard reading template")
    return template
