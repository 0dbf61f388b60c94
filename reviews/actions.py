"""The verbs of the reviews app. Each runs in one transaction and records what it decided."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from inspectorate.accounts.models import Role
from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify
from inspectorate.organisations.models import LocalAuthority, SchoolHoliday
from reviews import timeline
from reviews.models import (
    Evaluation,
    NominationStatus,
    Phase,
    Review,
    ReviewArea,
    ReviewAreaInvitation,
    ReviewKind,
    ReviewStatus,
    TeamMember,
    TeamRole,
    TimelineActivity,
)

NOMINATION_SALT = "reviews.nomination"
NOMINATION_LINK_DAYS = 60


class ActionRefused(ValidationError):
    """A request that the rules do not allow; the message says why, in the user's words."""


# Reviews and their teams


@transaction.atomic
def create_review(*, by, **fields):
    """Create a review and put its lead inspector and support officer on its team."""
    review = Review.objects.create(**fields)
    _ensure_core_team(review)
    record(by, Action.CREATE, review)
    return review


@transaction.atomic
def update_review(review, *, by, **fields):
    for name, value in fields.items():
        setattr(review, name, value)
    review.save()
    _ensure_core_team(review)
    record(by, Action.CHANGE, review, fields=sorted(fields))
    return review


def _ensure_core_team(review):
    TeamMember.objects.update_or_create(
        review=review, user=review.lead_inspector, defaults={"role": TeamRole.LEAD_INSPECTOR}
    )
    if review.support_officer_id:
        TeamMember.objects.get_or_create(
            review=review, user=review.support_officer, defaults={"role": TeamRole.SUPPORT_OFFICER}
        )


def move_status(review, status, *, by):
    """Move the review's status through Review.move_to (which refuses moves that are not allowed)."""
    with transaction.atomic():
        previous = review.status
        review.move_to(status, by=by)
        record(by, Action.DECIDE, review, moved_from=previous, moved_to=status)
        if status == ReviewStatus.NOTIFIED:
            send_notification_letters(review)
    return review


def send_notification_letters(review):
    """Tell each participating area the review has started: its co-ordinator, or the contact invited to
    nominate one when there is no co-ordinator yet. Call inside the transaction of the status move."""
    link = reverse("reviews:detail", args=[review.pk])
    areas = review.areas.select_related("local_authority", "coordinator", "invitation")
    for area in areas:
        invitation = getattr(area, "invitation", None)
        if area.coordinator is not None and area.coordinator.is_active:
            recipient, to_email, name = area.coordinator, None, area.coordinator.full_name
        elif invitation is not None:
            recipient, to_email, name = None, invitation.email, invitation.full_name
        else:
            continue  # nobody to write to yet: the nomination invitation introduces the review
        notify(
            recipient,
            "review_notification_letter",
            to_email=to_email,
            reason=f"{area.local_authority} is taking part in {review}",
            context={
                "full_name": name,
                "local_authority": area.local_authority.name,
                "review_title": review.title,
                "aims": review.aims,
                "link": link,
            },
            related=area,
            dedupe_key=f"reviews:letter:{area.pk}",
        )


@transaction.atomic
def add_team_member(review, *, user, role, by):
    if TeamMember.objects.filter(review=review, user=user).exists():
        raise ActionRefused(f"{user.full_name} is already on the team.")
    member = TeamMember.objects.create(review=review, user=user, role=role)
    record(by, Action.CHANGE, review, added_member=user.email, role=role)
    return member


@transaction.atomic
def remove_team_member(member, *, by):
    if member.user_id == member.review.lead_inspector_id:
        raise ActionRefused("The lead inspector stays on the team. Change the lead inspector first.")
    member.delete()
    record(by, Action.CHANGE, member.review, removed_member=member.user.email)


# Participating areas and nominations


@transaction.atomic
def add_all_local_authorities(review, *, by):
    """Phase 1 is national: add every one of the 32 local authorities not already taking part."""
    present = set(review.areas.values_list("local_authority_id", flat=True))
    new = [
        ReviewArea(review=review, local_authority=la, phase=Phase.NATIONAL)
        for la in LocalAuthority.objects.exclude(pk__in=present)
    ]
    ReviewArea.objects.bulk_create(new)
    record(by, Action.CHANGE, review, added_areas=len(new))
    return len(new)


