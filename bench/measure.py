"""Measurements that run inside Django against one bench database: `python -m bench.measure STEP [ARG]`.

Each step prints one JSON object on its last line of output, which bench/run.py reads. Run as a
child process so that each step has its own database settings and its own peak memory.
"""

import io
import json
import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inspectorate.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from annual_returns.models import AnnualReturn, Cycle, ReturnStatus, SectionAnswer, SectionStatus  # noqa: E402
from bench import pages as bench_pages  # noqa: E402
from inspectorate.accounts.models import User  # noqa: E402
from inspectorate.audit.models import AuditEvent  # noqa: E402
from inspectorate.notifications.models import Notification  # noqa: E402


def emit(result):
    print(json.dumps(result, default=str))


def session_for(user):
    """A signed-in session for `user`, as the sign-in page would leave it (second factor not required here)."""
    client = Client()
    client.force_login(user)
    session = client.session
    now = int(time.time())
    session["signed_in_at"] = now
    session["last_seen_at"] = now
    session.save()
    return session.session_key


def step_pages():
    """The main pages of each role, with a signed-in session for each role's person."""
    found = bench_pages.main_pages()
    sessions = {
        email: session_for(User.objects.get(email=email)) for email in {p["email"] for p in found if p["email"]}
    }
    emit({"pages": found, "sessions": sessions})


def step_queries():
    """Queries each main page runs, through the real views in-process (no HTTP)."""
    counts = {}
    for page in bench_pages.main_pages():
        client = Client(HTTP_HOST="127.0.0.1")
        if page["email"]:
            client.force_login(User.objects.get(email=page["email"]))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["path"])
        counts[page["label"]] = {"queries": len(queries), "status": response.status_code}
    emit({"queries": counts, "services": bench_pages.service_count()})


def step_spike_prepare(count):
    """Returns ready to submit (every section completed) and a session for each one's provider user."""
    cycle = Cycle.objects.order_by("-year").first()
    completed = SectionAnswer.objects.filter(status=SectionStatus.COMPLETED)
    ready = (
        AnnualReturn.objects.filter(cycle=cycle, status=ReturnStatus.IN_PROGRESS)
        .exclude(section_answers__status=SectionStatus.IN_PROGRESS)
        .filter(section_answers__in=completed)
        .exclude(service__provider__provider_number__endswith="000000")  # the large provider's pages stay stable
        .distinct()
        .select_related("service__provider")
        .order_by("pk")[:count]
    )
    users = {u.provider_id: u for u in User.objects.filter(provider__in=[r.service.provider_id for r in ready])}
    sessions = {}
    jobs = []
    for annual_return in ready:
        user = users[annual_return.service.provider_id]
        if user.pk not in sessions:
            sessions[user.pk] = session_for(user)
        jobs.append({"pk": annual_return.pk, "session": sessions[user.pk]})
    emit({"jobs": jobs, "notifications_before": Notification.objects.count()})


def step_spike_verify(pks_file):
    """After the spike: how many of the returns are submitted, once each, and with a confirmation queued."""
    wanted = json.loads(Path(pks_file).read_text())
    accepted = set(wanted["accepted"])
    submitted = set(
        AnnualReturn.objects.filter(pk__in=wanted["all"], status=ReturnStatus.SUBMITTED).values_list("pk", flat=True)
    )
    events = {}
    for object_id in AuditEvent.objects.filter(
        object_type="annual_returns.AnnualReturn",
        object_id__in=[str(pk) for pk in wanted["all"]],
        detail__event="submitted",
    ).values_list("object_id", flat=True):
        events[object_id] = events.get(object_id, 0) + 1
    confirmations = Notification.objects.filter(
        related_type__model="annualreturn", related_id__in=[str(pk) for pk in submitted]
    ).count()
    emit(
        {
            "accepted": len(accepted),
            "submitted": len(submitted),
            "lost": len(accepted - submitted),
            "unexpected": len(submitted - accepted),
            "duplicated": sum(1 for n in events.values() if n > 1),
            "confirmations": confirmations,
        }
    )


