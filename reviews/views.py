"""Pages for reviews. Each view fetches through the scoped getters, validates, calls one action."""

from functools import wraps
from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from inspectorate.scoping import get_for_user
from reviews import actions, forms, ics, queries
from reviews.models import Review as ReviewModel
from reviews.models import ReviewStatus, StatusMoveRefused


def team_review(view):
    """Fetch the review through the user's scope (404 when out of scope), then allow only the
    review team and administrators onto working pages (403 for a co-ordinator of the review)."""

    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        review = get_for_user(ReviewModel.objects.select_related("lead_inspector", "framework"), request.user, pk=pk)
        if not (request.user.is_regulator_staff or request.user.is_administrator):
            raise PermissionDenied
        return view(request, review, *args, **kwargs)

    return wrapper


def _form_page(request, form, *, review=None, title, back, caption=None, intro=""):
    return render(
        request,
        "reviews/form.html",
        {"form": form, "review": review, "page_title": title, "back": back, "caption": caption, "intro": intro},
    )


# Reviews


@login_required
def review_list(request):
    if not (request.user.is_regulator_staff or request.user.is_administrator or request.user.is_coordinator):
        raise PermissionDenied
    return render(request, "reviews/review_list.html", {"reviews": queries.reviews_for(request.user)})


@login_required
def review_create(request):
    if not (request.user.is_regulator_staff or request.user.is_administrator):
        raise PermissionDenied
    form = forms.ReviewForm(request.POST or None, initial={"lead_inspector": request.user.pk})
    if form.is_valid():
        review = actions.create_review(by=request.user, **form.cleaned_data)
        messages.success(request, f"{review.title} has been created.")
        return redirect(review)
    return _form_page(request, form, title="Create a review", back=reverse("reviews:list"))


@team_review
def review_edit(request, review):
    form = forms.ReviewForm(request.POST or None, instance=review)
    if form.is_valid():
        actions.update_review(review, by=request.user, **form.cleaned_data)
        messages.success(request, "The review has been saved.")
        return redirect(review)
    return _form_page(request, form, review=review, title="Change the review", back=review.get_absolute_url())


@login_required
def review_detail(request, pk):
    review = get_for_user(
        ReviewModel.objects.select_related("lead_inspector", "support_officer", "framework", "follows"),
        request.user,
        pk=pk,
    )
    if request.user.is_coordinator:
        return _coordinator_detail(request, review)
    areas, nomination_summary = queries.areas_with_state(review)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "moves": sorted(review.allowed_moves(), key=list(ReviewStatus).index),
            "history": review.status_changes.select_related("changed_by"),
            "area_count": len(areas),
            "nomination_summary": nomination_summary,
            "progress_review_grades": actions.grades_calling_for_progress_review(review),
            "progress_reviews": review.progress_reviews.all(),
        },
    )


def _coordinator_detail(request, review):
    area = queries.coordinator_area(review, request.user)
    activities = list(queries.timeline_for(review, request.user))
    return render(
        request,
        "reviews/coordinator_detail.html",
        {
            "review": review,
            "area": area,
            "state": queries.STATE_LABELS[area.nomination_state(timezone.localdate())],
            "activities": activities,
            "tasks": queries.upcoming_tasks(activities),
        },
    )


@require_POST
@team_review
def review_move(request, review):
    form = forms.StatusMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a status to move the review to.")
        return redirect(review)
    try:
        actions.move_status(review, form.cleaned_data["status"], by=request.user)
    except StatusMoveRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"The review is now {review.get_status_display().lower()}.")
    return redirect(review)


# Team


@team_review
def team(request, review):
    form = forms.TeamMemberForm(request.POST or None, review=review)
    if form.is_valid():
        try:
            actions.add_team_member(review, by=request.user, **form.cleaned_data)
        except actions.ActionRefused as refused:
            form.add_error("user", refused.message)
        else:
            messages.success(request, f"{form.cleaned_data['user'].full_name} has been added to the team.")
            return redirect("reviews:team", review.pk)
    members = review.team_members.select_related("user").order_by("role", "user__full_name")
    return render(request, "reviews/team.html", {"review": review, "members": members, "form": form})


