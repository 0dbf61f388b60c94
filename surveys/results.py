"""Survey results: counts and percentages per option, nationally and per area, after disclosure
control. Every count leaves here through inspectorate.disclosure; nothing else decides what is shown.

The whole survey is read in a fixed number of queries, whatever the number of responses.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count

from inspectorate import charts
from inspectorate.disclosure import Cell, is_small, suppress_distribution, suppress_table, threshold
from surveys.models import TEXT_KINDS, Answer, Kind, SurveyLink
from surveys.questionnaire import Questionnaire

SCALE_KINDS = {Kind.AGREEMENT, Kind.SIX_POINT}


@dataclass
class AreaCount:
    link: SurveyLink
    cell: object
    expected: int


@dataclass
class QuestionResult:
    question: object
    rows: list  # [(option label, Cell)]
    distribution: object
    chart: str = ""
    by_area: list = field(default_factory=list)  # [(area name, [(option label, Cell)], row total Cell)]
    by_area_chart: str = ""
    average: float | None = None
    texts: list = field(default_factory=list)


@dataclass
class Results:
    survey: object
    link: SurveyLink | None
    responses: object  # Cell-like total for the scope shown
    areas: list
    areas_total: object
    questions: list

    @property
    def scope_name(self):
        return str(self.link.local_authority) if self.link else "All areas"


def survey_results(survey, *, link=None, include_text=False):
    """Results for the whole survey (link=None: national, with each area alongside) or one area.

    include_text: free-text answers, for the team's analysis only.
    """
    questionnaire = Questionnaire(survey)
    links = list(
        SurveyLink.objects.filter(survey=survey)
        .select_related("review_area__local_authority")
        .annotate(responses_count=Count("responses"))
        .order_by("review_area__local_authority__name")
    )
    area_distribution = suppress_distribution({item.pk: item.responses_count for item in links})
    areas = [AreaCount(item, area_distribution.cells[item.pk], item.expected_responses) for item in links]
    if link is not None:
        links = [item for item in links if item.pk == link.pk]
        responses = suppress_distribution({link.pk: links[0].responses_count if links else 0})
    else:
        responses = area_distribution

    # No ordering: Answer.Meta.ordering would join question, section and survey into every
    # grouped query below and make PostgreSQL sort the answers it groups.
    answers = Answer.objects.filter(response__survey=survey).order_by()
    if link is not None:
        answers = answers.filter(response__link=link)
    option_counts = defaultdict(int)  # (question, link, option) -> n
    respondents = defaultdict(int)  # (question, link) -> responses that answered it
    # One pass over the answers, grouped by question, area and option (NULL for number and text).
    # Every kind but multiple choice has one row per response that answered, so its rows add up to
    # its respondents; counting distinct responses over all the answers would sort every one of them.
    for row in answers.values("question_id", "response__link_id", "option_id").annotate(n=Count("id")):
        key = (row["question_id"], row["response__link_id"])
        if row["option_id"] is not None:
            option_counts[(*key, row["option_id"])] = row["n"]
        respondents[key] += row["n"]
    # Multiple choice: one row per option chosen, so its respondents are counted distinct.
    for row in (
        answers.filter(question__kind=Kind.MULTIPLE)
        .values("question_id", "response__link_id")
        .annotate(n=Count("response_id", distinct=True))
    ):
        respondents[(row["question_id"], row["response__link_id"])] = row["n"]
    averages = {
        row["question_id"]: row["average"]
        for row in answers.filter(number__isnull=False).values("question_id").annotate(average=Avg("number"))
    }
    texts = defaultdict(list)
    if include_text:
        for row in (
            answers.filter(question__kind__in=TEXT_KINDS)
            .exclude(text="")
            .values("question_id", "text", "response__link__review_area__local_authority__name")
            .order_by("response__submitted_at", "pk")
        ):
            texts[row["question_id"]].append((row["response__link__review_area__local_authority__name"], row["text"]))

    results = []
    for question in questionnaire.questions:
        options = list(question.options.all())
        total = sum(respondents[(question.pk, item.pk)] for item in links)
        counts = {
            option.label: sum(option_counts[(question.pk, item.pk, option.pk)] for item in links) for option in options
        }
        multiple = question.kind == Kind.MULTIPLE
        distribution = suppress_distribution(counts, total=total if multiple else None)
        result = QuestionResult(question, list(distribution.items()), distribution, texts=texts.get(question.pk, []))
        if question.kind == Kind.NUMBER and not is_small(total, threshold()):
            result.average = averages.get(question.pk)
        if options:
            result.chart = charts.horizontal_bar(
                question.text,
                [(label, cell.percent if not cell.suppressed else None) for label, cell in result.rows],
                description=_describe(result.rows, distribution, multiple),
            )
        if question.kind in SCALE_KINDS and link is None and len(links) > 1:
            result.by_area = _by_area(question, options, links, option_counts)
            result.by_area_chart = charts.stacked_bar(
                f"{question.text} By area",
                [(name, [(label, cell.percent) for label, cell in cells]) for name, cells, _ in result.by_area],
                description="Percentage of each area's answers for each option. Counts under the threshold, and "
                "counts that would let them be worked out, are not shown. The table below gives the same figures.",
                legend=[option.label for option in options],
            )
        results.append(result)
    return Results(survey, link, responses, areas, area_distribution, results)


def _by_area(question, options, links, option_counts):
    """Area x option, suppressed as one two-way table: the national count of each option is
    published too, so a hidden cell must not be recoverable from its column either."""
    names = [str(item.local_authority) for item in links]
    labels = [option.label for option in options]
    counts = {
        (str(item.local_authority), option.label): option_counts[(question.pk, item.pk, option.pk)]
        for item in links
        for option in options
    }
    table = suppress_table(counts, names, labels)
    rows = []
    for name in names:
        total = table.row_totals[name]
        cells = []
        for label in labels:
            cell = table.cell(name, label)
            percent = None if cell.suppressed or not total.count else 100 * cell.count / total.count
            cells.append((label, Cell(cell.count, cell.suppressed, percent, cell.limit)))
        rows.append((name, cells, total))
    return rows


def _describe(rows, distribution, multiple):
    shown = [f"{label} {cell.percent_display}" for label, cell in rows if not cell.suppressed and cell.percent]
    hidden = [label for label, cell in rows if cell.suppressed]
    text = (
        f"Out of {distribution.total_display} responses{' (people could choose more than one)' if multiple else ''}: "
    )
    text += "; ".join(shown) if shown else "no percentages can be shown"
    if hidden:
        text += f". Not shown because the numbers are small: {', '.join(hidden)}"
    return text + ". The table gives the same figures."
