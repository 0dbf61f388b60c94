"""The menu, the co-ordinator's home page and admin's word on virus scanning."""

import pytest
from django.urls import reverse

from inspectorate.core import dashboard
from reviews.documents import actions
from tests.documents.factories import make_upload

pytestmark = pytest.mark.django_db


def nav_labels(user):
    return [item.label for item in dashboard.nav_items(user)]


def test_menu_offers_documents_to_coordinators_and_requests_to_the_team(coordinator, inspector, provider_user):
    assert "Documents" in nav_labels(coordinator)
    assert "Document requests" in nav_labels(inspector)
    assert not {"Documents", "Document requests"} & set(nav_labels(provider_user))


def test_coordinator_home_lists_requests_still_to_send(client_for, coordinator, inspector, dundee_request):
    page = client_for(coordinator).get(reverse("core:home")).content.decode()
    assert "Documents to send" in page and "Position statement and written evidence" in page
    make_upload(dundee_request, coordinator)
    actions.accept(dundee_request, by=inspector)
    assert "Documents to send" not in client_for(coordinator).get(reverse("core:home")).content.decode()


def test_admin_warns_when_uploads_are_not_scanned(client_for, administrator, settings, dundee_request):
    settings.CLAMAV_HOST = settings.CLAMAV_SOCKET = ""
    page = client_for(administrator).get(reverse("admin:documents_uploadversion_changelist")).content.decode()
    assert "not being scanned for viruses" in page


def test_admin_is_quiet_when_a_scanner_answers(client_for, administrator, clamd):
    page = client_for(administrator).get(reverse("admin:documents_uploadversion_changelist")).content.decode()
    assert "not being scanned" not in page and "not answering" not in page


@pytest.mark.parametrize("name", ["documentrequest", "arearequest", "upload", "uploadversion", "areabundle"])
def test_every_model_has_an_admin_list(client_for, administrator, name, dundee_request, coordinator):
    make_upload(dundee_request, coordinator)
    assert client_for(administrator).get(reverse(f"admin:documents_{name}_changelist")).status_code == 200
