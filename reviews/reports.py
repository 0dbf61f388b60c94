"""The reports a review ends in: the national overview, each area's feedback, and the validation
letter of a national self-evaluation. Registered with inspectorate.reports on start-up.

Every count of people, records or responses goes through inspectorate.disclosure. Counts of
events (focus groups held, areas taking part) are not about individuals and are shown as they are,
as the regulator's own reports do ("we held five focus groups"). No person is ever named: the team
is described by its roles, and free text appears only where the team cleared an excerpt.
"""

from collections import Counter

from django.db.models import Count, Sum

from inspectorate.disclosure import suppress_distribution
from inspectorate.reports import access, figures, kinds
from inspectorate.reports.models import ClearedExcerpt
from records.results import review_results
from reviews.models import (
    EngagementKind,
    Evaluation,
    Finding,
    FindingKind,
    Grade,
    Phase,
    Review,
    ReviewArea,
    ReviewKind,
    TeamRole,
    TimelineActivity,
)
from surveys.models import Audience, Kind, Survey, SurveyLink
from surveys.results import survey_results

SIX_POINT = [label for _, label in sorted(Grade.choices, reverse=True)]


def count(n):
    """One count as a disclosure Cell: "fewer than 5" when small."""
    return suppress_distribution({"n": n}).cells["n"]


# --- shared pieces ---------------------------------------------------------------------------


def _findings(review, area=None):
    grouped = {kind: [] for kind in FindingKind.values}
    for finding in Finding.objects.filter(review=review, area=area).order_by("created_at", "pk"):
        grouped[finding.kind].append(finding.text)
    return [{"kind": label, "items": grouped[value]} for value, label in FindingKind.choices if grouped[value]], grouped


def _excerpts(review, area=None, *, audience=None):
    excerpts = ClearedExcerpt.objects.filter(review=review)
    if area is not None:
        excerpts = excerpts.filter(area=area)
    if audience is not None:
        excerpts = excerpts.filter(answer__response__survey__audience=audience)
    grouped = {}
    for excerpt in excerpts.order_by("source", "cleared_at", "pk"):
        grouped.setdefault(excerpt.source, []).append(excerpt.text)
    return [{"source": source, "texts": texts} for source, texts in grouped.items()]


def survey_sections(results, *, chart_prefix=""):
    """A survey's results as the report lays them out: one entry per question with options (table and
    chart), and a note of how many free-text questions were asked."""
    questions = []
    free_text = 0
    for result in results.questions:
        question = result.question
        if question.is_free_text:
            free_text += 1
            continue
        if question.kind == Kind.NUMBER:
            questions.append({"question": question, "average": result.average, "answered": result.distribution})
            continue
        multiple = question.kind == Kind.MULTIPLE
        questions.append(
            {
                "question": question,
                "rows": result.rows,
                "distribution": result.distribution,
                "multiple": multiple,
                "chart": figures.bar_image(
                    f"{chart_prefix}{question.text}",
                    result.rows,
                    description=_describe(result.rows, result.distribution, multiple),
                ),
            }
        )
    return questions, free_text


def _describe(rows, distribution, multiple=False):
    shown = [f"{label} {cell.percent_display}" for label, cell in rows if not cell.suppressed and cell.percent]
    hidden = [label for label, cell in rows if cell.suppressed]
    text = (
        f"Bar chart of {distribution.total_display} answers{' (more than one could be chosen)' if multiple else ''}: "
    )
    text += "; ".join(shown) if shown else "no percentages can be shown"
    if hidden:
        text += f". Not shown because the numbers are small: {', '.join(hidden)}"
    return text + ". The table beside the chart gives the same figures."


