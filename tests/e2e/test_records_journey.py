"""Record reading in the browser: a co-ordinator uploads the case list, the team draws the sample, a
reader reads one record through the form, and the area's results are released to the co-ordinator."""

import pytest

from reviews.models import ReviewArea, TeamRole
from tests import factories
from tests.e2e.conftest import check_accessibility, sign_in
from tests.records.factories import add_fields
from tests.reviews.factories import ReviewFactory, add_area, add_team_member

CASE_LIST = "reference,age_band,case_status\n" + "".join(
    f"DC-{n:04d},{['0 to 4', '5 to 11', '12 to 15', '16 to 17'][n % 4]},{'Open' if n % 3 else 'Closed'}\n"
    for n in range(1, 41)
)


@pytest.mark.django_db(transaction=True)
def test_case_list_to_released_results(page, tmp_path):
    lead = factories.inspector(full_name="Fiona Mackenzie")
    coordinator = factories.coordinator("Dundee City", full_name="Graham Stewart")
    review = ReviewFactory(lead_inspector=lead, title="Thematic review of services for disabled children")
    add_team_member(review, lead, TeamRole.LEAD_INSPECTOR)
    add_area(review, coordinator)
    add_fields(review)
    area = ReviewArea.objects.get(review=review)

    # The co-ordinator first uploads a file with a bad row, sees every problem, then a clean file.
    sign_in(page, coordinator, factories.PASSWORD)
    page.get_by_role("link", name="Upload the case list").click()
    check_accessibility(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("reference,age_band,case_status\nDC-1,0 to 4,Open\nDC-1,99,Open\n")
    page.get_by_label("Upload the case list").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "nothing was uploaded" in page.locator(".govuk-error-summary").inner_text()
    assert "Reference DC-1 is a duplicate of row 2" in page.locator("#file-problems").inner_text()
    check_accessibility(page)
    good = tmp_path / "good.csv"
    good.write_text(CASE_LIST)
    page.get_by_label("Upload the case list").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    page.get_by_text("Case list uploaded: 40 records.").wait_for()
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()

    # The lead draws a stratified sample of 8 with 4 in reserve, and assigns themself as reader.
    sign_in(page, lead, factories.PASSWORD)
    page.get_by_role("link", name="Record reading").first.click()
    check_accessibility(page)
    page.get_by_role("link", name=review.title).click()
    check_accessibility(page)
    page.get_by_role("link", name="Dundee City").click()
    check_accessibility(page)
    page.get_by_label("Records to draw").fill("8")
    page.get_by_label("Reserve records").fill("4")
    page.get_by_label("Stratify by").select_option("age_band")
    page.get_by_role("button", name="Draw the sample").click()
    page.get_by_text("Sample drawn.").wait_for()
    check_accessibility(page)
    page.get_by_role("link", name="Assign readers").click()
    check_accessibility(page)
    page.get_by_label("Fiona Mackenzie").check()
    page.get_by_label("Percentage of records for a second reader").fill("0")
    page.get_by_role("button", name="Assign readers").click()
    page.get_by_text("Readers assigned.").wait_for()

    # The reader reads the first record, section by section, from their home page.
    page.goto("/")
    first = area.record_sample.records.get(kind="sample", position=1).reference
    page.get_by_role("link", name=f"Record {first}").click()
    check_accessibility(page)
    page.get_by_role("link", name="Assessment").click()
    check_accessibility(page)
    page.get_by_role("button", name="Save and continue").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    check_accessibility(page)
    for section in ["Assessment", "Plan", "Review", "The child's views", "Rights"]:
        page.get_by_role("heading", level=1, name=section).wait_for()
        for group in page.locator("fieldset.govuk-fieldset").all():
            group.locator("input[type=radio]").nth(2).check()
        page.get_by_role("button", name="Save and continue").click()
    check_accessibility(page)
    page.get_by_role("button", name="Finish reading this record").click()
    page.get_by_text(f"Reading of record {first} complete.").wait_for()

    # The lead sees the results and releases them to the co-ordinator.
    page.goto(f"/records/area/{area.pk}/results/")
    check_accessibility(page)
    assert "Records read" in page.inner_text("main")
    page.get_by_role("button", name="Release results to the co-ordinator").click()
    page.get_by_text("Results released").first.wait_for()
    page.goto(f"/records/review/{review.pk}/results/")
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, coordinator, factories.PASSWORD)
    page.get_by_role("link", name="See your record reading results").click()
    page.get_by_role("heading", level=1, name="Record reading results: Dundee City").wait_for()
    check_accessibility(page)
