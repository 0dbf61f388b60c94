from django.urls import reverse

from inspectorate.core.dashboard import home_sections, nav_items


def test_team_gets_a_surveys_menu_item(inspector):
    assert [item.url_name for item in nav_items(inspector) if item.label == "Surveys"] == ["surveys:list"]


def test_coordinator_home_lists_open_surveys_with_link_to_their_page(client_for, coordinator, survey):
    sections = [s for s in home_sections(coordinator) if s.title == "Surveys open now"]
    assert len(sections) == 1
    page = client_for(coordinator).get(reverse("core:home"))
    assert "Worked example" in page.text
    assert reverse("surveys:shared") in page.text


def test_provider_gets_no_survey_menu(provider_user):
    assert not [item for item in nav_items(provider_user) if item.label == "Surveys"]
