"""Pages for regulator staff: find a service, see its benchmark before an inspection."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from annual_returns import benchmarks, eligibility, metrics, publication
from annual_returns.forms import AreaFilterForm
from annual_returns.models import Cycle
from annual_returns.variations.models import VariationRequest
from inspectorate.audit.trail import Action, record
from inspectorate.organisations.models import CareService
from inspectorate.scoping import get_for_user


def staff_only(user):
    if not (user.is_regulator_staff or user.is_administrator):
        raise PermissionDenied("Annual-return benchmarks and statistics are for the regulator's staff.")


@login_required
def regulator_home(request):
    staff_only(request.user)
    query = request.GET.get("q", "").strip()[:100]
    services = []
    if query:
        services = (
            CareService.objects.for_user(request.user)
            .filter(Q(name__icontains=query) | Q(registration_number__iexact=query))
            .select_related("local_authority")[:25]
        )
    context = {"query": query, "services": services, "cycles": Cycle.objects.all()[:5]}
    return render(request, "annual_returns/regulator_home.html", context)


@login_required
def benchmark(request, registration_number):
    staff_only(request.user)
    service = get_for_user(
        CareService.objects.select_related("provider", "local_authority"),
        request.user,
        registration_number=registration_number,
    )
    record(request.user, Action.VIEW, service, page="annual return benchmark")
    context = {
        "service": service,
        "benchmark": benchmarks.for_service(service),
        "labels": [label for _, label in metrics.METRICS],
        "outer_share": metrics.OUTER_SHARE,
        "all_themes_flag": VariationRequest.objects.filter(service=service, inspect_all_quality_themes=True).first(),
    }
    return render(request, "annual_returns/benchmark.html", context)


@login_required
def statistics(request, year):
    staff_only(request.user)
    cycle = get_object_or_404(Cycle, year=year)
    area_form = AreaFilterForm(request.GET or None)
    area = area_form.cleaned_data["local_authority"] if area_form.is_valid() else None
    page = Paginator(publication.outstanding(cycle, area), 50).get_page(request.GET.get("page"))
    table = publication.published_table(cycle)
    rows, totals = publication.table_layout(table)
    context = {
        "cycle": cycle,
        "completion": publication.completion(cycle),
        "outstanding": page,
        "page": page,
        "area_form": area_form,
        "table": table,
        "table_rows": rows,
        "table_totals": totals,
        "cutoff": eligibility.cutoff(cycle.year),
    }
    return render(request, "annual_returns/statistics.html", context)


@login_required
def published_csv(request, year):
    staff_only(request.user)
    cycle = get_object_or_404(Cycle, year=year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="annual-returns-{year}-services-by-area-and-type.csv"'
    publication.write_published_csv(publication.published_table(cycle), response)
    record(request.user, Action.DOWNLOAD, cycle, file="published table")
    return response


@login_required
def sssc_extract_csv(request, year):
    staff_only(request.user)
    cycle = get_object_or_404(Cycle, year=year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="annual-returns-{year}-sssc-staffing-extract.csv"'
    publication.write_sssc_csv(cycle, response)
    record(request.user, Action.DOWNLOAD, cycle, file="SSSC staffing extract")
    return response