def step_survey():
    """Survey results over every answer of the largest survey: whole call, and its SQL alone."""
    from django.db.models import Count

    from surveys.models import Answer, Survey
    from surveys.results import survey_results

    survey = Survey.objects.annotate(n=Count("responses__answers")).order_by("-n").first()
    answers = Answer.objects.filter(response__survey=survey).count()
    survey_results(survey)  # warm: first call pays for imports and template loading
    runs = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            survey_results(survey)
            runs.append((time.perf_counter() - started, sum(float(q["time"]) for q in queries), len(queries)))
    # The limit: one full scan of the same answers, counted in the database.
    scans = []
    for _ in range(5):
        started = time.perf_counter()
        Answer.objects.filter(response__survey=survey).count()
        scans.append(time.perf_counter() - started)
    runs.sort()
    emit(
        {
            "answers": answers,
            "median_s": runs[2][0],
            "sql_s": runs[2][1],
            "queries": runs[2][2],
            "count_scan_s": sorted(scans)[2],
        }
    )


def _register_rows(count):
    from inspectorate.organisations.models import LocalAuthority, ServiceType

    areas = list(LocalAuthority.objects.values_list("name", flat=True))
    types = [value for value, _ in ServiceType.choices]
    header = (
        "registration_number,name,provider_number,provider_name,service_type,local_authority,registered_on,status,"
        "capacity"
    )
    rows = [
        f"CS2001{n:06d},Imported Service {n},SP2001{n // 4:06d},Imported Provider {n // 4},"
        f"{types[n % len(types)]},{areas[n % len(areas)]},2010-0{1 + n % 9}-01,active,{10 + n % 60}"
        for n in range(count)
    ]
    return header + "\n" + "\n".join(rows) + "\n"


def _delete_imported():
    from inspectorate.organisations.models import CareService, Provider

    deleted, _ = CareService.objects.filter(registration_number__startswith="CS2001").delete()
    Provider.objects.filter(provider_number__startswith="SP2001").delete()
    if deleted and connection.vendor == "postgresql":
        # 14,000 rows written and deleted leave dead rows and wrong statistics behind; without this
        # the next run's pages over care services were twice as slow (docs/performance.md).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE organisations_careservice, organisations_provider")


def step_import(count):
    """The register import as its background task runs it: check every row, then import in batches."""
    from django.core.files.base import ContentFile

    from annual_returns.models import ImportJob, ImportKind, ImportStatus
    from annual_returns.tasks import run_import_job
    from inspectorate.organisations.models import CareService

    _delete_imported()
    text = _register_rows(count)
    admin = User.objects.filter(role="administrator").first()
    job = ImportJob.objects.create(
        kind=ImportKind.SERVICES, file=ContentFile(text.encode(), name="register.csv"), created_by=admin
    )
    queries = [0]

    def counted(execute, *args):
        queries[0] += 1
        return execute(*args)

    with connection.execute_wrapper(counted):
        started = time.perf_counter()
        run_import_job.apply(args=[job.pk])  # the Celery task, run here so that it is timed alone
        import_s = time.perf_counter() - started
    job.refresh_from_db()
    imported = CareService.objects.filter(registration_number__startswith="CS2001").count()
    status = job.status
    query_count = queries[0]
    _delete_imported()

    emit(
        {
            "rows": count,
            "import_s": import_s,
            "import_queries": query_count,
            "imported": imported,
            "status": status if status != ImportStatus.DONE else "done",
        }
    )


