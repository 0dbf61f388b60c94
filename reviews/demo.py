"""Demo reviews from the regulator's pages: the disabled children and young people thematic review."""

from datetime import date

from inspectorate.core.demo import REVIEW_AREAS
from inspectorate.organisations.models import LocalAuthority, SchoolHoliday
from reviews import frameworks, timeline
from reviews.models import (
    EngagementEvent,
    EngagementKind,
    Evaluation,
    Finding,
    FindingKind,
    Grade,
    NominationStatus,
    Phase,
    PublishedUpdate,
    QualityFramework,
    QualityIndicator,
    Review,
    ReviewArea,
    ReviewKind,
    ReviewStatus,
    TeamMember,
    TeamRole,
    TimelineActivity,
)

DISABLED_CHILDREN_AIMS = """How effective is social work in upholding the rights of disabled children and young people?
How well are disabled children and young people and their families supported to have their voices heard?
How well do assessments, plans and reviews ensure children get the right help at the right time?"""


def load(people):
    care_framework, _ = frameworks.install(QualityFramework, QualityIndicator)
    review = load_disabled_children_review(people, care_framework)
    load_timeline(review)
    load_updates(review)
    load_engagement(review, people)
    load_evaluations(review, people)
    load_joint_inspection(people, care_framework)
    return review


def load_disabled_children_review(people, care_framework):
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
            framework=care_framework,
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


# The review's timeline, from its published updates (September 2023, January and June 2024). The
# updates give months, not days, for some steps: the national survey window and the staff survey's
# dates below are plausible days within what the updates say, not published dates.
DISABLED_CHILDREN_TIMELINE = [
    # kind, title, phase, first day, last day
    (
        "survey",
        "National survey of social work teams (responses from all 32 areas by mid-August)",
        "Phase 1: national",
        date(2023, 6, 5),
        date(2023, 8, 15),
    ),
    ("briefing", "Briefing: four areas welcomed to phase 2", "Phase 2: participating areas", date(2023, 9, 29), None),
    (
        "survey",
        "Staff survey in the four areas",
        "Phase 2: participating areas",
        date(2023, 10, 30),
        date(2023, 11, 24),
    ),
    (
        "record_reading",
        "Reading 30 children's social work records in each area (117 read)",
        "Phase 2: participating areas",
        date(2024, 1, 8),
        date(2024, 1, 26),
    ),
    (
        "other",
        "Video and leaflet shared with children and their parents or carers",
        "Phase 2: participating areas",
        date(2024, 1, 15),
        None,
    ),
    (
        "survey",
        "Children and young people's electronic questionnaire",
        "Phase 2: participating areas",
        date(2024, 1, 22),
        date(2024, 2, 29),
    ),
    (
        "interviews",
        "On-site visits: meeting children, families, carers and staff",
        "Phase 2: participating areas",
        date(2024, 2, 5),
        date(2024, 3, 8),
    ),
    (
        "interviews",
        "Five focus groups with representatives from the four areas",
        "Phase 2: participating areas",
        date(2024, 3, 11),
        date(2024, 3, 22),
    ),
    (
        "feedback",
        "Verbal feedback to each area, with its record reading and staff survey results",
        "Reporting",
        date(2024, 5, 13),
        date(2024, 5, 24),
    ),
    ("publication", "National overview report published", "Reporting", date(2024, 8, 27), None),
]


def load_timeline(review):
    for kind, title, phase, first, last in DISABLED_CHILDREN_TIMELINE:
        TimelineActivity.objects.update_or_create(
            review=review,
            title=title,
            area=None,
            defaults={"kind": kind, "phase": phase, "starts_on": first, "ends_on": last},
        )


FOUR_AREAS = "Aberdeen City, Dundee City, Dumfries and Galloway and Na h-Eileanan Siar (Western Isles)"

UPDATES = [
    (
        "Update - September 2023",
        date(2023, 9, 29),
        "Following the notification of the thematic review, we issued a survey to social work teams across Scotland. "
        "By mid-August we had received responses from all 32 local authority areas. We are now looking at the "
        "information from the survey.\n\nWe have been reading national reports and research to find out what "
        "disabled children and young people have already said is important to them, and about their experiences "
        "of support.\n\nConversations with our key stakeholders are helping us to develop our approach to engaging "
        "with children and young people, so that it is rights based, accessible and inclusive.",
        f"Four areas have volunteered to help us better understand children and young people's experiences: "
        f"{FOUR_AREAS}. We will be working with these social work teams from September 2023 to March 2024.",
    ),
    (
        "Update - January 2024",
        date(2024, 1, 19),
        f"We have been working alongside the four areas that came forward to be part of more detailed work: "
        f"{FOUR_AREAS}.\n\nWe now have staff survey responses from these four areas. We have reviewed these "
        "alongside the evidence from the national survey and our review of existing literature, and used our "
        "findings so far to plan our next steps and the key questions we will ask children, families and staff.",
        "In January we will review 30 children's social work records in each of the areas, sampled randomly.\n\n"
        "In January we will ask each of the four areas to share a video and information leaflet with children and "
        "their parents or carers.\n\nBetween 22 January and 29 February we will open an electronic questionnaire "
        "for children and young people.\n\nIn February we will be on-site in each of the four areas to gather the "
        "views of children, their parents or carers and the staff who work with them.",
    ),
    (
        "Update - June 2024",
        date(2024, 6, 28),
        "In January we reviewed a sample of children's social work records. Across the four areas we read a total "
        "of 117 records.\n\nBetween February and March, we visited each of the four areas and met with children, "
        "young people, their families, carers and the staff who help them. We also reviewed feedback from children "
        "and young people through our electronic survey.\n\nWe held five focus groups involving representatives "
        "from the four areas.\n\nIn May, we met with representatives from the four areas individually to provide "
        "verbal feedback, and shared their individual results for the record reading review and staff survey.",
        "We are now working on our national overview report, which we plan to publish in August 2024, with "
        "accessible formats including a short video animation of our key messages.",
    ),
]