@require_POST
@team_review
def team_remove(request, review, member_pk):
    member = get_object_or_404(review.team_members.select_related("user", "review"), pk=member_pk)
    try:
        actions.remove_team_member(member, by=request.user)
    except actions.ActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"{member.user.full_name} has been removed from the team.")
    return redirect("reviews:team", review.pk)


# Participating areas and nominations


@team_review
def areas(request, review):
    area_rows, summary = queries.areas_with_state(review)
    return render(request, "reviews/areas.html", {"review": review, "areas": area_rows, "summary": summary})


@require_POST
@team_review
def areas_add_all(request, review):
    added = actions.add_all_local_authorities(review, by=request.user)
    if added:
        messages.success(request, f"{added} local authorit{'y' if added == 1 else 'ies'} added to phase 1.")
    else:
        messages.info(request, "All 32 local authorities already take part.")
    return redirect("reviews:areas", review.pk)


@team_review
def areas_phase_two(request, review):
    chosen = [a.local_authority for a in review.areas.filter(phase="fieldwork").select_related("local_authority")]
    form = forms.PhaseTwoForm(request.POST or None, initial={"local_authorities": chosen})
    if form.is_valid():
        actions.choose_phase_two_areas(review, form.cleaned_data["local_authorities"], by=request.user)
        messages.success(request, "The phase 2 areas have been saved.")
        return redirect("reviews:areas", review.pk)
    return _form_page(
        request, form, review=review, title="Choose the phase 2 areas", back=reverse("reviews:areas", args=[review.pk])
    )


@team_review
def area_invite(request, review, area_pk):
    area = get_object_or_404(review.areas.select_related("local_authority"), pk=area_pk)
    form = forms.InvitationForm(request.POST or None, initial={"deadline": area.nomination_deadline})
    if form.is_valid():
        try:
            actions.invite_area(area, by=request.user, **form.cleaned_data)
        except actions.ActionRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, f"The invitation has been sent to {form.cleaned_data['email']}.")
        return redirect("reviews:areas", review.pk)
    return _form_page(
        request,
        form,
        review=review,
        title=f"Invite {area.local_authority} to nominate a co-ordinator",
        back=reverse("reviews:areas", args=[review.pk]),
        intro="We email a link that works once. It creates the co-ordinator's account, or links the account "
        "they already have, and they then accept the nomination in the service.",
    )


def nomination(request, token):
    """The link in the invitation email. No sign-in: the signed, one-time token is the key."""
    invitation = actions.invitation_from_token(token)
    if invitation is None:
        return render(request, "reviews/nomination_invalid.html", status=404)
    existing = actions.existing_account(invitation)
    form_class = forms.LinkAccountForm if existing else forms.NewAccountForm
    kwargs = {} if existing else {"email": invitation.email}
    data = request.POST if request.method == "POST" else None
    form = form_class(data, initial={"full_name": invitation.full_name}, **kwargs)
    if form.is_valid():
        try:
            user = actions.use_nomination_link(
                invitation,
                full_name=form.cleaned_data.get("full_name", ""),
                password=form.cleaned_data.get("password1"),
            )
        except actions.ActionRefused as refused:
            return render(request, "reviews/nomination_invalid.html", {"reason": refused.message}, status=409)
        if existing is None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(invitation.area.review)
        messages.success(request, "Your account is linked. Sign in to accept the nomination.")
        return redirect(f"{reverse('accounts:sign-in')}?next={invitation.area.review.get_absolute_url()}")
    return render(request, "reviews/nomination.html", {"invitation": invitation, "existing": existing, "form": form})


