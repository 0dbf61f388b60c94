"""Demo reviews from the regulator's pages: the disabled children and young people thematic review."""

from datetime import date

from inspectorate.core.demo import REVIEW_AREAS
from inspectorate.organisations.models import LocalAuthority
from reviews.models import NominationStatus, Phase, Review, ReviewArea, ReviewKind, ReviewStatus, TeamMember, TeamRole

DISABLED_CHILDREN_AIMS = """How effective is social work in upholding the rights of disabled children and young people?
How well are disabled children and young people and their families supported to have their voices heard?
How well do assessments, plans and reviews ensure children get the right help at the right time?"""


def load(people):
    review, _ = Review.objects.update_or_create(
        slug="disabled-children-and-young-people",
        defaults=dict(
            kind=ReviewKind.THEMATIC,
            title="Thematic review of social work services for disabled children and young people",
            aims=DISABLED_CHILDREN_AIMS,
            lead_inspector=people["lead_inspector"],
            support_officer=people["support_officer"],
            status=ReviewStatus.FIELDWORK,
            notification_date=date(2023, 9, 4),
        ),
    )
    for key, role in [
        ("lead_inspector", TeamRole.LEAD_INSPECTOR),
        ("inspector", TeamRole.INSPECTOR),
        ("support_officer", TeamRole.SUPPORT_OFFICER),
    ]:
        TeamMember.objects.update_or_create(review=review, user=people[key], defaults={"role": role})
    coordinators = {
        "Aberdeen City": people["coordinator_aberdeen"],
        "Dundee City": people["coordinator_dundee"],
        "Dumfries and Galloway": people["coordinator_dumfries"],
        "Na h-Eileanan Siar": people["coordinator_western_isles"],
    }
    for local_authority in LocalAuthority.objects.all():
        in_phase_two = local_authority.name in REVIEW_AREAS
        ReviewArea.objects.update_or_create(
            review=review,
            local_authority=local_authority,
            defaults=dict(
                phase=Phase.FIELDWORK if in_phase_two else Phase.NATIONAL,
                nomination_deadline=date(2023, 10, 6),
                nomination_status=NominationStatus.ACCEPTED if in_phase_two else NominationStatus.INVITED,
                coordinator=coordinators.get(local_authority.name),
            ),
        )
    return review
