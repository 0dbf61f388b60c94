"""Imports and exports: the register of services, past returns, and large imports as a job with progress."""

import json

import tablib
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annual_returns import imports
from annual_returns.models import AnnualReturn, ImportJob, ImportKind, ImportStatus, SectionAnswer
from annual_returns.resources import AnnualReturnResource, ServiceRegisterResource
from inspectorate.organisations.models import CareService, Provider
from tests import factories
from tests.annual_returns.factories import complete_answers, submitted_return

HEADERS = (
    "registration_number,name,provider_number,provider_name,service_type,local_authority,registered_on,status,capacity"
)


def register_csv(*rows):
    return "\n".join([HEADERS, *rows]) + "\n"


GOOD = "CS2024000001,Loch Ness Lodge,SP2024000001,Glen Care Ltd,care_home_older_people,Highland,2024-03-01,active,30"


def dataset(text):
    return tablib.Dataset().load(text, format="csv")


def test_dry_run_lists_every_bad_row_and_saves_nothing(db):
    text = register_csv(
        GOOD,
        "CS2024000002,Bad Type,SP2024000001,Glen Care Ltd,castle,Highland,2024-03-01,active,30",
        "CS2024000003,Bad Area,SP2024000001,Glen Care Ltd,care_home_adults,Atlantis,2024-03-01,active,30",
        "CS2024000004,Bad Date,SP2024000001,Glen Care Ltd,care_home_adults,Highland,1 March,active,30",
    )
    result = ServiceRegisterResource().import_data(dataset(text), dry_run=True)
    bad = imports.bad_rows(result)
    assert [row["row"] for row in bad] == [2, 3, 4]
    assert "castle" in " ".join(bad[0]["errors"])
    assert not CareService.objects.filter(registration_number__startswith="CS2024").exists()


def test_register_import_creates_services_and_new_providers(db):
    ServiceRegisterResource().import_data(dataset(register_csv(GOOD)), dry_run=False, raise_errors=True)
    service = CareService.objects.get(registration_number="CS2024000001")
    assert service.provider.name == "Glen Care Ltd" and service.local_authority.name == "Highland"


def test_dry_run_reports_blank_name_unknown_provider_and_a_registration_number_given_twice(db):
    text = register_csv(
        GOOD,
        "CS2024000002,,SP2024000001,Glen Care Ltd,care_home_adults,Highland,2024-03-01,active,30",
        "CS2024000003,No Provider,SP2024999999,,care_home_adults,Highland,2024-03-01,active,30",
        GOOD.replace("Loch Ness Lodge", "Loch Ness Lodge again"),
    )
    bad = imports.bad_rows(ServiceRegisterResource().import_data(dataset(text), dry_run=True))
    assert [row["row"] for row in bad] == [2, 3, 4]
    assert "name" in " ".join(bad[0]["errors"])
    assert "SP2024999999 is not known" in " ".join(bad[1]["errors"])
    assert "CS2024000001 is also on row 1" in " ".join(bad[2]["errors"])
    assert not CareService.objects.filter(registration_number__startswith="CS2024").exists()


def test_register_import_updates_existing_services_and_reuses_known_providers(db):
    ServiceRegisterResource().import_data(dataset(register_csv(GOOD)), dry_run=False, raise_errors=True)
    changed = GOOD.replace(",30", ",45")
    result = ServiceRegisterResource().import_data(dataset(register_csv(changed)), dry_run=False, raise_errors=True)
    assert result.totals["update"] == 1 and result.totals["new"] == 0
    service = CareService.objects.get(registration_number="CS2024000001")
    assert service.capacity == 45
    assert (
        service.provider.services.count() == 1 and Provider.objects.filter(provider_number="SP2024000001").count() == 1
    )


def test_register_import_queries_do_not_grow_with_the_rows(db):
    def rows(count):
        return [
            GOOD.replace("CS2024000001", f"CS2024{n:06d}").replace("SP2024000001", f"SP2024{n:06d}")
            for n in range(count)
        ]

    with CaptureQueriesContext(connection) as small:
        ServiceRegisterResource().import_data(dataset(register_csv(*rows(5))), dry_run=False, raise_errors=True)
    CareService.objects.filter(registration_number__startswith="CS2024").delete()
    with CaptureQueriesContext(connection) as large:
        ServiceRegisterResource().import_data(dataset(register_csv(*rows(50))), dry_run=False, raise_errors=True)
    assert CareService.objects.filter(registration_number__startswith="CS2024").count() == 50
    assert len(large.captured_queries) <= len(small.captured_queries)
    changed = [row.replace(",30", ",31") for row in rows(50)]
    with CaptureQueriesContext(connection) as updates:
        result = ServiceRegisterResource().import_data(dataset(register_csv(*changed)), dry_run=False)
    assert result.totals["update"] == 50
    assert len(updates.captured_queries) <= len(small.captured_queries)


