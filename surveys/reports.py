"""The local staff survey report: one area's staff survey results, for the team and, once released,
that area's co-ordinator. Registered with inspectorate.reports on start-up.

Results come from surveys.results (every count through inspectorate.disclosure); free text is never
reproduced, only the passages the team cleared for this area.
"""

from inspectorate.disclosure import suppress_distribution
from inspectorate.reports import access, kinds
from inspectorate.reports.models import ClearedExcerpt
from reviews.models import ReviewArea
from reviews.reports import survey_sections
from surveys.models import Audience, SurveyLink
from surveys.results import survey_results


def build_staff_survey(area):
    area = ReviewArea.objects.select_related("review", "local_authority").get(pk=area.pk)
    name = str(area.local_authority)
    links = list(
        SurveyLink.objects.filter(review_area=area, survey__audience=Audience.STAFF)
        .select_related("survey", "review_area__local_authority")
        .order_by("survey__opens_at", "pk")
    )
    blocks = []
    for link in links:
        results = survey_results(link.survey, link=link)
        questions, free_text = survey_sections(results)
        blocks.append(
            {
                "survey": link.survey,
                "responses": results.responses,
                "expected": link.expected_responses,
                "questions": questions,
                "free_text": free_text,
            }
        )
    excerpts = list(
        ClearedExcerpt.objects.filter(
            review=area.review, area=area, answer__response__survey__audience=Audience.STAFF
        ).order_by("source", "cleared_at", "pk")
    )
    return {
        "title": f"Staff survey in {name}: {area.review.title}",
        "kind_label": "Local staff survey report",
        "classification": f"Official sensitive: for {name} only",
        "description": f"The results of the staff survey in {name}",
        "sections": [
            {"id": "about", "title": "About the survey"},
            {"id": "results", "title": "Results"},
            {"id": "about-the-data", "title": "About the figures"},
        ],
        "area": area,
        "area_name": name,
        "review": area.review,
        "surveys": blocks,
        "excerpts": excerpts,
        "threshold": suppress_distribution({}).limit,
    }


kinds.register(
    kinds.ReportKind(
        key="staff-survey",
        title="Local staff survey report",
        subject_model="reviews.ReviewArea",
        template="reports/staff_survey.html",
        build=build_staff_survey,
        can_generate=access.on_area_team,
        can_view=access.released_to_area("staff-survey"),
        releasable=True,
        filename=lambda area: f"staff-survey-{area.local_authority.slug}-review-{area.review_id}",
    )
)
