"""The reviews app's menu entry and home-page sections."""

from inspectorate.core.dashboard import NavItem, Section
from reviews import queries


def nav_items(user):
    if user.is_regulator_staff or user.is_administrator:
        return [NavItem("Reviews", "reviews:list", order=10)]
    if user.is_coordinator:
        return [NavItem("Your reviews", "reviews:list", order=10)]
    return []


def home_sections(user):
    if user.is_regulator_staff:
        reviews = list(queries.reviews_for(user).exclude(status="closed")[:10])
        next_activity = queries.next_activity_by_review(reviews)
        rows = [(review, next_activity.get(review.pk)) for review in reviews]
        return [Section("Your reviews", "reviews/home_team.html", {"rows": rows}, order=20)]
    if user.is_coordinator:
        reviews = list(queries.reviews_for(user).exclude(status="closed")[:10])
        to_accept = list(queries.nominations_to_accept(user))
        return [
            Section(
                f"Reviews {user.local_authority} takes part in",
                "reviews/home_coordinator.html",
                {"reviews": reviews, "to_accept": to_accept},
                order=20,
            )
        ]
    return []