def test_large_import_runs_as_a_job_in_batches_with_progress(db, administrator, monkeypatch):
    monkeypatch.setattr(imports, "BATCH", 2)
    rows = [GOOD.replace("CS2024000001", f"CS2024{n:06d}").replace("Loch Ness Lodge", f"Lodge {n}") for n in range(5)]
    job = ImportJob.objects.create(
        kind=ImportKind.SERVICES,
        file=ContentFile(register_csv(*rows).encode(), name="register.csv"),
        created_by=administrator,
    )
    imports.run(job.pk)
    job.refresh_from_db()
    assert (job.status, job.processed_rows, job.total_rows, job.percent_done) == (ImportStatus.DONE, 5, 5, 100)
    assert CareService.objects.filter(registration_number__startswith="CS2024").count() == 5
    assert imports.run(job.pk) is None  # a second delivery of the task does nothing


def test_finished_import_refreshes_planner_statistics_of_the_tables_it_wrote_on_postgresql(db, administrator):
    job = ImportJob.objects.create(
        kind=ImportKind.SERVICES, file=ContentFile(register_csv(GOOD).encode(), name="r.csv"), created_by=administrator
    )
    with CaptureQueriesContext(connection) as queries:
        imports.run(job.pk)
    analyzed = [q["sql"] for q in queries if q["sql"].startswith("ANALYZE")]
    if connection.vendor == "postgresql":
        assert analyzed == ['ANALYZE "organisations_careservice", "organisations_provider"']
    else:
        assert analyzed == []  # SQLite: nothing to refresh


def test_a_job_with_a_bad_row_imports_nothing_and_reports_it(db, administrator):
    text = register_csv(GOOD, "CS2024000009,,SP2024000001,Glen Care Ltd,care_home_adults,Highland,2024-03-01,gone,30")
    job = ImportJob.objects.create(kind=ImportKind.SERVICES, file=ContentFile(text.encode(), name="r.csv"))
    imports.run(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.REJECTED
    assert job.bad_rows[0]["row"] == 2 and "gone" in " ".join(job.bad_rows[0]["errors"])
    assert not CareService.objects.filter(registration_number="CS2024000001").exists()


def test_admin_upload_queues_the_job_which_runs(
    client_for, administrator, settings, django_capture_on_commit_callbacks
):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    client = client_for(administrator)
    upload = ContentFile(register_csv(GOOD).encode(), name="register.csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:annual_returns_importjob_add"), {"kind": "services", "file": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.DONE and job.created_by == administrator


def test_returns_export_and_import_round_trip_with_answers(care_home, last_cycle, cycle):
    old = submitted_return(care_home, last_cycle)
    exported = AnnualReturnResource().export()
    assert exported.dict[0]["registration_number"] == care_home.registration_number
    staffing = json.loads(exported.dict[0]["staffing"])
    assert staffing["nurses__headcount"] == 20
    # Import the same rows as the 2026 cycle's past returns.
    rows = tablib.Dataset(headers=exported.headers)
    for row in exported.dict:
        rows.append([{**row, "year": "2026", "reference": ""}[h] for h in exported.headers])
    result = AnnualReturnResource().import_data(rows, dry_run=False, raise_errors=True)
    assert not result.has_validation_errors()
    new = AnnualReturn.objects.get(cycle=cycle, service=care_home)
    assert new.is_submitted and new.staff_turnover == old.staff_turnover
    assert SectionAnswer.objects.filter(annual_return=new).count() == len(complete_answers(new))


def test_returns_import_reports_unknown_services_and_bad_json(cycle):
    rows = tablib.Dataset(headers=["year", "registration_number", "submitted_at", "staffing"])
    rows.append(["2026", "CS0000000000", "2026-02-01T10:00:00", "{}"])
    rows.append(["2026", factories.CareServiceFactory().registration_number, "2026-02-01T10:00:00", "not json"])
    bad = imports.bad_rows(AnnualReturnResource().import_data(rows, dry_run=True))
    assert [row["row"] for row in bad] == [1, 2]
    assert "JSON" in " ".join(bad[1]["errors"])


def test_admin_register_import_preview_lists_the_bad_row_with_its_reason_and_saves_nothing(
    client_for, administrator, settings
):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    client = client_for(administrator)
    url = reverse("admin:organisations_careservice_import")
    text = register_csv(
        GOOD, "CS2024000002,Bad Area,SP2024000001,Glen Care Ltd,care_home_adults,Atlantis,2024-03-01,active,3"
    )
    page = client.post(url, {"import_file": ContentFile(text.encode(), name="r.csv"), "format": "0", "resource": "0"})
    assert page.status_code == 200
    assert "Some rows failed to validate" in page.text
    assert "&#x27;Atlantis&#x27; is not a known local authority" in page.text
    assert not CareService.objects.filter(registration_number__startswith="CS2024").exists()