def record_sections(result):
    """Record reading results grouped by template section, each question with its table and chart."""
    sections = []
    for question_result in result.questions:
        question = question_result.question
        if not sections or sections[-1]["title"] != question.section.title:
            sections.append({"title": question.section.title, "questions": []})
        rows = list(question_result.distribution.items())
        sections[-1]["questions"].append(
            {
                "question": question,
                "rows": rows,
                "distribution": question_result.distribution,
                "chart": figures.bar_image(
                    f"{question.section.title}: {question.text}",
                    rows,
                    description=_describe(rows, question_result.distribution),
                ),
            }
        )
    return sections


def _engagement(review):
    rows = (
        review.engagements.values("kind")
        .annotate(
            events=Count("pk"),
            children=Sum("children_count"),
            families=Sum("families_count"),
            staff=Sum("staff_count"),
            leaders=Sum("leaders_count"),
        )
        .order_by("kind")
    )
    labels = dict(EngagementKind.choices)
    by_kind = []
    totals = Counter()
    for row in rows:
        people = {key: row[key] or 0 for key in ("children", "families", "staff", "leaders")}
        totals.update(people)
        by_kind.append({"label": labels[row["kind"]], "events": row["events"], "people": suppress_distribution(people)})
    return {
        "by_kind": by_kind,
        "focus_groups": sum(r["events"] for r in by_kind if r["label"] == labels[EngagementKind.FOCUS_GROUP]),
        "events": sum(r["events"] for r in by_kind),
        "people": suppress_distribution(
            {
                "Children and young people": totals["children"],
                "Parents, families and carers": totals["families"],
                "Staff": totals["staff"],
                "Leaders and managers": totals["leaders"],
            }
        ),
    }


def _team_roles(review):
    labels = dict(TeamRole.choices)
    rows = review.team_members.values("role").annotate(n=Count("pk")).order_by("role")
    return [labels[row["role"]] for row in rows]


def _evaluations(review):
    """The national grade of each indicator, and how many participating areas had each grade."""
    evaluations = list(
        Evaluation.objects.filter(review=review).select_related("indicator").order_by("indicator__position", "pk")
    )
    indicators = {}
    for evaluation in evaluations:
        entry = indicators.setdefault(
            evaluation.indicator_id, {"indicator": evaluation.indicator, "national": None, "areas": Counter()}
        )
        if evaluation.area_id is None:
            entry["national"] = evaluation
        else:
            entry["areas"][evaluation.get_grade_display()] += 1
    rows = []
    for entry in indicators.values():
        distribution = suppress_distribution({label: entry["areas"][label] for label in SIX_POINT})
        rows.append(
            {
                "indicator": entry["indicator"],
                "national": entry["national"],
                "areas": list(distribution.items()),
                "distribution": distribution,
                "chart": figures.bar_image(
                    f"QI {entry['indicator'].number}: evaluations of the participating areas",
                    list(distribution.items()),
                    description=_describe(list(distribution.items()), distribution),
                ),
            }
        )
    return rows


def _survey_summary(review):
    surveys = list(
        Survey.objects.filter(review=review).annotate(responses_count=Count("responses")).order_by("opens_at", "pk")
    )
    return [
        {
            "survey": survey,
            "responses": count(survey.responses_count),
        }
        for survey in surveys
    ], surveys


# --- 1. the national overview ----------------------------------------------------------------


