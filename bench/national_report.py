"""A national report across all services, built from the bench database as the report framework builds one.

The registered report kinds are about one review or one area (their rendering is measured too,
in bench.measure's review-reports step); this one covers the whole register at once, at the size
the issue names (about 50 pages; 74 with the bench data): annual-return completion and the
published table (through disclosure control), the staff survey's results with their charts, and
a profile of each of the 32 areas. It extends the reports' base template and goes through
inspectorate.pdf (the service's WeasyPrint settings, PDF/UA-1, the static-only fetcher).
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Avg, Count, Q
from django.template import engines

from annual_returns import publication
from annual_returns.models import AnnualReturn, Cycle, ReturnStatus
from inspectorate.organisations.models import CareService, LocalAuthority, ServiceType
from surveys.models import Survey
from surveys.results import survey_results

TEMPLATE = Path(__file__).with_name("national_report.html")


def context():
    cycle = Cycle.objects.order_by("-year").first()
    survey = Survey.objects.annotate(n=Count("responses")).order_by("-n").first()
    table = publication.published_table(cycle)
    rows, totals = publication.table_layout(table)
    labels = dict(ServiceType.choices)
    by_area_type = {}
    for area, kind, n in CareService.objects.values_list("local_authority__name", "service_type").annotate(
        n=Count("pk")
    ):
        by_area_type.setdefault(area, []).append((labels[kind], n))
    figures = {
        row["service__local_authority__name"]: row
        for row in AnnualReturn.objects.filter(cycle__year__lt=cycle.year, status=ReturnStatus.SUBMITTED)
        .values("service__local_authority__name")
        .annotate(
            returns=Count("pk"),
            turnover=Avg("staff_turnover"),
            vacancies=Avg("vacancy_rate"),
            agency=Avg("agency_use"),
            occupancy=Avg("occupancy"),
            care_homes=Count("pk", filter=Q(service__service_type__in=ServiceType.care_homes())),
        )
    }
    results = survey_results(survey)
    areas = [
        {
            "name": area.name,
            "types": sorted(by_area_type.get(area.name, []), key=lambda item: -item[1]),
            "figures": figures.get(area.name, {}),
            "survey": next((a for a in results.areas if str(a.link.local_authority) == area.name), None),
        }
        for area in LocalAuthority.objects.order_by("name")
    ]
    return {
        "title": f"Care services in Scotland: national report {cycle.year}",
        "kind_label": "National report",
        "classification": "Official",
        "sections": [
            {"id": "returns", "title": "Annual returns"},
            {"id": "survey", "title": "What staff told us"},
            {"id": "areas", "title": "Local authority profiles"},
        ],
        "cycle": cycle,
        "completion": publication.completion(cycle),
        "table": table,
        "table_rows": rows,
        "table_totals": totals,
        "results": results,
        "areas": areas,
    }


def html():
    template = engines["django"].from_string(TEMPLATE.read_text())
    return template.render({**context(), "for_print": True, "service_name": settings.SERVICE_NAME})


def self_contained(document):
    """The same HTML with its stylesheet inlined, so WeasyPrint can lay it out with nothing else."""
    css = Path(finders.find("css/report.css")).read_text()
    return document.replace('<link rel="stylesheet" href="file:///static/css/report.css">', f"<style>{css}</style>")
