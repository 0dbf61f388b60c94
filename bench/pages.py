"""The main pages of each role, found in a database filled by `manage.py load_scale`."""

from annual_returns.models import AnnualReturn, Cycle, ReturnStatus
from inspectorate.core.management.commands.load_scale import SERVICE_PREFIX
from inspectorate.organisations.models import CareService
from reviews.models import Review
from surveys.models import Survey

INSPECTOR = "scale.inspector@example.org"
COORDINATOR = "scale.coordinator@example.org"
PROVIDER = "scale.provider@example.org"
ADMIN = "scale.admin@example.org"


def service_count():
    return CareService.objects.filter(registration_number__startswith=SERVICE_PREFIX).count()


def main_pages():
    """[{role, label, path, email}]: what each role opens most, plus the trivial /healthz for comparison."""
    review = Review.objects.filter(slug__endswith="national-scale", surveys__isnull=False).distinct().first()
    survey = Survey.objects.filter(review=review).first()
    cycle = Cycle.objects.order_by("-year").first()
    started = (
        AnnualReturn.objects.filter(
            cycle=cycle, status=ReturnStatus.IN_PROGRESS, service__provider__users__email=PROVIDER
        )
        .order_by("pk")
        .first()
    )
    pages = [
        ("trivial", "healthz", "/healthz", ""),
        ("provider", "provider home", "/", PROVIDER),
        ("provider", "annual returns list", "/annual-returns/", PROVIDER),
        ("inspector", "inspector home", "/", INSPECTOR),
        ("inspector", "reviews list", "/reviews/", INSPECTOR),
        ("inspector", "review page", f"/reviews/{review.pk}/", INSPECTOR),
        ("inspector", "survey results", f"/surveys/{survey.pk}/results/", INSPECTOR),
        ("inspector", "register of services", "/services/", INSPECTOR),
        ("inspector", "return statistics", f"/annual-returns/regulator/{cycle.year}/statistics/", INSPECTOR),
        ("inspector", "record reading results", f"/records/review/{review.pk}/results/", INSPECTOR),
        ("coordinator", "co-ordinator home", "/", COORDINATOR),
        ("coordinator", "co-ordinator review page", f"/reviews/{review.pk}/", COORDINATOR),
        ("coordinator", "shared surveys", "/surveys/shared/", COORDINATOR),
        ("admin", "admin: annual returns", "/admin/annual_returns/annualreturn/", ADMIN),
        ("admin", "admin: care services", "/admin/organisations/careservice/", ADMIN),
    ]
    if started is not None:
        pages.insert(3, ("provider", "return task list", f"/annual-returns/returns/{started.pk}/", PROVIDER))
    return [{"role": role, "label": label, "path": path, "email": email} for role, label, path, email in pages]
