"""Exports through django-import-export: aggregated results (suppressed exactly as on the results
page) and the raw anonymous answers (for the review team's analysis only)."""

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from import_export import fields, resources

from surveys.models import Answer
from surveys.results import survey_results

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


@dataclass
class ResultRow:
    area: str
    section: str
    question: str
    option: str
    count: str
    percent: str
    responses: str


class ResultResource(resources.Resource):
    """One row per option of each choice question, after disclosure control: a small count reads
    "fewer than 5" and its percentage is left empty."""

    area = fields.Field(attribute="area", column_name="Area")
    section = fields.Field(attribute="section", column_name="Section")
    question = fields.Field(attribute="question", column_name="Question")
    option = fields.Field(attribute="option", column_name="Answer")
    count = fields.Field(attribute="count", column_name="Count")
    percent = fields.Field(attribute="percent", column_name="Percentage")
    responses = fields.Field(attribute="responses", column_name="People who answered")

    @staticmethod
    def rows(survey, link=None):
        data = survey_results(survey, link=link)
        for result in data.questions:
            for label, cell in result.rows:
                yield ResultRow(
                    area=data.scope_name,
                    section=result.question.section.title,
                    question=result.question.text,
                    option=label,
                    count=cell.display,
                    percent="" if cell.suppressed else cell.percent_display,
                    responses=result.distribution.total_display,
                )


class AnswerResource(resources.ModelResource):
    """The raw answers: one row per answer, with the response number and area but nothing that
    identifies a person (anonymous surveys hold nothing that could)."""

    response = fields.Field(attribute="response_id", column_name="Response")
    area = fields.Field(attribute="response__link__review_area__local_authority__name", column_name="Area")
    submitted_on = fields.Field(column_name="Submitted on")
    section = fields.Field(attribute="question__section__title", column_name="Section")
    question = fields.Field(attribute="question__text", column_name="Question")
    option = fields.Field(attribute="option__label", column_name="Chosen option")
    number = fields.Field(attribute="number", column_name="Number")
    text = fields.Field(attribute="text", column_name="Text")

    class Meta:
        model = Answer
        fields = ["response", "area", "submitted_on", "section", "question", "option", "number", "text"]
        export_order = fields

    def dehydrate_submitted_on(self, answer):
        # The day only: an exact time could help pick out one person.
        return answer.response.submitted_at.date().isoformat()

    @staticmethod
    def queryset_for(survey, link=None):
        answers = Answer.objects.filter(response__survey=survey).select_related(
            "response__link__review_area__local_authority", "question__section", "option"
        )
        if link is not None:
            answers = answers.filter(response__link=link)
        return answers.order_by("response_id", "question__section__order", "question__order", "pk")


def results_dataset(survey, link=None):
    return ResultResource().export(list(ResultResource.rows(survey, link)))


def answers_dataset(survey, link=None):
    return AnswerResource().export(AnswerResource.queryset_for(survey, link))


def as_download(dataset, name, file_format):
    if file_format not in FORMATS:
        raise Http404("No such format")
    content_type, extension = FORMATS[file_format]
    response = HttpResponse(dataset.export(extension), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="survey-{name}.{extension}"'
    return response
