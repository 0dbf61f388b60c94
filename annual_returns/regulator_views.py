"""Pages for regulator staff: find a service, see its benchmark before an inspection."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render

from annual_returns import benchmarks, metrics
from annual_returns.models import Cycle
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
    }
    return render(request, "annual_returns/benchmark.html", context)
