"""Exports through django-import-export: results (disclosure-controlled) and, for the team, readings."""

from dataclasses import dataclass

from import_export import fields, resources

from records.models import Answer


@dataclass
class ResultRow:
    """One published count: an area (or "All areas"), a measure, an option, the count as shown."""

    area: str
    measure: str
    option: str
    count: str
    percent: str


class ResultResource(resources.Resource):
    area = fields.Field(attribute="area", column_name="Area")
    measure = fields.Field(attribute="measure", column_name="Measure")
    option = fields.Field(attribute="option", column_name="Answer")
    count = fields.Field(attribute="count", column_name="Count")
    percent = fields.Field(attribute="percent", column_name="Percentage")


def result_rows(results):
    for result in results:
        yield ResultRow(result.title, "Records drawn", "", str(result.drawn), "")
        yield ResultRow(result.title, "Records read", "", str(result.read), "")
        for reason, cell in result.not_read.items():
            yield ResultRow(result.title, "Records not read", reason, cell.display, "")
        for item in result.questions:
            measure = f"{item.question.section.title}: {item.question.text}"
            for option, cell in item.distribution.items():
                yield ResultRow(result.title, measure, option, cell.display, cell.percent_display)


def results_dataset(results):
    """The results as a tablib Dataset; every count is already through the disclosure control."""
    return ResultResource().export(list(result_rows(results)))


class ReadingAnswerResource(resources.ModelResource):
    """Every answer of every reading, for the review team's own analysis (never published)."""

    area = fields.Field(
        attribute="reading__sampled_record__sample__review_area__local_authority__name", column_name="Area"
    )
    reference = fields.Field(attribute="reading__sampled_record__reference", column_name="Reference")
    reading = fields.Field(column_name="Reading")
    reader = fields.Field(attribute="reading__reader__full_name", column_name="Reader")
    section = fields.Field(attribute="question__section__title", column_name="Section")
    question = fields.Field(attribute="question__key", column_name="Question")
    value = fields.Field(attribute="value", column_name="Answer")
    note = fields.Field(attribute="note", column_name="Notes")

    class Meta:
        model = Answer
        fields = ("area", "reference", "reading", "reader", "section", "question", "value", "note")
        export_order = fields

    def dehydrate_reading(self, answer):
        return "Second (quality assurance)" if answer.reading.is_second else "First"

    @staticmethod
    def queryset_for(review):
        return Answer.objects.filter(reading__sampled_record__sample__review_area__review=review).select_related(
            "reading__reader",
            "reading__sampled_record__sample__review_area__local_authority",
            "question__section",
        )
