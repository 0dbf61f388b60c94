"""Case list uploads: checked row by row, nothing stored until the whole file is clean."""

import pytest
from django.urls import reverse

from inspectorate.audit.models import AuditEvent
from records import case_lists
from records.models import CaseList, CaseRecord
from tests.records.factories import csv_upload, xlsx_upload

FIELDS = [("age_band", "Age band", ["0 to 4", "5 to 11"]), ("case_status", "Case status", ["Open", "Closed"])]


def check(text):
    rows = [line.split(",") for line in text.strip().splitlines()]
    return case_lists.check(rows[0], rows[1:], FIELDS)


def messages(outcome):
    return [(p.row, p.message) for p in outcome.problems]


def test_clean_file_gives_every_record_with_normalised_values():
    outcome = check("reference,age_band,case_status\nA1,0 to 4,open\nA2,5 to 11,Closed")
    assert outcome.is_clean
    assert outcome.records == [
        ("A1", {"age_band": "0 to 4", "case_status": "Open"}),
        ("A2", {"age_band": "5 to 11", "case_status": "Closed"}),
    ]


def test_every_bad_row_is_reported_with_its_row_number():
    outcome = check(
        "reference,age_band,case_status\nA1,0 to 4,Open\n,0 to 4,Open\nA1,5 to 11,Closed\n"
        "A4,21 to 25,Open\nA5,0 to 4,Open,extra"
    )
    assert messages(outcome) == [
        (3, "The reference number is missing"),
        (4, "Reference A1 is a duplicate of row 2"),
        (5, "Age band is “21 to 25”: it must be one of 0 to 4, 5 to 11"),
        (6, "Column D has a value but no heading: remove it"),
    ]
    assert outcome.records == []


def test_duplicate_references_differing_only_in_case_are_duplicates():
    outcome = check("reference,age_band,case_status\nab-1,0 to 4,Open\nAB-1,0 to 4,Open")
    assert messages(outcome) == [(3, "Reference AB-1 is a duplicate of row 2")]


def test_unknown_and_missing_columns_are_reported():
    outcome = check("reference,age_band,team\nA1,0 to 4,East")
    assert messages(outcome) == [
        (None, "Column C (“team”) is not one of the columns asked for"),
        (None, "The file has no “case_status” column (Case status)"),
    ]


@pytest.mark.parametrize("heading", ["Name", "Forename", "Surname", "DOB", "Date of birth", "child_name", "D.O.B."])
def test_columns_that_look_like_names_or_dates_of_birth_are_refused_outright(heading):
    outcome = check(f"reference,age_band,case_status,{heading}\nA1,0 to 4,Open,x")
    assert len(outcome.problems) == 1
    assert "looks like a name, date of birth" in outcome.problems[0].message
    assert heading in outcome.problems[0].message


def test_headings_may_use_the_field_label():
    outcome = check("Reference,Age band,Case Status\nA1,0 to 4,Open")
    assert outcome.is_clean


def test_upload_page_refuses_a_bad_file_and_stores_nothing(client_for, coordinator, dundee):
    url = reverse("records:case_list", args=[dundee.pk])
    response = client_for(coordinator).post(
        url, {"file": csv_upload("reference,age_band,case_status\nDC-1,0 to 4,Open\nDC-1,99,Open\n")}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Error: Case list for Dundee City" in page
    assert "The file has 2 problems: nothing was uploaded" in page
    assert "Row 3" in page and "duplicate of row 2" in page and "Age band is “99”" in page
    assert not CaseList.objects.exists() and not CaseRecord.objects.exists()


def test_upload_page_refuses_a_file_with_names(client_for, coordinator, dundee):
    response = client_for(coordinator).post(
        reverse("records:case_list", args=[dundee.pk]),
        {"file": csv_upload("reference,first name,age_band,case_status\nDC-1,Amy,0 to 4,Open\n")},
    )
    assert response.status_code == 400
    assert "looks like a name, date of birth" in response.content.decode()
    assert not CaseRecord.objects.exists()


def test_clean_excel_upload_stores_the_list_and_a_reupload_replaces_it(client_for, coordinator, dundee):
    client = client_for(coordinator)
    url = reverse("records:case_list", args=[dundee.pk])
    rows = [["reference", "age_band", "case_status"], ["DC-1", "0 to 4", "Open"], ["DC-2", "12 to 15", "Closed"]]
    response = client.post(url, {"file": xlsx_upload(rows)})
    assert response.status_code == 302
    assert sorted(CaseRecord.objects.values_list("reference", flat=True)) == ["DC-1", "DC-2"]
    client.post(url, {"file": csv_upload("reference,age_band,case_status\nDC-9,16 to 17,Open\n")})
    assert list(CaseRecord.objects.values_list("reference", flat=True)) == ["DC-9"]
    assert CaseList.objects.get().record_count == 1
    page = client.get(url).content.decode()
    assert "Records in the case list" in page and ">1<" in page
    assert AuditEvent.objects.filter(object_type="records.CaseList").count() == 2


def test_case_list_cannot_be_replaced_after_the_sample_is_drawn(client_for, coordinator, dundee_sample, dundee):
    client = client_for(coordinator)
    url = reverse("records:case_list", args=[dundee.pk])
    response = client.post(
        url, {"file": csv_upload("reference,age_band,case_status\nDC-9,16 to 17,Open\n")}, follow=True
    )
    assert "can no longer be replaced" in response.content.decode()
    assert CaseRecord.objects.filter(reference="DC-9").count() == 0


def test_a_file_that_is_not_csv_or_excel_is_refused(client_for, coordinator, dundee):
    response = client_for(coordinator).post(
        reverse("records:case_list", args=[dundee.pk]), {"file": csv_upload("hello", name="list.pdf")}
    )
    assert response.status_code == 400
    assert "must be a CSV or an Excel (.xlsx) file" in response.content.decode()


def test_a_damaged_excel_file_is_refused_with_a_message(client_for, coordinator, dundee):
    response = client_for(coordinator).post(
        reverse("records:case_list", args=[dundee.pk]), {"file": csv_upload("not a zip", name="list.xlsx")}
    )
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
