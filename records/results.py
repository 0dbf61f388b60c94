"""Record reading results per area and national, every count through the shared disclosure control.

A record counts as read when its first reading is complete and it was not marked not read. Where
the lead recorded an agreed answer after moderation, that answer counts instead of the first
reader's. The whole computation takes a fixed number of queries, whatever the number of readings.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from inspectorate import charts
from inspectorate.disclosure import suppress_distribution
from records.models import (
    Answer,
    ModeratedAnswer,
    NotReadReason,
    QuestionKind,
    Reading,
    ReadingQuestion,
    Sample,
    SampledRecord,
)


@dataclass
class QuestionResult:
    question: ReadingQuestion
    distribution: object  # inspectorate.disclosure.Distribution, keyed by option label

    @property
    def chart(self):
        """SVG bars of the percentages; a suppressed count is drawn as "not shown", as in the table."""
        bars = [(option, None if cell.suppressed else cell.percent) for option, cell in self.distribution.items()]
        return charts.horizontal_bar(
            f"{self.question.section.title}: {self.question.text}",
            bars,
            description="Percentage of records read with each answer. The table below gives the numbers.",
        )


@dataclass
class Results:
    """What one area (or the whole review, when `area` is None) read and found."""

    area: object
    drawn: int = 0
    read: int = 0
    in_progress: int = 0
    not_read: object = None  # Distribution keyed by reason label
    questions: list = field(default_factory=list)
    released: bool = False

    @property
    def title(self):
        return str(self.area.local_authority) if self.area is not None else "All areas"


def counted_questions(review):
    return list(
        ReadingQuestion.objects.filter(section__template__review=review)
        .exclude(kind=QuestionKind.NOTES)
        .select_related("section")
        .order_by("section__number", "number")
    )


def review_results(review, areas=None):
    """Results for each sampled area of `review` (limited to `areas` if given), and the national total.

    Returns (list of area Results in area-name order, national Results).
    """
    samples = Sample.objects.filter(review_area__review=review).select_related("review_area__local_authority")
    if areas is not None:
        samples = samples.filter(review_area__in=areas)
    samples = sorted(samples, key=lambda s: s.review_area.local_authority.name)
    questions = counted_questions(review)
    first_read = Reading.objects.filter(sampled_record=OuterRef("pk"), is_second=False, completed_at__isnull=False)
    record_rows = (
        SampledRecord.objects.filter(sample__in=samples, in_sample=True)
        .annotate(read=Exists(first_read))
        .values_list("pk", "sample_id", "not_read_reason", "read")
    )
    status = defaultdict(Counter)
    reasons = defaultdict(Counter)
    read_ids = set()
    sample_of = {}
    for pk, sample_id, reason, read in record_rows:
        status[sample_id]["drawn"] += 1
        if reason:
            reasons[sample_id][reason] += 1
        elif read:
            status[sample_id]["read"] += 1
            read_ids.add(pk)
            sample_of[pk] = sample_id
        else:
            status[sample_id]["in_progress"] += 1
    answers = {
        (record_id, question_id): value
        for record_id, question_id, value in Answer.objects.filter(
            reading__is_second=False, reading__sampled_record__in=read_ids, question__in=questions
        ).values_list("reading__sampled_record_id", "question_id", "value")
    }
    answers.update(
        {
            (record_id, question_id): value
            for record_id, question_id, value in ModeratedAnswer.objects.filter(
                sampled_record__in=read_ids, question__in=questions
            ).values_list("sampled_record_id", "question_id", "value")
        }
    )
    tallies = defaultdict(Counter)  # (sample_id, question_id) -> Counter of values
    for (record_id, question_id), value in answers.items():
        tallies[(sample_of[record_id], question_id)][value] += 1

    def build(area, sample_ids, released=False):
        result = Results(area=area, released=released)
        for sample_id in sample_ids:
            result.drawn += status[sample_id]["drawn"]
            result.read += status[sample_id]["read"]
            result.in_progress += status[sample_id]["in_progress"]
        result.not_read = suppress_distribution(
            {label: sum(reasons[s][value] for s in sample_ids) for value, label in NotReadReason.choices}
        )
        for question in questions:
            counts = {
                label: sum(tallies[(s, question.pk)][value] for s in sample_ids) for value, label in question.options
            }
            result.questions.append(QuestionResult(question, suppress_distribution(counts)))
        return result

    per_area = [build(s.review_area, [s.pk], s.results_released) for s in samples]
    national = build(None, [s.pk for s in samples])
    return per_area, national
