"""Reports from annual returns, for regulator staff only: a cycle's statistics by local authority and
service type, a service's benchmark sheet for an inspector, and a local authority's profile.

Every count goes through inspectorate.disclosure. A benchmark group of fewer services than the
threshold shows no quartiles, since they would give away other services' figures.
"""

from collections import defaultdict

from django.db.models import Count

from annual_returns import benchmarks, publication
from annual_returns.models import AnnualReturn, Cycle, ReturnStatus, SectionAnswer
from inspectorate import charts
from inspectorate.disclosure import is_small, suppress_distribution, threshold
from inspectorate.organisations.models import CareService, LocalAuthority, ServiceType
from inspectorate.reports import access, figures, kinds

SERVICE_TYPES = dict(ServiceType.choices)
CHILD_AGE_BANDS = [("age_under_5", "Under 5"), ("age_5_to_17", "5 to 17")]
STAFF_MEASURES = [("headcount", "Headcount"), ("vacancies", "Vacancies"), ("leavers", "Leavers during the year")]


def _cell(n):
    return suppress_distribution({"n": n}).cells["n"]


# --- a cycle's statistics ----------------------------------------------------------------------


def build_statistics(cycle):
    cycle = Cycle.objects.get(pk=cycle.pk)
    table = publication.published_table(cycle)
    rows, column_totals = publication.table_layout(table)
    by_type = suppress_distribution({column: table.column_totals[column].count for column in table.columns})
    type_rows = list(by_type.items())
    return {
        "title": f"Annual return statistics {cycle.year}",
        "kind_label": "Annual return statistics",
        "classification": "Official",
        "description": f"Care services that submitted an annual return in {cycle.year}, by local authority and type",
        "sections": [
            {"id": "summary", "title": "Summary"},
            {"id": "by-area", "title": "Services by local authority and type"},
            {"id": "about-the-data", "title": "About the figures"},
        ],
        "cycle": cycle,
        "table": table,
        "rows": rows,
        "column_totals": column_totals,
        "type_rows": type_rows,
        "type_total": by_type,
        "type_chart": figures.bar_image(
            f"Services that submitted a return in {cycle.year}, by type",
            type_rows,
            description=f"Percentage of the {by_type.total_display} services that submitted, by type of service",
        ),
        "threshold": threshold(),
    }


kinds.register(
    kinds.ReportKind(
        key="annual-return-statistics",
        title="Annual return statistics",
        subject_model="annual_returns.Cycle",
        template="reports/annual_return_statistics.html",
        build=build_statistics,
        can_generate=access.staff_only,
        can_view=access.staff_only,
        filename=lambda cycle: f"annual-return-statistics-{cycle.year}",
    )
)


# --- a service's benchmark sheet ---------------------------------------------------------------


def build_benchmark(service):
    service = CareService.objects.select_related("local_authority", "provider").get(pk=service.pk)
    benchmark = benchmarks.for_service(service)
    limit = threshold()
    figures_ = []
    if benchmark:
        for metric in benchmark["figures"]:
            comparisons = [
                {"comparison": c, "shown": not is_small(c.count, limit), "count": _cell(c.count)}
                for c in metric.comparisons
            ]
            # A group too small to publish draws no box, as its row in the table shows no quartiles.
            boxes = [
                (
                    item["comparison"].group,
                    *(
                        (
                            item["comparison"].lower_quartile,
                            item["comparison"].median,
                            item["comparison"].upper_quartile,
                        )
                        if item["shown"]
                        else (None, None, None)
                    ),
                    metric.value,
                )
                for item in comparisons
            ]
            chart = charts.box_plot(
                f"{metric.label}: {service.name} against each group",
                boxes,
                description="Boxes run from the lower to the upper quartile with a line at the median; "
                "the red diamond is this service.",
            )
            figures_.append(
                {
                    "label": metric.label,
                    "value": metric.value,
                    "comparisons": comparisons,
                    "chart": figures.as_image(chart),
                }
            )
    return {
        "title": f"Benchmark sheet: {service.name}",
        "kind_label": "Service benchmark sheet",
        "classification": "Official sensitive: for inspectors",
        "description": f"How {service.name} compares with other services, from its annual returns",
        "service": service,
        "benchmark": benchmark,
        "figures": figures_,
        "threshold": limit,
    }


kinds.register(
    kinds.ReportKind(
        key="service-benchmark",
        title="Service benchmark sheet",
        subject_model="organisations.CareService",
        template="reports/service_benchmark.html",
        build=build_benchmark,
        can_generate=access.staff_only,
        can_view=access.staff_only,
        filename=lambda service: f"benchmark-{service.registration_number}",
    )
)


