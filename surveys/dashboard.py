"""The surveys menu item for the review team, and a co-ordinator's open surveys on their home page."""

from django.utils import timezone

from inspectorate.core.dashboard import NavItem, Section
from surveys.forms import last_day
from surveys.models import SurveyLink


def nav_items(user):
    if not user.is_authenticated:
        return []
    if user.is_regulator_staff or user.is_administrator:
        return [NavItem("Surveys", "surveys:list", order=30)]
    if user.is_coordinator:
        return [NavItem("Surveys", "surveys:shared", order=30)]
    return []


def home_sections(user):
    if not (user.is_authenticated and user.is_coordinator):
        return []
    now = timezone.now()
    links = list(
        SurveyLink.objects.for_user(user)
        .filter(survey__opens_at__lte=now, survey__closes_at__gt=now)
        .select_related("survey", "review_area__local_authority")
        .order_by("survey__closes_at")
    )
    if not links:
        return []
    rows = [(link, last_day(link.survey.closes_at)) for link in links]
    return [Section("Surveys open now", "surveys/home_coordinator.html", {"links": rows}, order=20)]
