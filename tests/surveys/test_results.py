"""Results: suppression on a worked example, per-area and national figures, release to the
co-ordinator, exports, and a query count that does not grow with the responses."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys import actions
from tests.surveys.factories import add_responses


@pytest.fixture
def worked_example(question, dundee_link, aberdeen_link):
    """Dundee: Yes 10, No 3, Not sure 7 (20). Aberdeen: Yes 6, No 6, Not sure 0 (12).
    All areas: Yes 16, No 9, Not sure 7 (32)."""
    yes, no, not_sure = question.options.order_by("order")
    add_responses(dundee_link, yes, 10, text="My social worker visits every week")
    add_responses(dundee_link, no, 3)
    add_responses(dundee_link, not_sure, 7)
    add_responses(aberdeen_link, yes, 6)
    add_responses(aberdeen_link, no, 6)
    return question


def table_rows(page, question):
    result = next(r for r in page.context["results"].questions if r.question == question)
    return {label: (cell.display, cell.percent_display) for label, cell in result.rows}


def test_area_results_suppress_small_count_and_one_more_so_it_cannot_be_worked_out(
    client_for, inspector, survey, worked_example, dundee_link
):
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]) + f"?area={dundee_link.pk}")
    assert page.status_code == 200
    # "No" (3) is under 5: primary suppression. Hiding it alone would let anyone subtract 10 + 7
    # from the total of 20, so the next smallest, "Not sure" (7), is hidden too.
    assert table_rows(page, worked_example) == {
        "Yes": ("10", "50%"),
        "No": ("fewer than 5", "-"),
        "Not sure": ("not shown", "-"),
    }
    assert page.text.count("fewer than 5") >= 2
    assert "Dundee City: 20 responses" in page.text


def test_national_results_add_up_the_areas_with_nothing_suppressed(client_for, inspector, survey, worked_example):
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]))
    assert table_rows(page, worked_example) == {"Yes": ("16", "50%"), "No": ("9", "28%"), "Not sure": ("7", "22%")}
    assert "All areas: 32 responses" in page.text
    assert '<svg class="app-chart" role="img"' in page.text


def test_team_results_show_free_text_and_response_counts_against_expected(
    client_for, inspector, survey, worked_example, dundee_link
):
    dundee_link.expected_responses = 120
    dundee_link.save()
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]))
    assert "My social worker visits every week" in page.text
    area = next(a for a in page.context["results"].areas if a.link == dundee_link)
    assert (area.cell.display, area.expected) == ("20", 120)


def test_small_area_response_count_is_suppressed(client_for, inspector, survey, question, dundee_link, aberdeen_link):
    add_responses(dundee_link, question.options.first(), 3)
    add_responses(aberdeen_link, question.options.first(), 30)
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]))
    counts = {str(a.link.local_authority): a.cell.display for a in page.context["results"].areas}
    # Dundee's 3 is small; Aberdeen's 30 is hidden too, or it could be worked out from the total.
    assert counts == {"Aberdeen City": "not shown", "Dundee City": "fewer than 5"}


def test_results_page_queries_do_not_grow_with_responses(
    client_for, inspector, survey, question, dundee_link, aberdeen_link, django_assert_max_num_queries
):
    client = client_for(inspector)
    url = reverse("surveys:results", args=[survey.pk])
    yes, no, _ = question.options.order_by("order")
    add_responses(dundee_link, yes, 5, text="Helpful")
    add_responses(aberdeen_link, no, 5)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_responses(dundee_link, yes, 100, text="Helpful")
    add_responses(aberdeen_link, no, 90)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url)
    assert "All areas: 200 responses" in page.text


class TestCoordinatorResults:
    def test_coordinator_cannot_see_results_before_release(self, client_for, coordinator, dundee_link, worked_example):
        assert client_for(coordinator).get(reverse("surveys:area-results", args=[dundee_link.pk])).status_code == 404

    def test_coordinator_sees_own_area_once_released(
        self, client_for, inspector, coordinator, dundee_link, worked_example
    ):
        actions.release_results(dundee_link, by=inspector)
        page = client_for(coordinator).get(reverse("surveys:area-results", args=[dundee_link.pk]))
        assert page.status_code == 200
        assert "Dundee City: 20 responses" in page.text
        assert table_rows(page, worked_example)["No"] == ("fewer than 5", "-")
        # Free text is for the team's analysis only.
        assert "My social worker visits every week" not in page.text
        assert "Release" not in page.text

    def test_coordinator_of_other_area_gets_404_even_when_released(
        self, client_for, inspector, other_coordinator, dundee_link, worked_example
    ):
        actions.release_results(dundee_link, by=inspector)
        client = client_for(other_coordinator)
        assert client.get(reverse("surveys:area-results", args=[dundee_link.pk])).status_code == 404
        assert client.get(reverse("surveys:qr", args=[dundee_link.pk])).status_code == 404

    def test_coordinator_cannot_open_team_results(self, client_for, coordinator, survey):
        assert client_for(coordinator).get(reverse("surveys:results", args=[survey.pk])).status_code == 403

    def test_team_releases_an_area_from_the_results_page(self, client_for, inspector, dundee_link):
        page = client_for(inspector).post(reverse("surveys:link-release", args=[dundee_link.pk]))
        assert page.status_code == 302
        dundee_link.refresh_from_db()
        assert dundee_link.is_released and dundee_link.released_by == inspector

    def test_coordinator_cannot_release(self, client_for, coordinator, dundee_link):
        assert client_for(coordinator).post(reverse("surveys:link-release", args=[dundee_link.pk])).status_code == 403
        dundee_link.refresh_from_db()
        assert not dundee_link.is_released


class TestSharedPage:
    def test_coordinator_sees_own_link_qr_code_and_count_against_expected(
        self, client_for, coordinator, dundee_link, aberdeen_link, question
    ):
        dundee_link.expected_responses = 50
        dundee_link.save()
        add_responses(dundee_link, question.options.first(), 12)
        client = client_for(coordinator)
        page = client.get(reverse("surveys:shared"))
        assert dundee_link.token in page.text
        assert aberdeen_link.token not in page.text
        assert "12 of 50 expected" in page.text
        qr = client.get(reverse("surveys:qr", args=[dundee_link.pk]))
        assert qr["Content-Type"] == "image/png" and qr.content[:8] == b"\x89PNG\r\n\x1a\n"

    def test_inspector_is_refused_the_coordinator_page(self, client_for, inspector):
        assert client_for(inspector).get(reverse("surveys:shared")).status_code == 403

    def test_anonymous_visitor_is_sent_to_sign_in(self, client):
        assert "/accounts/sign-in/" in client.get(reverse("surveys:shared")).url


class TestExports:
    def test_results_csv_is_suppressed_like_the_page(self, client_for, inspector, survey, worked_example, dundee_link):
        page = client_for(inspector).get(
            reverse("surveys:export", args=[survey.pk, "results", "csv"]) + f"?area={dundee_link.pk}"
        )
        rows = list(csv.DictReader(io.StringIO(page.content.decode("utf-8"))))
        by_answer = {
            row["Answer"]: (row["Count"], row["Percentage"]) for row in rows if row["Question"] == "Do services help?"
        }
        assert by_answer == {"Yes": ("10", "50%"), "No": ("fewer than 5", ""), "Not sure": ("not shown", "")}

    def test_raw_answers_excel_has_no_personal_columns(self, client_for, inspector, survey, worked_example):
        page = client_for(inspector).get(reverse("surveys:export", args=[survey.pk, "answers", "xlsx"]))
        assert page["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = openpyxl.load_workbook(io.BytesIO(page.content)).active
        header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        assert header == ["Response", "Area", "Submitted on", "Section", "Question", "Chosen option", "Number", "Text"]
        assert sheet.max_row == 1 + 32 + 10

    def test_coordinator_cannot_export(self, client_for, coordinator, survey):
        url = reverse("surveys:export", args=[survey.pk, "answers", "csv"])
        assert client_for(coordinator).get(url).status_code == 403

    def test_export_is_audited(self, client_for, inspector, survey):
        from inspectorate.audit.models import AuditEvent

        client_for(inspector).get(reverse("surveys:export", args=[survey.pk, "answers", "csv"]))
        assert AuditEvent.objects.filter(action="download", object_id=str(survey.pk)).exists()


def test_by_area_table_hides_enough_that_no_cell_follows_from_the_national_counts(
    client_for, inspector, survey, dundee_link, aberdeen_link
):
    section = survey.sections.get()
    scale = actions.add_question(section, kind="agreement", text="I get the support I need.")
    strongly_agree, agree = scale.options.order_by("order")[:2]
    # Dundee: 10 and 3; Aberdeen: 8 and 9. Hiding Dundee's 3 alone would leave it as the national
    # "Agree" count (12) minus Aberdeen's 9, so more cells go, in its row and in its column.
    add_responses(dundee_link, strongly_agree, 10)
    add_responses(dundee_link, agree, 3)
    add_responses(aberdeen_link, strongly_agree, 8)
    add_responses(aberdeen_link, agree, 9)
    page = client_for(inspector).get(reverse("surveys:results", args=[survey.pk]))
    result = next(r for r in page.context["results"].questions if r.question == scale)
    hidden = {(name, label) for name, cells, _ in result.by_area for label, cell in cells if cell.suppressed}
    assert ("Dundee City", "Agree") in hidden
    for label in ("Strongly agree", "Agree"):
        in_column = [name for name, column_label in hidden if column_label == label]
        assert len(in_column) != 1
    for name in ("Dundee City", "Aberdeen City"):
        in_row = [label for row_name, label in hidden if row_name == name]
        assert len(in_row) != 1
    assert "By area: I get the support I need." in page.text