def build_national(review):
    review = Review.objects.select_related("framework").get(pk=review.pk)
    areas = list(review.areas.select_related("local_authority").order_by("local_authority__name"))
    fieldwork_areas = [a for a in areas if a.phase == Phase.FIELDWORK]
    findings, grouped = _findings(review)
    survey_summary, surveys = _survey_summary(review)
    survey_blocks = []
    for survey in surveys:
        results = survey_results(survey)
        questions, free_text = survey_sections(results)
        survey_blocks.append(
            {
                "survey": survey,
                "responses": results.responses,
                "areas": results.areas,
                "questions": questions,
                "free_text": free_text,
            }
        )
    per_area, national = review_results(review)
    records = {
        "drawn": count(national.drawn),
        "read": count(national.read),
        "not_read": list(national.not_read.items()),
        "by_area": [{"name": r.title, "drawn": count(r.drawn), "read": count(r.read)} for r in per_area],
        "sections": record_sections(national),
    }
    sections = [
        {"id": "summary", "title": "Summary"},
        {"id": "aims", "title": "About this review"},
        {"id": "methodology", "title": "How we carried out the review"},
        {"id": "findings", "title": "What we found"},
        {"id": "evaluations", "title": "Evaluations"},
        {"id": "surveys", "title": "Survey results"},
        {"id": "records", "title": "Record reading results"},
        {"id": "voices", "title": "In their own words"},
        {"id": "about-the-data", "title": "About the figures"},
    ]
    excerpts = _excerpts(review)
    if not excerpts:
        sections = [s for s in sections if s["id"] != "voices"]
    return {
        "title": f"National overview: {review.title}",
        "kind_label": "National overview report",
        "classification": "Official",
        "description": f"The national overview report of the {review.title.lower()}",
        "sections": sections,
        "review": review,
        "aims": review.aims_list,
        "national_areas": len(areas),
        "fieldwork_areas": [str(a.local_authority) for a in fieldwork_areas],
        "team_roles": _team_roles(review),
        "timeline": list(TimelineActivity.objects.filter(review=review, area__isnull=True).order_by("starts_on", "pk")),
        "engagement": _engagement(review),
        "findings": findings,
        "key_messages": grouped[FindingKind.KEY_MESSAGE],
        "evaluations": _evaluations(review),
        "survey_summary": survey_summary,
        "surveys": survey_blocks,
        "records": records,
        "excerpts": excerpts,
        "threshold": suppress_distribution({}).limit,
    }


def _on_team(user, review):
    return access.on_review_team(user, review)


kinds.register(
    kinds.ReportKind(
        key="national-overview",
        title="National overview report",
        subject_model="reviews.Review",
        template="reports/national_overview.html",
        build=build_national,
        can_generate=_on_team,
        can_view=_on_team,
        publishable=True,
        filename=lambda review: f"national-overview-{review.slug}",
    )
)


# --- 2. an area's feedback -------------------------------------------------------------------


def _comparison(local_results, national_results, area_name):
    """Each choice question of a survey with the area's cells beside the national ones."""
    national_by_question = {r.question.pk: r for r in national_results.questions}
    questions = []
    for result in local_results.questions:
        question = result.question
        if not question.has_options:
            continue
        national = national_by_question[question.pk]
        rows = figures.compare(result.distribution, national.distribution)
        questions.append(_comparison_entry(question.text, rows, result.distribution, national.distribution, area_name))
    return questions


def _comparison_entry(title, rows, local, national, area_name):
    legend = [row.label for row in rows]
    return {
        "title": title,
        "rows": rows,
        "local": local,
        "national": national,
        "chart": figures.comparison_image(
            title,
            [(area_name, [(r.label, r.local) for r in rows]), ("All areas", [(r.label, r.national) for r in rows])],
            legend,
            description=f"Stacked bars comparing the percentage of each answer in {area_name} "
            f"({local.total_display} answers) with all participating areas ({national.total_display} answers). "
            "Small numbers are not shown. The table beside the chart gives the same figures.",
        ),
    }


def area_staff_surveys(area):
    """(survey, area results, national results) for each staff survey of the area's review."""
    links = list(
        SurveyLink.objects.filter(review_area=area, survey__audience=Audience.STAFF)
        .select_related("survey", "review_area__local_authority")
        .order_by("survey__opens_at", "pk")
    )
    return [(link.survey, survey_results(link.survey, link=link), survey_results(link.survey)) for link in links]


