"""Creating reviews, the team, the timeline, engagement, public updates, evaluations and improvement."""

from datetime import date

import pytest

from reviews.models import (
    ActionPlanItem,
    EngagementEvent,
    Evaluation,
    Grade,
    Review,
    ReviewKind,
    TeamRole,
    TimelineActivity,
)
from tests import factories
from tests.reviews.factories import ReviewFactory, care_and_protection_framework, joint_inspection


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_inspector_creates_a_review_and_leads_its_team(client_for, inspector):
    response = client_for(inspector).post(
        "/reviews/new/",
        {
            "kind": ReviewKind.THEMATIC,
            "title": "Thematic review of social work governance and assurance",
            "slug": "",
            "aims": "How well do governance arrangements support leaders?",
            "legal_basis": "Section 53, Public Services Reform (Scotland) Act 2010",
            "lead_inspector": inspector.pk,
        },
    )
    review = Review.objects.get(slug="thematic-review-of-social-work-governance-and-assurance")
    assert response["Location"] == review.get_absolute_url()
    assert review.team_members.get().role == TeamRole.LEAD_INSPECTOR


def test_create_review_with_missing_fields_shows_errors(client_for, inspector):
    response = client_for(inspector).post("/reviews/new/", {"title": ""})
    page = response.content.decode()
    assert "<title>Error: Create a review" in page
    assert "Choose what kind of review this is" in page
    assert not Review.objects.exists()


def test_coordinator_cannot_create_a_review(client_for, coordinator):
    assert client_for(coordinator).get("/reviews/new/").status_code == 403


def test_team_member_added_and_removed(client_for, inspector, review):
    colleague = factories.inspector(full_name="Callum Fraser")
    client = client_for(inspector)
    client.post(f"/reviews/{review.pk}/team/", {"user": colleague.pk, "role": TeamRole.PARTNER_HIS})
    member = review.team_members.get(user=colleague)
    assert member.role == TeamRole.PARTNER_HIS
    client.post(f"/reviews/{review.pk}/team/{member.pk}/remove/")
    assert not review.team_members.filter(user=colleague).exists()


def test_lead_inspector_cannot_be_removed(client_for, inspector, review):
    lead = review.team_members.get(user=inspector)
    response = client_for(inspector).post(f"/reviews/{review.pk}/team/{lead.pk}/remove/", follow=True)
    assert "The lead inspector stays on the team" in response.content.decode()
    assert review.team_members.filter(user=inspector).exists()


def test_generating_a_joint_inspection_timeline_in_the_browser(client_for, inspector):
    from inspectorate.organisations.models import SchoolHoliday
    from tests.reviews.factories import add_area

    review = joint_inspection(inspector)
    area = add_area(review, area_name="Dundee City")
    SchoolHoliday.objects.create(
        local_authority=area.local_authority, name="Christmas", starts_on=date(2026, 12, 21), ends_on=date(2027, 1, 1)
    )
    client = client_for(inspector)
    client.post(f"/reviews/{review.pk}/timeline/generate/", date_fields("notification_date", date(2026, 10, 5)))
    activities = TimelineActivity.objects.filter(review=review)
    assert activities.count() == 15
    assert not activities.filter(starts_on__range=(date(2026, 12, 21), date(2027, 1, 1))).exists()
    review.refresh_from_db()
    assert review.notification_date == date(2026, 10, 5)
    page = client.get(f"/reviews/{review.pk}/timeline/").content.decode()
    assert "Reading of children&#x27;s records" in page


def test_editing_a_generated_activity_keeps_it_when_regenerating(client_for, inspector):
    review = joint_inspection(inspector)
    client = client_for(inspector)
    client.post(f"/reviews/{review.pk}/timeline/generate/", date_fields("notification_date", date(2030, 5, 6)))
    briefing = review.activities.get(kind="briefing")
    client.post(
        f"/reviews/{review.pk}/timeline/{briefing.pk}/",
        {
            "kind": "briefing",
            "title": "Briefing moved to suit partners",
            "phase": "Preparation",
            "details": "",
            **date_fields("starts_on", date(2030, 5, 23)),
        },
    )
    client.post(f"/reviews/{review.pk}/timeline/generate/", date_fields("notification_date", date(2030, 5, 6)))
    assert review.activities.filter(title="Briefing moved to suit partners", starts_on=date(2030, 5, 23)).exists()
    assert review.activities.count() == 16


def test_activity_ending_before_it_starts_is_refused(client_for, inspector, review):
    response = client_for(inspector).post(
        f"/reviews/{review.pk}/timeline/add/",
        {
            "kind": "survey",
            "title": "Survey",
            **date_fields("starts_on", date(2030, 5, 6)),
            **date_fields("ends_on", date(2030, 5, 1)),
        },
    )
    assert "The end date must be the same as or after the start date" in response.content.decode()
    assert not review.activities.exists()


def test_thematic_review_has_no_generated_plan(client_for, inspector, review):
    response = client_for(inspector).post(
        f"/reviews/{review.pk}/timeline/generate/", date_fields("notification_date", date(2030, 5, 6))
    )
    assert "Only a joint inspection has a week-by-week plan" in response.content.decode()


def test_engagement_records_counts_by_group_not_names(client_for, inspector, review, dundee_area):
    client = client_for(inspector)
    client.post(
        f"/reviews/{review.pk}/engagement/",
        {
            "kind": "focus_group",
            "area": dundee_area.pk,
            **date_fields("held_on", date(2024, 2, 20)),
            "location": "Online",
            "children_count": 0,
            "families_count": 0,
            "staff_count": 9,
            "leaders_count": 2,
            "team_members": [inspector.pk],
            "notes": "",
        },
    )
    event = EngagementEvent.objects.get(review=review)
    assert (event.staff_count, event.leaders_count, list(event.team_members.all())) == (9, 2, [inspector])
    page = client.get(f"/reviews/{review.pk}/engagement/").content.decode()
    assert "Focus group" in page and "Dundee City" in page


