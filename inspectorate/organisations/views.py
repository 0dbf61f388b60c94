"""The register of care services, as inspectors and providers see it."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from inspectorate.core import dashboard
from inspectorate.organisations.forms import ServiceSearchForm
from inspectorate.organisations.models import CareService
from inspectorate.scoping import get_for_user


@login_required
def service_list(request):
    services = CareService.objects.for_user(request.user).select_related("provider", "local_authority")
    form = ServiceSearchForm(request.GET or None)
    if form.is_valid():
        if query := form.cleaned_data["q"]:
            services = services.filter(Q(name__icontains=query) | Q(registration_number__iexact=query))
        if service_type := form.cleaned_data["service_type"]:
            services = services.filter(service_type=service_type)
        if local_authority := form.cleaned_data["local_authority"]:
            services = services.filter(local_authority=local_authority)
    page = Paginator(services, 50).get_page(request.GET.get("page"))
    return render(request, "organisations/service_list.html", {"form": form, "page": page})


@login_required
def service_detail(request, registration_number):
    service = get_for_user(
        CareService.objects.select_related("provider", "local_authority"),
        request.user,
        registration_number=registration_number,
    )
    context = {"service": service, "sections": dashboard.service_sections(request.user, service)}
    return render(request, "organisations/service_detail.html", context)
