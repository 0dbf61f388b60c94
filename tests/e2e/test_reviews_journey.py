"""An inspector creates a joint inspection, invites the area and generates its timeline; the area's
co-ordinator links their account, accepts the nomination and sees only their own area."""

import re

import pytest

from inspectorate.notifications.models import Notification
from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in


@pytest.mark.django_db(transaction=True)
def test_inspector_plans_a_joint_inspection_and_coordinator_accepts(browser, live_server):
    inspector = factories.inspector(full_name="Fiona Mackenzie")
    coordinator = factories.coordinator("Dundee City", full_name="Graham Stewart", email="graham@dundeecity.example")
    factories.coordinator("Aberdeen City")

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, inspector, factories.PASSWORD)

    page.goto("/reviews/")
    check_accessibility(page)
    page.get_by_role("button", name="Create a review").click()
    check_accessibility(page)
    page.get_by_label("Joint inspection of services for children at risk of harm").check()
    page.get_by_label("Title").fill("Joint inspection of services for children at risk of harm in Dundee City")
    page.get_by_label("Aims and review questions").fill("Children and young people are safer.")
    page.get_by_role("button", name="Save review").click()
    page.get_by_role(
        "heading", level=1, name="Joint inspection of services for children at risk of harm in Dundee City"
    ).wait_for()
    check_accessibility(page)
    review_url = page.url

    page.get_by_role("link", name="Areas", exact=True).click()
    check_accessibility(page)
    page.get_by_role("button", name="Choose the phase 2 areas").click()
    check_accessibility(page)
    page.get_by_label("Dundee City").check()
    page.get_by_role("button", name="Save phase 2 areas").click()
    page.get_by_role("link", name="Invite Dundee City").click()
    check_accessibility(page)
    page.get_by_label("Email address").fill(coordinator.email)
    page.get_by_label("Day").fill("16")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Send the invitation").click()
    page.get_by_text(f"The invitation has been sent to {coordinator.email}").wait_for()
    check_accessibility(page)

    page.get_by_role("link", name="Timeline", exact=True).click()
    page.get_by_role("button", name="Generate the week-by-week timeline").click()
    check_accessibility(page)
    page.get_by_label("Day").fill("5")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Generate the timeline").click()
    page.get_by_role("heading", name="Report published, with a video report").wait_for()
    assert "Fri 25 Dec 2026" not in page.content()  # Christmas Day is a public holiday: nothing starts then
    check_accessibility(page)
    context.close()

    link = Notification.objects.get(template="review_nomination_invitation").context["link"]
    path = re.search(r"/reviews/nomination/[^/]+/", link).group(0)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(path)
    check_accessibility(page)
    page.get_by_role("button", name="Link my account").click()
    sign_in(page, coordinator, factories.PASSWORD)
    page.goto(review_url)
    check_accessibility(page)
    page.get_by_role("button", name="Accept the nomination").click()
    page.get_by_text("You are now the co-ordinator for Dundee City in this review.").wait_for()
    check_accessibility(page)
    page.get_by_role("link", name="See your area's timeline").click()
    page.get_by_role("heading", name="Reading of children's records").wait_for()
    check_accessibility(page)
    assert "Aberdeen" not in page.content()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_public_updates_page_reads_without_signing_in(page):
    from datetime import date

    from tests.reviews.factories import ReviewFactory

    review = ReviewFactory(title="Thematic review of social work services for disabled children and young people")
    review.updates.create(
        title="Update - June 2024",
        published_on=date(2024, 6, 28),
        done_so_far="Across the four areas we read a total of 117 records.",
        next_steps="We plan to publish our national overview report in August 2024.",
    )
    page.goto(f"/reviews/public/{review.slug}/")
    page.get_by_role("heading", name="Update - June 2024").wait_for()
    assert "117 records" in page.content()
    check_accessibility(page)
