"""Disagreements between the first and the second (quality-assurance) reading of a record."""

from collections import defaultdict
from dataclasses import dataclass

from records.models import Answer, ModeratedAnswer, QuestionKind, Reading


@dataclass
class Disagreement:
    """Two readers gave different answers to one question for one record."""

    sampled_record: object
    question: object
    first: str
    second: str
    agreed: str = ""

    def label(self, value):
        return dict(self.question.options).get(value, "Not answered")

    @property
    def first_label(self):
        return self.label(self.first)

    @property
    def second_label(self):
        return self.label(self.second)

    @property
    def agreed_label(self):
        return self.label(self.agreed) if self.agreed else ""


def disagreements(sample):
    """Every counted question where both complete readings of a record differ, in sample order."""
    roles = defaultdict(set)
    complete = Reading.objects.filter(sampled_record__sample=sample, completed_at__isnull=False)
    for record_id, is_second in complete.values_list("sampled_record_id", "is_second"):
        roles[record_id].add(is_second)
    complete_pairs = {record_id for record_id, held in roles.items() if held == {False, True}}
    given = defaultdict(dict)
    answers = (
        Answer.objects.filter(reading__sampled_record__in=complete_pairs)
        .exclude(question__kind=QuestionKind.NOTES)
        .select_related("question__section", "reading__sampled_record")
    )
    records, questions = {}, {}
    for answer in answers:
        key = (answer.reading.sampled_record_id, answer.question_id)
        given[key]["second" if answer.reading.is_second else "first"] = answer.value
        records[answer.reading.sampled_record_id] = answer.reading.sampled_record
        questions[answer.question_id] = answer.question
    agreed = {
        (record_id, question_id): value
        for record_id, question_id, value in ModeratedAnswer.objects.filter(
            sampled_record__in=complete_pairs
        ).values_list("sampled_record_id", "question_id", "value")
    }
    found = [
        Disagreement(records[record_id], questions[question_id], values.get("first", ""), values.get("second", ""))
        for (record_id, question_id), values in given.items()
        if values.get("first", "") != values.get("second", "")
    ]
    for item in found:
        item.agreed = agreed.get((item.sampled_record.pk, item.question.pk), "")
    return sorted(
        found,
        key=lambda d: (
            d.sampled_record.kind != "sample",
            d.sampled_record.position,
            d.question.section.number,
            d.question.number,
        ),
    )
