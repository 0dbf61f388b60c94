import io

import openpyxl
import pytest
from django.urls import reverse

from tests.surveys.factories import add_responses


@pytest.mark.parametrize("model", ["survey", "section", "question", "option", "surveylink", "response", "answer"])
def test_administrator_lists_every_survey_model(client_for, administrator, survey, model):
    page = client_for(administrator).get(reverse(f"admin:surveys_{model}_changelist"))
    assert page.status_code == 200


def test_administrator_downloads_suppressed_results_from_admin(
    client_for, administrator, survey, question, dundee_link
):
    add_responses(dundee_link, question.options.first(), 3)
    page = client_for(administrator).post(
        reverse("admin:surveys_survey_changelist"),
        {"action": "download_results", "_selected_action": [survey.pk]},
    )
    sheet = openpyxl.load_workbook(io.BytesIO(page.content)).active
    counts = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True) if row[2] == "Do services help?"]
    assert counts == ["fewer than 5", "0", "0"]


def test_answers_export_page_is_available_in_admin(client_for, administrator, survey):
    page = client_for(administrator).get(reverse("admin:surveys_answer_export"))
    assert page.status_code == 200