def load_updates(review):
    for title, published_on, done, next_steps in UPDATES:
        PublishedUpdate.objects.update_or_create(
            review=review,
            title=title,
            defaults={"published_on": published_on, "done_so_far": done, "next_steps": next_steps},
        )


def load_engagement(review, people):
    areas = {a.local_authority.name: a for a in review.areas.select_related("local_authority")}
    focus_groups = [
        (date(2024, 3, 11), "Aberdeen City", 8, 2),
        (date(2024, 3, 13), "Dundee City", 10, 3),
        (date(2024, 3, 15), "Dumfries and Galloway", 7, 2),
        (date(2024, 3, 19), "Na h-Eileanan Siar", 6, 1),
        (date(2024, 3, 21), None, 11, 4),
    ]
    for held_on, area, staff, leaders in focus_groups:
        event, _ = EngagementEvent.objects.update_or_create(
            review=review,
            kind=EngagementKind.FOCUS_GROUP,
            held_on=held_on,
            defaults={
                "area": areas.get(area),
                "location": "Online" if area is None else f"{area} social work offices",
                "staff_count": staff,
                "leaders_count": leaders,
                "notes": "Practitioners reflected together on strengths and areas for improvement.",
            },
        )
        event.team_members.set([people["lead_inspector"], people["inspector"]])
    for held_on, area, children, families in [
        (date(2024, 2, 6), "Dundee City", 5, 4),
        (date(2024, 2, 20), "Aberdeen City", 6, 5),
    ]:
        EngagementEvent.objects.update_or_create(
            review=review,
            kind=EngagementKind.CHILDREN,
            held_on=held_on,
            defaults={
                "area": areas[area],
                "location": "Where the children chose",
                "children_count": children,
                "families_count": families,
            },
        )


def load_evaluations(review, people):
    indicators = {qi.number: qi for qi in review.framework.indicators.all()}
    areas = {a.local_authority.name: a for a in review.areas.select_related("local_authority")}
    grades = [
        (
            None,
            Grade.ADEQUATE,
            "Strengths just outweighed weaknesses in how assessments, plans and reviews "
            "upheld disabled children's rights across the four areas.",
        ),
        (
            "Dundee City",
            Grade.GOOD,
            "Most records showed timely assessment and plans that reflected the child's views.",
        ),
        ("Aberdeen City", Grade.ADEQUATE, "Plans were in place but reviews were not always timely."),
    ]
    for area, grade, rationale in grades:
        Evaluation.objects.update_or_create(
            review=review,
            area=areas.get(area),
            indicator=indicators["2.1"],
            defaults={"grade": grade, "rationale": rationale, "evaluated_by": people["lead_inspector"]},
        )
    findings = [
        (FindingKind.KEY_MESSAGE, "Children and young people benefited from support from people they knew well."),
        (FindingKind.STRENGTH, "Staff knew children well and advocated strongly for them."),
        (FindingKind.DEVELOPMENT, "Children's views were not consistently recorded in assessments and plans."),
    ]
    for kind, text in findings:
        Finding.objects.get_or_create(review=review, area=None, kind=kind, text=text)


def load_joint_inspection(people, care_framework):
    """A joint inspection of Dundee City in planning, its plan generated across the Christmas holidays."""
    dundee = LocalAuthority.objects.get(name="Dundee City")
    review, _ = Review.objects.update_or_create(
        slug="joint-inspection-dundee-city-2026",
        defaults=dict(
            kind=ReviewKind.JOINT_INSPECTION,
            title="Joint inspection of services for children at risk of harm in Dundee City",
            aims="Children and young people are safer because risks have been identified early and responded to "
            "effectively.\nChildren and young people's lives improve with high quality planning and support.\n"
            "Children, young people and families are meaningfully involved in decisions about their lives.\n"
            "Collaborative strategic leadership, planning and operational management ensure high standards.",
            lead_inspector=people["lead_inspector"],
            support_officer=people["support_officer"],
            status=ReviewStatus.PLANNED,
            notification_date=date(2026, 10, 5),
            framework=care_framework,
        ),
    )
    TeamMember.objects.update_or_create(
        review=review, user=people["lead_inspector"], defaults={"role": TeamRole.LEAD_INSPECTOR}
    )
    TeamMember.objects.update_or_create(
        review=review, user=people["support_officer"], defaults={"role": TeamRole.SUPPORT_OFFICER}
    )
    TeamMember.objects.update_or_create(review=review, user=people["inspector"], defaults={"role": TeamRole.INSPECTOR})
    ReviewArea.objects.update_or_create(
        review=review,
        local_authority=dundee,
        defaults={
            "phase": Phase.FIELDWORK,
            "nomination_deadline": date(2026, 10, 16),
            "nomination_status": NominationStatus.ACCEPTED,
            "coordinator": people["coordinator_dundee"],
        },
    )
    school = SchoolHoliday.objects.filter(local_authority=dundee).values_list("starts_on", "ends_on")
    closed = timeline.closed_days_for(review.notification_date, list(school))
    review.activities.filter(generated=True).delete()
    TimelineActivity.objects.bulk_create(
        TimelineActivity(
            review=review,
            kind=p.kind,
            title=p.title,
            phase=p.phase,
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            details=f"Inspection week {p.week}",
            generated=True,
        )
        for p in timeline.generate(review.notification_date, closed_days=closed)
    )
    return review