def step_bulk_insert(count):
    """The limit for the import: the same register rows written with two bulk inserts."""
    import datetime

    import tablib

    from inspectorate.organisations.models import CareService, LocalAuthority, Provider

    _delete_imported()
    text = _register_rows(count)
    dataset = tablib.Dataset().load(text, format="csv")
    areas = dict(LocalAuthority.objects.values_list("name", "pk"))
    started = time.perf_counter()
    with transaction.atomic():
        providers = {}
        for row in dataset.dict:
            providers.setdefault(row["provider_number"], row["provider_name"])
        Provider.objects.bulk_create(
            [Provider(provider_number=number, name=name) for number, name in providers.items()], batch_size=2000
        )
        provider_ids = dict(
            Provider.objects.filter(provider_number__startswith="SP2001").values_list("provider_number", "pk")
        )
        CareService.objects.bulk_create(
            [
                CareService(
                    registration_number=row["registration_number"],
                    name=row["name"],
                    provider_id=provider_ids[row["provider_number"]],
                    service_type=row["service_type"],
                    local_authority_id=areas[row["local_authority"]],
                    registered_on=datetime.date.fromisoformat(row["registered_on"]),
                    status=row["status"],
                    capacity=int(row["capacity"]),
                )
                for row in dataset.dict
            ],
            batch_size=2000,
        )
    bulk_s = time.perf_counter() - started
    inserted = CareService.objects.filter(registration_number__startswith="CS2001").count()
    _delete_imported()
    emit({"rows": count, "bulk_s": bulk_s, "inserted": inserted})


def step_report(out_dir):
    """The national report: built from the database, laid out and written as a tagged PDF."""
    from bench import national_report

    started = time.perf_counter()
    html = national_report.html()
    built = time.perf_counter()
    from inspectorate import pdf

    content, pages = pdf.html_to_pdf(html)
    finished = time.perf_counter()
    Path(out_dir, "national-report.html").write_text(national_report.self_contained(html))
    Path(out_dir, "national-report.pdf").write_bytes(content)
    emit({"pages": pages, "build_s": built - started, "pdf_s": finished - built, "total_s": finished - started})


def step_static_pdf(html_file):
    """The limit: WeasyPrint alone on the same pages saved as static HTML (no database, no templates)."""
    from weasyprint import HTML

    started = time.perf_counter()
    document = HTML(string=Path(html_file).read_text(), base_url="file:///").render()
    content = document.write_pdf(pdf_variant="pdf/ua-1")
    emit({"pages": len(document.pages), "total_s": time.perf_counter() - started, "bytes": len(content)})


def step_review_reports():
    """The review's national overview and the feedback report of every area, through the report framework's
    own render (the body of its Celery task), one after another in one process as a worker would."""
    from inspectorate.reports import actions, kinds
    from inspectorate.reports.models import Report
    from reviews.models import Review

    review = Review.objects.filter(slug__endswith="national-scale", surveys__isnull=False).distinct().first()
    inspector = User.objects.get(email=bench_pages.INSPECTOR)
    subjects = [("national-overview", review)] + [
        ("area-feedback", area) for area in review.areas.select_related("local_authority").order_by("pk")
    ]
    rendered = []
    started = time.perf_counter()
    for key, subject in subjects:
        kind = kinds.get(key)
        report = Report.objects.create(
            kind=key,
            subject_id=str(subject.pk),
            title=f"{kind.title}: {subject}"[:300],
            version=(Report.objects.filter(kind=key, subject_id=str(subject.pk)).count() + 1),
            requested_by=inspector,
        )
        one = time.perf_counter()
        actions.render(report.pk)
        report.refresh_from_db()
        rendered.append({"kind": key, "pages": report.pages, "s": time.perf_counter() - one, "status": report.status})
    national = rendered[0]
    areas = rendered[1:]
    emit(
        {
            "national_pages": national["pages"],
            "national_s": national["s"],
            "areas": len(areas),
            "area_pages": sum(r["pages"] or 0 for r in areas),
            "area_s": sum(r["s"] for r in areas),
            "slowest_area_s": max(r["s"] for r in areas),
            "total_s": time.perf_counter() - started,
            "failed": [r for r in rendered if r["status"] != "ready"],
        }
    )


STEPS = {
    "pages": step_pages,
    "queries": step_queries,
    "spike-prepare": lambda arg: step_spike_prepare(int(arg)),
    "spike-verify": step_spike_verify,
    "survey": step_survey,
    "import": lambda arg: step_import(int(arg)),
    "bulk-insert": lambda arg: step_bulk_insert(int(arg)),
    "report": step_report,
    "static-pdf": step_static_pdf,
    "review-reports": step_review_reports,
}


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    timezone.activate(timezone.get_default_timezone())
    STEPS[name](*args)