def test_public_updates_page_needs_no_sign_in_and_shows_newest_first(client, review):
    review.updates.create(title="Update - September 2023", published_on=date(2023, 9, 29), done_so_far="Survey")
    review.updates.create(title="Update - June 2024", published_on=date(2024, 6, 28), done_so_far="Records read")
    page = client.get(f"/reviews/public/{review.slug}/").content.decode()
    assert page.index("Update - June 2024") < page.index("Update - September 2023")
    assert "What we have done so far" in page


def test_public_page_of_a_review_without_updates_is_404(client, review):
    assert client.get(f"/reviews/public/{review.slug}/").status_code == 404


def test_team_publishes_an_update(client_for, inspector, review):
    client_for(inspector).post(
        f"/reviews/{review.pk}/updates/",
        {
            "title": "Update - January 2024",
            **date_fields("published_on", date(2024, 1, 19)),
            "done_so_far": "We now have staff survey responses.",
            "next_steps": "Record reading in January.",
        },
    )
    assert review.updates.get().next_steps == "Record reading in January."


@pytest.fixture
def graded_review(review):
    review.framework = care_and_protection_framework()
    review.save()
    return review


def test_grade_recorded_per_area_and_nationally(client_for, inspector, graded_review, dundee_area):
    qi = graded_review.framework.indicators.get(number="2.1")
    client = client_for(inspector)
    for area in (dundee_area.pk, ""):
        client.post(
            f"/reviews/{graded_review.pk}/evaluations/",
            {"indicator": qi.pk, "area": area, "grade": Grade.GOOD, "rationale": "Children were safer."},
        )
    assert Evaluation.objects.filter(review=graded_review, indicator=qi).count() == 2
    client.post(
        f"/reviews/{graded_review.pk}/evaluations/",
        {"indicator": qi.pk, "area": "", "grade": Grade.ADEQUATE, "rationale": "Revised."},
    )
    assert Evaluation.objects.get(review=graded_review, indicator=qi, area=None).grade == Grade.ADEQUATE


def test_framework_has_22_quality_indicators_including_2_1_and_6_4(db):
    framework = care_and_protection_framework()
    numbers = set(framework.indicators.values_list("number", flat=True))
    assert len(numbers) == 22
    assert {"2.1", "6.4"} <= numbers


def test_weak_grade_on_key_indicator_proposes_a_progress_review(client_for, inspector, graded_review, dundee_area):
    qi = graded_review.framework.indicators.get(number="2.1")
    client = client_for(inspector)
    client.post(
        f"/reviews/{graded_review.pk}/evaluations/",
        {"indicator": qi.pk, "area": dundee_area.pk, "grade": Grade.WEAK, "rationale": "Risks not acted on."},
    )
    assert "We propose a progress review" in client.get(graded_review.get_absolute_url()).content.decode()
    response = client.post(f"/reviews/{graded_review.pk}/progress-review/")
    follow_up = Review.objects.get(follows=graded_review)
    assert response["Location"] == follow_up.get_absolute_url()
    assert follow_up.kind == ReviewKind.PROGRESS_REVIEW
    assert "We propose a progress review" not in client.get(graded_review.get_absolute_url()).content.decode()


def test_good_grades_do_not_propose_a_progress_review(client_for, inspector, graded_review):
    qi = graded_review.framework.indicators.get(number="2.1")
    client = client_for(inspector)
    client.post(
        f"/reviews/{graded_review.pk}/evaluations/",
        {"indicator": qi.pk, "area": "", "grade": Grade.VERY_GOOD, "rationale": "Strong."},
    )
    client.post(f"/reviews/{graded_review.pk}/progress-review/")
    assert not Review.objects.filter(follows=graded_review).exists()


def test_link_inspector_records_action_plan_progress(client_for, inspector, graded_review, dundee_area):
    client = client_for(inspector)
    client.post(
        f"/reviews/{graded_review.pk}/improvement/",
        {
            "area": dundee_area.pk,
            "action": "Audit chronologies",
            "owner": "Chief social work officer",
            "progress": "not_started",
            "progress_notes": "",
        },
    )
    item = ActionPlanItem.objects.get(review=graded_review)
    client.post(
        f"/reviews/{graded_review.pk}/improvement/{item.pk}/",
        {
            "area": dundee_area.pk,
            "action": "Audit chronologies",
            "progress": "in_progress",
            "progress_notes": "First audit done",
        },
    )
    item.refresh_from_db()
    assert (item.progress, item.progress_notes) == ("in_progress", "First audit done")


def test_inspector_home_shows_their_reviews_and_whats_next(client_for, inspector, review):
    from tests.reviews.factories import add_activity

    add_activity(review, title="Record reading begins", starts_on=date(2099, 1, 5))
    page = client_for(inspector).get("/").content.decode()
    assert review.title in page and "Next: Record reading begins" in page


def test_evaluation_from_another_framework_is_refused(graded_review, inspector):
    from reviews import actions
    from reviews.models import QualityIndicator

    daycare_qi = QualityIndicator.objects.get(framework__slug="daycare-of-children", number="1.1")
    with pytest.raises(actions.ActionRefused):
        actions.record_evaluation(graded_review, area=None, indicator=daycare_qi, grade=4, rationale="x", by=inspector)


def test_other_review_not_reachable_by_guessing_its_pk(client_for, inspector, other_review):
    assert client_for(inspector).get(f"/reviews/{other_review.pk}/").status_code == 404
    assert ReviewFactory  # the factory still builds reviews for other apps' tests
