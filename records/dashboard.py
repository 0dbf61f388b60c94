"""Record reading in the menu and on home pages: the team's nav item, co-ordinators' and readers' next steps."""

from inspectorate.core.dashboard import NavItem, Section
from records.access import is_team_role
from records.models import CaseListField, Reading
from reviews.models import Phase, ReviewArea

HOME_READINGS = 10


def nav_items(user):
    if user.is_authenticated and is_team_role(user):
        return [NavItem("Record reading", "records:index", order=40)]
    return []


def home_sections(user):
    if not user.is_authenticated:
        return []
    if user.is_coordinator:
        return _coordinator_sections(user)
    if user.is_regulator_staff:
        return _reader_sections(user)
    return []


def _coordinator_sections(user):
    reviews_with_fields = CaseListField.objects.values("review_id")
    areas = (
        ReviewArea.objects.for_user(user)
        .filter(phase=Phase.FIELDWORK, review__in=reviews_with_fields)
        .select_related("review", "case_list", "record_sample")
    )
    items = []
    for area in areas:
        case_list = getattr(area, "case_list", None)
        sample = getattr(area, "record_sample", None)
        items.append(
            {
                "area": area,
                "case_list": case_list,
                "sample": sample,
                "released": bool(sample and sample.results_released),
            }
        )
    if not items:
        return []
    return [Section("Record reading", "records/home_coordinator.html", {"items": items}, order=30)]


def _reader_sections(user):
    readings = (
        Reading.objects.for_user(user)
        .filter(reader=user, completed_at__isnull=True, sampled_record__not_read_reason="")
        .select_related("sampled_record__sample__review_area__local_authority")
        .order_by("sampled_record__sample", "sampled_record__position")
    )
    shown = list(readings[: HOME_READINGS + 1])
    if not shown:
        return []
    more = readings.count() - HOME_READINGS if len(shown) > HOME_READINGS else 0
    context = {"readings": shown[:HOME_READINGS], "more": more}
    return [Section("Records to read", "records/home_reader.html", context, order=30)]