# --- a local authority's profile ---------------------------------------------------------------


def _profile_answers(local_authority):
    """Every submitted return's answers in the area, one query: {(year, service type): totals}.

    Why here and not in annual_returns.publication: that module sums for the SSSC extract only; the
    profile needs people by age, places and staffing per cycle for one area."""
    rows = SectionAnswer.objects.filter(
        annual_return__service__local_authority=local_authority,
        annual_return__status=ReturnStatus.SUBMITTED,
        section__in=["people", "capacity", "staffing"],
    ).values_list("annual_return__cycle__year", "annual_return__service__service_type", "section", "answers")
    totals = defaultdict(lambda: defaultdict(float))
    for year, service_type, section, answers in rows:
        bucket = totals[(year, service_type)]
        for key, value in answers.items():
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            if section == "staffing" and "__" in key:
                bucket[f"staff_{key.split('__')[1]}"] += value
            else:
                bucket[key] += value
    return totals


def build_profile(local_authority):
    local_authority = LocalAuthority.objects.get(pk=local_authority.pk)
    cycles = list(Cycle.objects.order_by("year"))
    latest = cycles[-1] if cycles else None
    services = (
        CareService.objects.filter(local_authority=local_authority)
        .values("service_type")
        .annotate(n=Count("pk"))
        .order_by("service_type")
    )
    capacity = defaultdict(int)
    for service_type, places in CareService.objects.filter(local_authority=local_authority).values_list(
        "service_type", "capacity"
    ):
        capacity[service_type] += places or 0
    service_counts = suppress_distribution({SERVICE_TYPES[row["service_type"]]: row["n"] for row in services})
    places = suppress_distribution({SERVICE_TYPES[key]: value for key, value in sorted(capacity.items())})
    submitted = dict(
        AnnualReturn.objects.submitted()
        .filter(service__local_authority=local_authority)
        .values_list("cycle__year")
        .annotate(n=Count("pk"))
    )
    totals = _profile_answers(local_authority)
    years = [cycle.year for cycle in cycles]

    def year_sum(year, key):
        return int(sum(bucket.get(key, 0) for (y, _), bucket in totals.items() if y == year))

    children = (
        suppress_distribution({label: year_sum(latest.year, key) for key, label in CHILD_AGE_BANDS}) if latest else None
    )
    staffing = (
        suppress_distribution({label: year_sum(latest.year, f"staff_{key}") for key, label in STAFF_MEASURES})
        if latest
        else None
    )
    trends = [
        {
            "year": year,
            "returns": _cell(submitted.get(year, 0)),
            "places": _cell(year_sum(year, "registered_places")),
            "children": _cell(sum(year_sum(year, key) for key, _ in CHILD_AGE_BANDS)),
            "headcount": _cell(year_sum(year, "staff_headcount")),
            "vacancies": _cell(year_sum(year, "staff_vacancies")),
        }
        for year in years
    ]
    return {
        "title": f"Local authority profile: {local_authority.name}",
        "kind_label": "Local authority profile",
        "classification": "Official",
        "description": f"Care services in {local_authority.name} from their annual returns",
        "sections": [
            {"id": "services", "title": "Services and capacity"},
            {"id": "children", "title": "Children registered, by age"},
            {"id": "staffing", "title": "Staffing and vacancies"},
            {"id": "trends", "title": "Trends over the years"},
            {"id": "about-the-data", "title": "About the figures"},
        ],
        "local_authority": local_authority,
        "latest": latest,
        "service_counts": list(service_counts.items()),
        "service_total": service_counts,
        "places": list(places.items()),
        "places_total": places,
        "services_chart": figures.bar_image(
            f"Care services in {local_authority.name}, by type",
            list(service_counts.items()),
            description=f"Percentage of the {service_counts.total_display} registered services, by type",
        ),
        "children": list(children.items()) if children else [],
        "children_total": children,
        "staffing": list(staffing.items()) if staffing else [],
        "trends": trends,
        "threshold": threshold(),
    }


kinds.register(
    kinds.ReportKind(
        key="local-authority-profile",
        title="Local authority profile",
        subject_model="organisations.LocalAuthority",
        template="reports/local_authority_profile.html",
        build=build_profile,
        can_generate=access.staff_only,
        can_view=access.staff_only,
        filename=lambda local_authority: f"profile-{local_authority.slug}",
    )
)