@require_POST
@login_required
def nomination_accept(request, pk):
    review = get_for_user(ReviewModel, request.user, pk=pk)
    if not request.user.is_coordinator:
        raise PermissionDenied
    area = queries.coordinator_area(review, request.user)
    try:
        actions.accept_nomination(area, by=request.user)
    except actions.ActionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, f"You are now the co-ordinator for {area.local_authority} in this review.")
    return redirect(review)


# Timeline


@login_required
def timeline(request, pk):
    """The visual timeline: the team sees every activity; a co-ordinator sees their area's."""
    review = get_for_user(ReviewModel, request.user, pk=pk)
    area = queries.coordinator_area(review, request.user) if request.user.is_coordinator else None
    activities = queries.timeline_for(review, request.user, area)
    phases = []
    for activity in activities:
        if not phases or phases[-1][0] != activity.phase:
            phases.append((activity.phase, []))
        phases[-1][1].append(activity)
    can_edit = request.user.is_regulator_staff or request.user.is_administrator
    return render(
        request,
        "reviews/timeline.html",
        {"review": review, "area": area, "phases": phases, "can_edit": can_edit, "today": timezone.localdate()},
    )


@team_review
def timeline_generate(request, review):
    form = forms.GenerateTimelineForm(request.POST or None, initial={"notification_date": review.notification_date})
    if form.is_valid():
        try:
            actions.generate_timeline(review, by=request.user, **form.cleaned_data)
        except actions.ActionRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, "The timeline has been generated, past public and school holidays.")
            return redirect("reviews:timeline", review.pk)
    return _form_page(
        request,
        form,
        review=review,
        title="Generate the week-by-week timeline",
        back=reverse("reviews:timeline", args=[review.pk]),
        intro="About 22 inspection weeks from the notification letter to publication. Weeks taken up by Scottish "
        "public holidays or the areas' school holidays are skipped. Activities you added or changed are kept.",
    )


@team_review
def activity_edit(request, review, activity_pk=None):
    activity = get_object_or_404(review.activities.all(), pk=activity_pk) if activity_pk else None
    form = forms.ActivityForm(request.POST or None, instance=activity, review=review)
    if form.is_valid():
        obj = form.save(commit=False)
        obj.review = review
        actions.save_activity(obj, by=request.user)
        messages.success(request, f"{obj.title} has been saved.")
        return redirect("reviews:timeline", review.pk)
    return _form_page(
        request,
        form,
        review=review,
        title="Change an activity" if activity else "Add an activity",
        back=reverse("reviews:timeline", args=[review.pk]),
    )


@require_POST
@team_review
def activity_delete(request, review, activity_pk):
    activity = get_object_or_404(review.activities.all(), pk=activity_pk)
    actions.delete_activity(activity, by=request.user)
    messages.success(request, f"{activity.title} has been removed from the timeline.")
    return redirect("reviews:timeline", review.pk)


