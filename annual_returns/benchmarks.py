"""A service's benchmark: its figures against national, local authority and service-type groups."""

from collections import defaultdict
from dataclasses import dataclass

from annual_returns import metrics
from annual_returns.models import AnnualReturn
from inspectorate import charts

FIELDS = [name for name, _ in metrics.METRICS]


@dataclass
class MetricBenchmark:
    name: str
    label: str
    value: float | None
    comparisons: list

    @property
    def flagged(self):
        return any(c.outer for c in self.comparisons)

    @property
    def chart(self):
        """Quartile boxes for each comparison group with this service's figure marked; the page
        shows the same numbers in the table beside it."""
        return charts.box_plot(
            f"{self.label}: this service against each group",
            [(c.group, c.lower_quartile, c.median, c.upper_quartile, self.value) for c in self.comparisons],
            description="Boxes run from the lower to the upper quartile with a line at the median; "
            "the red diamond is this service.",
        )


def for_service(service):
    """Benchmarks for the service's latest submitted return, and its history over cycles.

    Two queries whatever the number of services: the service's own returns, then every submitted
    return's figures for the years it has returns in.
    """
    own = list(
        AnnualReturn.objects.submitted().filter(service=service).select_related("cycle").order_by("-cycle__year")
    )
    if not own:
        return None
    years = [r.cycle.year for r in own]
    peers = AnnualReturn.objects.submitted().filter(cycle__year__in=years)
    rows = peers.values_list("cycle__year", "service__local_authority_id", "service__service_type", *FIELDS)
    national, local, same_type = defaultdict(list), defaultdict(list), defaultdict(list)
    for year, area, kind, *values in rows:
        for name, value in zip(FIELDS, values, strict=True):
            national[(year, name)].append(value)
            if area == service.local_authority_id:
                local[(year, name)].append(value)
            if kind == service.service_type:
                same_type[(year, name)].append(value)
    latest = own[0]
    year = latest.cycle.year
    figures = [
        MetricBenchmark(
            name,
            label,
            getattr(latest, name),
            [
                metrics.compare("Scotland", getattr(latest, name), national[(year, name)]),
                metrics.compare(str(service.local_authority), getattr(latest, name), local[(year, name)]),
                metrics.compare(service.get_service_type_display(), getattr(latest, name), same_type[(year, name)]),
            ],
        )
        for name, label in metrics.METRICS
    ]
    history = [
        {
            "annual_return": r,
            "year": r.cycle.year,
            "figures": [
                {
                    "value": getattr(r, name),
                    "national_median": metrics.quartiles([v for v in national[(r.cycle.year, name)] if v is not None])[
                        1
                    ],
                }
                for name in FIELDS
            ],
        }
        for r in own
    ]
    return {"latest": latest, "figures": figures, "history": history}
