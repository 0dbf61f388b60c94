"""Statistics from a cycle's returns: completion during the window, published tables, the SSSC extract.

Every published count goes through inspectorate.disclosure. The SSSC extract carries no service
identifiers: figures are summed by local authority and service type, and a group of fewer services
than the disclosure threshold is merged into its service type's "Other areas" row, which in turn
takes in the smallest named areas until it is large enough itself.
"""

import csv
from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q

from annual_returns import eligibility, questions
from annual_returns.models import AnnualReturn, ReturnStatus, SectionAnswer
from inspectorate import disclosure
from inspectorate.organisations.models import ServiceType

OTHER_AREAS = "Other areas (small groups combined)"


def _submitted(cycle):
    return AnnualReturn.objects.filter(cycle=cycle, service=OuterRef("pk"), status=ReturnStatus.SUBMITTED)


def completion(cycle):
    """Services that must submit, and how many have, by local authority and by service type."""
    services = eligibility.services_that_must_submit(cycle.year).annotate(done=Exists(_submitted(cycle)))
    # One pass over the services, by area and type, summed here both ways: the EXISTS aggregate over
    # every service is the cost, so it is not run a second time. Ordered by area name in the
    # database, so the areas keep the database's collation.
    by_area, by_type = {}, {}
    for row in (
        services.values("local_authority__name", "service_type")
        .annotate(required=Count("pk"), submitted=Count("pk", filter=Q(done=True)))
        .order_by("local_authority__name", "service_type")
    ):
        for totals, key in ((by_area, row["local_authority__name"]), (by_type, row["service_type"])):
            total = totals.setdefault(key, {"required": 0, "submitted": 0})
            total["required"] += row["required"]
            total["submitted"] += row["submitted"]
    labels = dict(ServiceType.choices)
    return {
        "by_area": [_completion_row(name, row) for name, row in by_area.items()],
        "by_type": [_completion_row(labels[kind], by_type[kind]) for kind in sorted(by_type)],
    }


def _completion_row(label, row):
    required, submitted = row["required"], row["submitted"]
    return {
        "label": label,
        "required": required,
        "submitted": submitted,
        "outstanding": required - submitted,
        "percent": round(100 * submitted / required) if required else 0,
    }


def outstanding(cycle, local_authority=None):
    """Services that must submit and have not: the list for reminders."""
    services = (
        eligibility.services_that_must_submit(cycle.year)
        .filter(~Exists(_submitted(cycle)))
        .select_related("provider", "local_authority")
        .order_by("local_authority__name", "name")
    )
    if local_authority is not None:
        services = services.filter(local_authority=local_authority)
    return services


def published_table(cycle):
    """Services that submitted a return, local authority x service type, after disclosure control."""
    counts = (
        AnnualReturn.objects.submitted()
        .filter(cycle=cycle)
        .values_list("service__local_authority__name", "service__service_type")
        .annotate(n=Count("pk"))
    )
    labels = dict(ServiceType.choices)
    cells = {(area, labels[kind]): n for area, kind, n in counts}
    rows = sorted({area for area, _ in cells})
    columns = [label for _, label in ServiceType.choices if any(label == c for _, c in cells)]
    return disclosure.suppress_table(cells, rows, columns)


def write_published_csv(table, out):
    writer = csv.writer(out)
    writer.writerow(["Local authority", *table.columns, "Total"])
    for row in table.rows:
        writer.writerow([row, *[table.cell(row, c).display for c in table.columns], table.row_totals[row].display])
    writer.writerow(["Scotland", *[table.column_totals[c].display for c in table.columns], table.grand_total.display])


STAFF_COLUMNS = [m for m, _, _ in questions.STAFF_MEASURES]
SSSC_COLUMNS = [
    f"{group}__{measure}" for group, _, _ in questions.SSSC_GROUPS for measure, _, _ in questions.SSSC_MEASURES
]


def _absorb(target, group):
    target["returns"] |= group["returns"]
    for key, value in group["totals"].items():
        target["totals"][key] += value


def _close_small_other_rows(merged, limit):
    """An "Other areas" row must itself cover at least `limit` services: fold the smallest named
    area of the same service type into it until it does; a service type too small in all is left out."""
    for kind in {kind for kind, _ in merged}:
        other = merged.get((kind, OTHER_AREAS))
        while other is not None and len(other["returns"]) < limit:
            named = [(len(g["returns"]), area) for (k, area), g in merged.items() if k == kind and area != OTHER_AREAS]
            if not named:
                del merged[(kind, OTHER_AREAS)]
                break
            _absorb(other, merged.pop((kind, min(named)[1])))


def sssc_extract_rows(cycle):
    """Anonymised staffing and SSSC registration figures, summed by local authority and service type."""
    answers = SectionAnswer.objects.filter(
        annual_return__cycle=cycle,
        annual_return__status=ReturnStatus.SUBMITTED,
        section__in=["staffing", "sssc"],
    ).values_list(
        "annual_return_id",
        "annual_return__service__local_authority__name",
        "annual_return__service__service_type",
        "section",
        "answers",
    )
    groups = defaultdict(lambda: {"returns": set(), "totals": defaultdict(float)})
    for return_id, area, kind, section, values in answers:
        group = groups[(kind, area)]
        group["returns"].add(return_id)
        for key, value in values.items():
            if value is None:
                continue
            if section == "staffing" and "__" in key:
                group["totals"][key.split("__")[1]] += value
            elif section == "sssc":
                group["totals"][key] += value
    limit = disclosure.threshold()
    merged = defaultdict(lambda: {"returns": set(), "totals": defaultdict(float)})
    for (kind, area), group in groups.items():
        _absorb(merged[(kind, area if len(group["returns"]) >= limit else OTHER_AREAS)], group)
    _close_small_other_rows(merged, limit)
    labels = dict(ServiceType.choices)
    rows = []
    for (kind, area), group in sorted(merged.items(), key=lambda item: (labels[item[0][0]], item[0][1])):
        totals = group["totals"]
        rows.append(
            [cycle.year, labels[kind], area, len(group["returns"])]
            + [_number(totals.get(c, 0)) for c in STAFF_COLUMNS]
            + [_number(totals.get(c, 0)) for c in SSSC_COLUMNS]
        )
    return rows


def _number(value):
    return int(value) if float(value).is_integer() else round(value, 2)


def write_sssc_csv(cycle, out):
    writer = csv.writer(out)
    writer.writerow(
        ["Year", "Service type", "Local authority", "Services"]
        + [f"Staff {c}" for c in STAFF_COLUMNS]
        + [f"SSSC {c.replace('__', ' ')}" for c in SSSC_COLUMNS]
    )
    writer.writerows(sssc_extract_rows(cycle))


def table_layout(table):
    """The table as rows of cells in column order, for a template (which cannot index a dict)."""
    rows = [
        {"label": row, "cells": [table.cell(row, c) for c in table.columns], "total": table.row_totals[row]}
        for row in table.rows
    ]
    return rows, [table.column_totals[c] for c in table.columns]