@transaction.atomic
def choose_phase_two_areas(review, local_authorities, *, by):
    """The volunteer areas take part in phase 2; every other area stays in (or returns to) phase 1."""
    chosen = {la.pk for la in local_authorities}
    for la_id in chosen:
        ReviewArea.objects.get_or_create(review=review, local_authority_id=la_id)
    review.areas.filter(local_authority_id__in=chosen).update(phase=Phase.FIELDWORK)
    review.areas.exclude(local_authority_id__in=chosen).update(phase=Phase.NATIONAL)
    record(by, Action.CHANGE, review, phase_two_areas=len(chosen))


def nomination_token(invitation):
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=NOMINATION_SALT)


@transaction.atomic
def invite_area(area, *, email, full_name, deadline, by):
    """Ask an area to nominate its co-ordinator by the deadline, emailing a one-time link.

    Inviting again replaces the earlier link, which then stops working.
    """
    if area.nomination_status == NominationStatus.ACCEPTED:
        raise ActionRefused(f"{area.local_authority} has already accepted: its co-ordinator is {area.coordinator}.")
    invitation, _ = ReviewAreaInvitation.objects.update_or_create(
        area=area,
        defaults={
            "email": email.lower(),
            "full_name": full_name,
            "nonce": secrets.token_urlsafe(24),
            "invited_by": by,
            "invited_at": timezone.now(),
            "nominated_at": None,
            "accepted_at": None,
        },
    )
    area.nomination_deadline = deadline
    area.nomination_status = NominationStatus.INVITED
    area.save(update_fields=["nomination_deadline", "nomination_status"])
    link = settings.SITE_URL + reverse("reviews:nomination", args=[nomination_token(invitation)])
    notify(
        None,
        "review_nomination_invitation",
        to_email=invitation.email,
        reason=f"{area.local_authority} is taking part in {area.review}",
        context={
            "full_name": full_name,
            "local_authority": area.local_authority.name,
            "review_title": area.review.title,
            "deadline": f"{deadline:%-d %B %Y}",
            "link": link,
        },
        related=area,
    )
    record(by, Action.CHANGE, area, invited=invitation.email)
    return invitation


def invitation_from_token(token):
    """The invitation a link names, or None when the link is forged, expired or already used."""
    try:
        data = signing.loads(token, salt=NOMINATION_SALT, max_age=NOMINATION_LINK_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    invitation = (
        ReviewAreaInvitation.objects.select_related("area__review", "area__local_authority")
        .filter(pk=data.get("i"))
        .first()
    )
    if invitation is None or not invitation.nonce or not secrets.compare_digest(invitation.nonce, data.get("n", "")):
        return None
    return invitation


def existing_account(invitation):
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


@transaction.atomic
def use_nomination_link(invitation, *, full_name="", password=None):
    """Link the invited person's account to the area (creating it with their password if new) and
    spend the link. The person then accepts the nomination in the service."""
    invitation = ReviewAreaInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.nonce:
        raise ActionRefused("This link has already been used. Sign in to see your reviews.")
    area = invitation.area
    user = existing_account(invitation)
    if user is None:
        user = get_user_model().objects.create_user(
            invitation.email,
            password=password,
            full_name=full_name,
            role=Role.COORDINATOR,
            local_authority=area.local_authority,
        )
    elif not (user.is_coordinator and user.local_authority_id == area.local_authority_id):
        raise ActionRefused(
            f"The account for {invitation.email} is not a co-ordinator's account for {area.local_authority}. "
            "Ask the review team to invite another email address."
        )
    invitation.nonce = ""
    invitation.nominated_at = timezone.now()
    invitation.save(update_fields=["nonce", "nominated_at"])
    area.coordinator = user
    area.nomination_status = NominationStatus.NOMINATED
    area.save(update_fields=["coordinator", "nomination_status"])
    record(user, Action.CHANGE, area, nominated=user.email)
    return user


@transaction.atomic
def accept_nomination(area, *, by):
    """The nominated co-ordinator accepts: they are now the area's single point of contact."""
    area = ReviewArea.objects.select_for_update().select_related("review", "local_authority").get(pk=area.pk)
    if area.coordinator_id != by.pk or area.nomination_status != NominationStatus.NOMINATED:
        raise ActionRefused("There is no nomination for you to accept for this area.")
    area.nomination_status = NominationStatus.ACCEPTED
    area.save(update_fields=["nomination_status"])
    ReviewAreaInvitation.objects.filter(area=area).update(accepted_at=timezone.now())
    notify(
        area.review.lead_inspector,
        "review_coordinator_accepted",
        reason=f"You lead {area.review}",
        context={
            "full_name": area.review.lead_inspector.full_name,
            "coordinator": by.full_name,
            "local_authority": area.local_authority.name,
            "review_title": area.review.title,
            "link": settings.SITE_URL + reverse("reviews:areas", args=[area.review_id]),
        },
        related=area,
    )
    record(by, Action.DECIDE, area, accepted=True)
    return area


# Timeline


def school_holidays_for(review):
    return list(
        SchoolHoliday.objects.filter(local_authority__review_areas__review=review)
        .values_list("starts_on", "ends_on")
        .distinct()
    )


@transaction.atomic
def generate_timeline(review, *, notification_date, by):
    """Build the week-by-week plan from the notification date, past public and school holidays.

    Activities generated before are replaced; activities the team added or edited are kept.
    """
    if review.kind != ReviewKind.JOINT_INSPECTION:
        raise ActionRefused("Only a joint inspection has a week-by-week plan. Add this review's activities one by one.")
    if review.status not in (ReviewStatus.PLANNED, ReviewStatus.NOTIFIED):
        raise ActionRefused("The plan can only be generated before fieldwork starts.")
    closed = timeline.closed_days_for(notification_date, school_holidays_for(review))
    planned = timeline.generate(notification_date, closed_days=closed)
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
        for p in planned
    )
    review.notification_date = notification_date
    review.save(update_fields=["notification_date"])
    record(by, Action.CHANGE, review, timeline_generated_from=str(notification_date), activities=len(planned))
    return planned