def build_area_feedback(area):
    area = ReviewArea.objects.select_related("review", "local_authority").get(pk=area.pk)
    review = area.review
    name = str(area.local_authority)
    per_area, national = review_results(review)
    own = next((r for r in per_area if r.area.pk == area.pk), None)
    record_questions = []
    if own is not None:
        for local_q, national_q in zip(own.questions, national.questions, strict=True):
            rows = figures.compare(local_q.distribution, national_q.distribution)
            title = f"{local_q.question.section.title}: {local_q.question.text}"
            record_questions.append(_comparison_entry(title, rows, local_q.distribution, national_q.distribution, name))
    staff = [
        {
            "survey": survey,
            "responses": local.responses,
            "national_responses": national_results.areas_total,
            "questions": _comparison(local, national_results, name),
        }
        for survey, local, national_results in area_staff_surveys(area)
    ]
    findings, _ = _findings(review, area)
    evaluations = list(
        Evaluation.objects.filter(review=review, area=area).select_related("indicator").order_by("indicator__position")
    )
    sections = [
        {"id": "introduction", "title": "About this feedback"},
        {"id": "findings", "title": f"What we found in {name}"},
        {"id": "records", "title": "Record reading results"},
        {"id": "staff-survey", "title": "Staff survey results"},
        {"id": "about-the-data", "title": "About the figures"},
    ]
    return {
        "title": f"Feedback to {name}: {review.title}",
        "kind_label": "Area feedback report",
        "classification": f"Official sensitive: for {name} only",
        "description": f"Feedback to {name} from the {review.title.lower()}",
        "sections": sections,
        "area": area,
        "area_name": name,
        "review": review,
        "records": {
            "sampled": own is not None,
            "drawn": count(own.drawn if own else 0),
            "read": count(own.read if own else 0),
            "national_read": count(national.read),
            "questions": record_questions,
        },
        "staff_surveys": staff,
        "findings": findings,
        "evaluations": evaluations,
        "excerpts": _excerpts(review, area),
        "threshold": suppress_distribution({}).limit,
    }


kinds.register(
    kinds.ReportKind(
        key="area-feedback",
        title="Area feedback report",
        subject_model="reviews.ReviewArea",
        template="reports/area_feedback.html",
        build=build_area_feedback,
        can_generate=access.on_area_team,
        can_view=access.released_to_area("area-feedback"),
        releasable=True,
        filename=lambda area: f"feedback-{area.local_authority.slug}-review-{area.review_id}",
    )
)


# --- 5. the validation letter of a national self-evaluation -----------------------------------


def build_validation_letter(area):
    area = ReviewArea.objects.select_related("review", "local_authority").get(pk=area.pk)
    review = area.review
    name = str(area.local_authority)
    evaluations = list(
        Evaluation.objects.filter(review=review, area=area).select_related("indicator").order_by("indicator__position")
    )
    findings, _ = _findings(review, area)
    return {
        "title": f"Validation of {name}'s self-evaluation: {review.title}",
        "kind_label": "Validation letter",
        "classification": f"Official sensitive: for {name} only",
        "description": f"The team's validation of {name}'s self-evaluation",
        "area": area,
        "area_name": name,
        "review": review,
        "evaluations": evaluations,
        "findings": findings,
        "aims": review.aims_list,
    }


def _can_validate(user, area):
    # A letter only makes sense for a self-evaluation the team has graded for this area.
    return (
        area.review.kind == ReviewKind.SELF_EVALUATION
        and access.on_area_team(user, area)
        and Evaluation.objects.filter(area=area).exists()
    )


def _can_read_letter(user, area):
    return area.review.kind == ReviewKind.SELF_EVALUATION and access.released_to_area("validation-letter")(user, area)


kinds.register(
    kinds.ReportKind(
        key="validation-letter",
        title="Validation letter",
        subject_model="reviews.ReviewArea",
        template="reports/validation_letter.html",
        build=build_validation_letter,
        can_generate=_can_validate,
        can_view=_can_read_letter,
        releasable=True,
        filename=lambda area: f"validation-{area.local_authority.slug}-review-{area.review_id}",
    )
)