def _ics_response(activities, name, filename):
    domain = urlparse(settings.SITE_URL).hostname or "localhost"
    response = HttpResponse(ics.calendar(activities, name=name, domain=domain), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def timeline_ics(request, pk):
    review = get_for_user(ReviewModel, request.user, pk=pk)
    area = queries.coordinator_area(review, request.user) if request.user.is_coordinator else None
    activities = queries.timeline_for(review, request.user, area)
    return _ics_response(activities, review.title, f"{review.slug}.ics")


@login_required
def area_timeline_ics(request, pk, area_pk):
    review = get_for_user(ReviewModel, request.user, pk=pk)
    area = get_for_user(review.areas.select_related("local_authority"), request.user, pk=area_pk)
    activities = queries.timeline_for(review, request.user, area)
    return _ics_response(
        activities, f"{review.title}: {area.local_authority}", f"{review.slug}-{area.local_authority.slug}.ics"
    )


# Engagement, updates, evaluations, improvement


@team_review
def engagement(request, review):
    form = forms.EngagementForm(request.POST or None, review=review)
    if form.is_valid():
        event = form.save(commit=False)
        event.review = review
        actions.save_record(event, by=request.user, team_members=form.cleaned_data["team_members"])
        messages.success(request, f"{event} has been added to the engagement log.")
        return redirect("reviews:engagement", review.pk)
    events = review.engagements.select_related("area__local_authority").prefetch_related("team_members")
    return render(
        request,
        "reviews/engagement.html",
        {"review": review, "events": events, "totals": queries.engagement_totals(review), "form": form},
    )


@team_review
def updates(request, review):
    form = forms.UpdateForm(request.POST or None)
    if form.is_valid():
        update = form.save(commit=False)
        update.review = review
        actions.save_record(update, by=request.user)
        messages.success(request, f"{update.title} is published on the public page.")
        return redirect("reviews:updates", review.pk)
    return render(request, "reviews/updates.html", {"review": review, "updates": review.updates.all(), "form": form})


def public_updates(request, slug):
    """The public page of a review's updates: no sign-in, and only reviews that have published one."""
    review = get_object_or_404(ReviewModel.objects.filter(updates__isnull=False).distinct(), slug=slug)
    return render(request, "reviews/public_updates.html", {"review": review, "updates": review.updates.all()})


@team_review
def evaluations(request, review):
    if review.framework_id is None:
        return render(request, "reviews/evaluations_no_framework.html", {"review": review})
    form = forms.EvaluationForm(request.POST or None, review=review)
    if form.is_valid():
        try:
            actions.record_evaluation(review, by=request.user, **form.cleaned_data)
        except actions.ActionRefused as refused:
            form.add_error("indicator", refused.message)
        else:
            messages.success(request, "The grade has been saved.")
            return redirect("reviews:evaluations", review.pk)
    areas, rows = queries.evaluations_grid(review)
    finding_form = forms.FindingForm(review=review)
    finding_form.helper.form_action = reverse("reviews:finding-add", args=[review.pk])
    return render(
        request,
        "reviews/evaluations.html",
        {
            "review": review,
            "areas": areas,
            "rows": rows,
            "form": form,
            "findings": review.findings.select_related("area__local_authority"),
            "finding_form": finding_form,
            "progress_review_grades": actions.grades_calling_for_progress_review(review),
        },
    )


@require_POST
@team_review
def finding_add(request, review):
    form = forms.FindingForm(request.POST, review=review)
    if form.is_valid():
        finding = form.save(commit=False)
        finding.review = review
        actions.save_record(finding, by=request.user)
        messages.success(request, f"The {finding.get_kind_display().lower()} has been added.")
        return redirect("reviews:evaluations", review.pk)
    return _form_page(
        request, form, review=review, title="Add a finding", back=reverse("reviews:evaluations", args=[review.pk])
    )


@require_POST
@team_review
def progress_review_propose(request, review):
    try:
        follow_up = actions.propose_progress_review(review, by=request.user)
    except actions.ActionRefused as refused:
        messages.error(request, refused.message)
        return redirect(review)
    messages.success(request, "A progress review has been created. Plan its timeline and team.")
    return redirect(follow_up)


@team_review
def improvement(request, review, item_pk=None):
    item = get_object_or_404(review.action_plan_items.all(), pk=item_pk) if item_pk else None
    form = forms.ActionPlanItemForm(request.POST or None, instance=item, review=review)
    if form.is_valid():
        obj = form.save(commit=False)
        obj.review = review
        actions.save_record(obj, by=request.user)
        messages.success(request, "The action plan has been saved.")
        return redirect("reviews:improvement", review.pk)
    if item is not None:
        return _form_page(
            request, form, review=review, title="Record progress", back=reverse("reviews:improvement", args=[review.pk])
        )
    items = review.action_plan_items.select_related("area__local_authority", "indicator")
    return render(request, "reviews/improvement.html", {"review": review, "items": items, "form": form})
