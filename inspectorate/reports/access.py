"""Who may make and read each kind of report: predicates the kinds register, written once.

Every check reads through the scoped managers, so "not on this review" and "not your area" are
decided by inspectorate.scoping and come back to the views as a 404.
"""

from inspectorate.reports.models import Release


def is_staff(user):
    return user.is_authenticated and user.is_active and (user.is_regulator_staff or user.is_administrator)


def on_review_team(user, review):
    """Regulator staff on the review's team, or an administrator."""
    from reviews.models import Review

    return is_staff(user) and Review.objects.for_user(user).filter(pk=review.pk).exists()


def on_area_team(user, area):
    return on_review_team(user, area.review)


def is_released(kind_key, subject):
    return Release.objects.filter(kind=kind_key, subject_id=str(subject.pk)).exists()


def released_to_area(kind_key):
    """can_view for an area report: the team always; the area's own co-ordinator once released."""
    from reviews.models import ReviewArea

    def can_view(user, area):
        if on_area_team(user, area):
            return True
        return (
            user.is_authenticated
            and user.is_active
            and user.is_coordinator
            and ReviewArea.objects.for_user(user).filter(pk=area.pk).exists()
            and is_released(kind_key, area)
        )

    return can_view


def staff_only(user, subject):
    return is_staff(user)
