"""Run an ImportJob: check every row, then import in batches with progress. Called by a Celery task."""

import logging

import tablib
from django.db import connection, transaction
from django.utils import timezone

from annual_returns.models import AnnualReturn, ImportJob, ImportKind, ImportStatus, SectionAnswer
from annual_returns.resources import AnnualReturnResource, ServiceRegisterResource
from inspectorate.organisations.models import CareService, Provider

logger = logging.getLogger(__name__)
BATCH = 500
RESOURCES = {ImportKind.SERVICES: ServiceRegisterResource, ImportKind.RETURNS: AnnualReturnResource}
WRITTEN = {ImportKind.SERVICES: [CareService, Provider], ImportKind.RETURNS: [AnnualReturn, SectionAnswer]}


def bad_rows(result):
    """Every bad row of a dry run: its number in the file and why."""
    rows = []
    for invalid in result.invalid_rows:
        messages = [f"{field}: {'; '.join(errors)}" for field, errors in invalid.error_dict.items()]
        rows.append({"row": invalid.number, "errors": messages})
    for number, row in result.row_errors():
        rows.append({"row": number, "errors": [str(error.error) for error in row]})
    return sorted(rows, key=lambda r: r["row"])


def _dataset(job):
    with job.file.open("rb") as handle:
        return tablib.Dataset().load(handle.read().decode("utf-8-sig"), format="csv")


def analyze(kind):
    """Fresh planner statistics for the tables an import wrote. A national register doubles the rows
    before autovacuum notices, and with stale estimates the return statistics page took 352 ms
    instead of 99 ms (docs/performance.md). SQLite's planner keeps no such statistics."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in WRITTEN[kind])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def run(job_id):
    """Claim the job, check it whole, then import it batch by batch. Safe to call twice."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.WAITING).update(status=ImportStatus.CHECKING)
    if not claimed:
        return None
    job = ImportJob.objects.get(pk=job_id)
    try:
        dataset = _dataset(job)
        resource = RESOURCES[ImportKind(job.kind)]()
        job.total_rows = len(dataset)
        job.save(update_fields=["total_rows"])
        check = resource.import_data(dataset, dry_run=True, raise_errors=False, use_transactions=True)
        problems = bad_rows(check)
        if problems:
            job.bad_rows = problems
            job.status = ImportStatus.REJECTED
            job.finished_at = timezone.now()
            job.save(update_fields=["bad_rows", "status", "finished_at"])
            return job
        job.status = ImportStatus.IMPORTING
        job.save(update_fields=["status"])
        for start in range(0, len(dataset), BATCH):
            batch = tablib.Dataset(*dataset[start : start + BATCH], headers=dataset.headers)
            with transaction.atomic():
                RESOURCES[ImportKind(job.kind)]().import_data(batch, dry_run=False, raise_errors=True)
                ImportJob.objects.filter(pk=job.pk).update(processed_rows=min(start + BATCH, len(dataset)))
        analyze(ImportKind(job.kind))
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE, finished_at=timezone.now())
    except Exception as error:  # a failed import must be visible to the administrator, not lost in a log
        logger.exception("Import job %s failed", job.pk)
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
    return ImportJob.objects.get(pk=job.pk)
