"""The co-ordinator's home page: the reports the team has released to their area."""

from inspectorate.core.dashboard import NavItem, Section
from inspectorate.reports import kinds
from inspectorate.reports.models import Release
from reviews.models import ReviewArea


def released_for(user):
    """(area, kind) for every area report released to the co-ordinator's own area: two queries."""
    areas = {str(a.pk): a for a in ReviewArea.objects.for_user(user).select_related("review", "local_authority")}
    releasable = [kind.key for kind in kinds.all_kinds() if kind.releasable]
    releases = Release.objects.filter(kind__in=releasable, subject_id__in=list(areas)).order_by("-released_at")
    return [(areas[release.subject_id], kinds.get(release.kind), release) for release in releases]


def nav_items(user):
    if user.is_authenticated and (user.is_regulator_staff or user.is_administrator):
        return [NavItem("Annual return reports", "reports:annual-returns", order=60)]
    return []


def home_sections(user):
    if not (user.is_authenticated and user.is_coordinator):
        return []
    rows = released_for(user)
    if not rows:
        return []
    return [Section(f"Reports for {user.local_authority}", "reports/home_coordinator.html", {"rows": rows}, order=25)]
