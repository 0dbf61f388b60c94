"""Who may see a request, a file and its facts: guessed URLs and ids get nothing."""

import pytest
from django.urls import reverse

from inspectorate.audit.models import Action, AuditEvent
from reviews.documents.models import AreaBundle
from tests.documents.factories import make_upload

pytestmark = pytest.mark.django_db

OUTSIDERS = ["other_coordinator", "provider_user", "outsider_inspector"]


@pytest.fixture
def dundee_file(dundee_request, coordinator):
    return make_upload(dundee_request, coordinator, name="dundee-position-statement.pdf")


def private_urls(dundee_file):
    upload = dundee_file.upload
    area_request = upload.area_request
    return [
        reverse("documents:area-request", args=[area_request.pk]),
        reverse("documents:upload", args=[upload.pk]),
        reverse("documents:download", args=[dundee_file.reference]),
        reverse("documents:upload-files", args=[area_request.pk]),
        reverse("documents:replace", args=[upload.pk]),
    ]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_get_nothing_of_another_areas_file(persona, request, client_for, dundee_file, other_review):
    client = client_for(request.getfixturevalue(persona))
    for url in private_urls(dundee_file):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        body = response.content.decode()
        assert dundee_file.reference not in body and "dundee-position-statement" not in body


def test_coordinator_of_other_area_gets_404_for_the_file_and_its_history(client_for, other_coordinator, dundee_file):
    client = client_for(other_coordinator)
    assert client.get(reverse("documents:download", args=[dundee_file.reference])).status_code == 404
    assert client.get(reverse("documents:upload", args=[dundee_file.upload_id])).status_code == 404
    assert client.get(reverse("documents:area-request", args=[dundee_file.upload.area_request_id])).status_code == 404


def test_coordinator_of_other_area_does_not_see_it_in_their_list(client_for, other_coordinator, dundee_file):
    response = client_for(other_coordinator).get(reverse("documents:list"))
    assert response.status_code == 200
    assert "Position statement and written evidence" in response.content.decode()  # their own area's part
    assert dundee_file.reference not in response.content.decode()
    assert [ar.review_area.local_authority.name for ar in response.context["area_requests"]] == ["Aberdeen City"]


def test_a_refused_download_is_audited(client_for, other_coordinator, dundee_file):
    client_for(other_coordinator).get(reverse("documents:download", args=[dundee_file.reference]))
    assert AuditEvent.objects.filter(
        action=Action.ACCESS_REFUSED, actor=other_coordinator, detail__reference=dundee_file.reference
    ).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, dundee_file):
    for url in [*private_urls(dundee_file), reverse("documents:list"), reverse("documents:reviews")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
    assert not AuditEvent.objects.filter(action=Action.DOWNLOAD).exists()


@pytest.mark.parametrize("persona", ["coordinator", "provider_user"])
def test_only_the_team_side_reaches_team_pages(persona, request, client_for, review, dundee_request):
    client = client_for(request.getfixturevalue(persona))
    for url in [
        reverse("documents:reviews"),
        reverse("documents:matrix", args=[review.pk]),
        reverse("documents:create-request", args=[review.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("documents:decide", args=[dundee_request.pk]), {"decision": "accept"}).status_code in (
        403,
        404,
    )
    assert client.post(reverse("documents:start-bundle", args=[dundee_request.review_area_id])).status_code == 403


def test_inspector_of_another_review_gets_404_for_its_matrix_and_requests(
    client_for, outsider_inspector, other_review, review, dundee_request
):
    client = client_for(outsider_inspector)
    assert client.get(reverse("documents:matrix", args=[review.pk])).status_code == 404
    assert client.get(reverse("documents:create-request", args=[review.pk])).status_code == 404
    assert client.post(reverse("documents:decide", args=[dundee_request.pk]), {"decision": "accept"}).status_code == 404
    assert client.post(reverse("documents:start-bundle", args=[dundee_request.review_area_id])).status_code == 404
    listed = client.get(reverse("documents:reviews")).context["reviews"]
    assert list(listed) == [other_review]


def test_inspector_of_another_review_cannot_reach_a_bundle(client_for, inspector, outsider_inspector, dundee_request):
    bundle = AreaBundle.objects.create(review_area=dundee_request.review_area, requested_by=inspector)
    client = client_for(outsider_inspector)
    for name in ["documents:bundle", "documents:bundle-status", "documents:bundle-download"]:
        assert client.get(reverse(name, args=[bundle.pk])).status_code == 404, name


@pytest.mark.parametrize("persona", ["coordinator", "inspector", "support_officer", "administrator"])
def test_the_team_the_areas_coordinator_and_administrators_may_download(persona, request, client_for, dundee_file):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("documents:download", args=[dundee_file.reference]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert AuditEvent.objects.filter(
        action=Action.DOWNLOAD, actor=user, object_id=str(dundee_file.pk), detail__reference=dundee_file.reference
    ).exists()


def test_a_download_is_an_attachment_that_is_never_cached_or_sniffed(client_for, inspector, dundee_file):
    response = client_for(inspector).get(reverse("documents:download", args=[dundee_file.reference]))
    assert response["Content-Disposition"] == 'attachment; filename="dundee-position-statement.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_every_download_leaves_its_own_audit_event(client_for, inspector, dundee_file):
    client = client_for(inspector)
    for _ in range(3):
        b"".join(client.get(reverse("documents:download", args=[dundee_file.reference])).streaming_content)
    assert AuditEvent.objects.filter(action=Action.DOWNLOAD, actor=inspector).count() == 3


def test_viewing_a_files_history_is_audited(client_for, inspector, dundee_file):
    client_for(inspector).get(reverse("documents:upload", args=[dundee_file.upload_id]))
    assert AuditEvent.objects.filter(action=Action.VIEW, actor=inspector, object_id=str(dundee_file.upload_id)).exists()