@transaction.atomic
def save_activity(activity, *, by):
    """Save an activity the team added or edited; an edited generated activity becomes the team's own."""
    created = activity.pk is None
    activity.generated = False
    activity.save()
    record(by, Action.CREATE if created else Action.CHANGE, activity.review, activity=activity.title)
    return activity


@transaction.atomic
def delete_activity(activity, *, by):
    activity.delete()
    record(by, Action.DELETE, activity.review, activity=activity.title)


# Engagement, updates, evaluations and improvement


@transaction.atomic
def save_record(obj, *, by, team_members=None):
    """Save an engagement event, update, finding or action plan item the team entered."""
    created = obj.pk is None
    obj.save()
    if team_members is not None:
        obj.team_members.set(team_members)
    record(by, Action.CREATE if created else Action.CHANGE, obj.review, kind=obj._meta.model_name, item=str(obj))
    return obj


@transaction.atomic
def record_evaluation(review, *, area, indicator, grade, rationale, by):
    """Record (or replace) the grade for one indicator in one area, or nationally when area is None."""
    if review.framework_id is None or indicator.framework_id != review.framework_id:
        raise ActionRefused("Choose a quality indicator from this review's framework.")
    evaluation, _ = Evaluation.objects.update_or_create(
        review=review,
        area=area,
        indicator=indicator,
        defaults={"grade": grade, "rationale": rationale, "evaluated_by": by, "evaluated_at": timezone.now()},
    )
    record(by, Action.DECIDE, review, indicator=indicator.number, grade=grade, area=str(area or "national"))
    return evaluation


def grades_calling_for_progress_review(review):
    """Weak or unsatisfactory grades on key indicators, for a review that has no progress review yet."""
    if review.progress_reviews.exists():
        return []
    return [
        e
        for e in review.evaluations.select_related("indicator", "area__local_authority")
        if e.calls_for_progress_review
    ]


@transaction.atomic
def propose_progress_review(review, *, by):
    """Create a planned progress review that follows this one, led by the same inspector."""
    if not grades_calling_for_progress_review(review):
        raise ActionRefused(
            "A progress review is proposed only after a weak or unsatisfactory grade on a key indicator."
        )
    base = f"progress-review-{review.slug}"[:190]
    slug, n = base, 1
    while Review.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    follow_up = create_review(
        by=by,
        kind=ReviewKind.PROGRESS_REVIEW,
        title=f"Progress review: {review.title}"[:200],
        slug=slug,
        aims="How well is the partnership acting to reduce risks and address the areas of concern?",
        legal_basis=review.legal_basis,
        lead_inspector=review.lead_inspector,
        support_officer=review.support_officer,
        follows=review,
        framework=review.framework,
    )
    ReviewArea.objects.bulk_create(
        ReviewArea(review=follow_up, local_authority_id=la_id, phase=Phase.FIELDWORK)
        for la_id in review.areas.filter(phase=Phase.FIELDWORK).values_list("local_authority_id", flat=True)
    )
    return follow_up
