"""Report versions, rendering in a task, access checks, audit, publication."""

import subprocess

import pytest
from django.core import mail
from pypdf import PdfReader

from inspectorate.audit.models import Action, AuditEvent
from inspectorate.reports import kinds
from inspectorate.reports.models import Report, ReportStatus
from reviews.models import Review


def _build(review):
    return {"title": f"Test report for {review.title}", "sections": [{"id": "aims", "title": "Aims"}]}


@pytest.fixture
def test_kind():
    kind = kinds.ReportKind(
        key="framework-test",
        title="Framework test report",
        subject_model="reviews.Review",
        template="reports/base_report.html",
        build=_build,
        can_generate=lambda user, review: (
            Review.objects.for_user(user).filter(pk=review.pk).exists()
            and (user.is_regulator_staff or user.is_administrator)
        ),
        can_view=lambda user, review: Review.objects.for_user(user).filter(pk=review.pk).exists(),
        publishable=True,
    )
    kinds.register(kind)
    return kind


def test_team_generates_versions_and_downloads_a_tagged_titled_pdf(
    client_for, inspector, review, test_kind, django_capture_on_commit_callbacks
):
    client = client_for(inspector)
    home = client.get(f"/reports/framework-test/{review.pk}/")
    assert "Make the PDF" in home.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/reports/framework-test/{review.pk}/generate/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/framework-test/{review.pk}/generate/")
    versions = Report.objects.filter(kind="framework-test").order_by("version")
    assert [(r.version, r.status) for r in versions] == [(1, ReportStatus.READY), (2, ReportStatus.READY)]
    assert first["Location"] == f"/reports/{versions[0].pk}/"
    assert "Ready to download" in mail.outbox[0].subject

    response = client.get(f"/reports/{versions[1].pk}/download/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    pdf_bytes = b"".join(response.streaming_content)
    reader = PdfReader(__import__("io").BytesIO(pdf_bytes))
    assert reader.metadata.title == f"Test report for {review.title}"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert AuditEvent.objects.filter(actor=inspector, action=Action.DOWNLOAD).count() == 1


def test_people_outside_the_review_get_404_for_every_report_page(
    client_for,
    review,
    test_kind,
    outsider_inspector,
    provider_user,
    client,
    django_capture_on_commit_callbacks,
    inspector,
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(inspector).post(f"/reports/framework-test/{review.pk}/generate/")
    report = Report.objects.get()
    client.logout()
    for user in (outsider_inspector, provider_user):
        other = client_for(user)
        for path in [
            f"/reports/framework-test/{review.pk}/",
            f"/reports/framework-test/{review.pk}/preview/",
            f"/reports/{report.pk}/",
            f"/reports/{report.pk}/download/",
        ]:
            assert other.get(path).status_code == 404, (user, path)
        assert other.post(f"/reports/framework-test/{review.pk}/generate/").status_code == 404
        other.logout()
    assert client.get(f"/reports/{report.pk}/download/").status_code == 302  # anonymous: sign in first


def test_coordinator_may_read_but_not_generate(client_for, review, coordinator, test_kind):
    client = client_for(coordinator)
    assert client.get(f"/reports/framework-test/{review.pk}/").status_code == 200
    assert client.get(f"/reports/framework-test/{review.pk}/preview/").status_code == 404
    assert client.post(f"/reports/framework-test/{review.pk}/generate/").status_code == 404


def test_only_a_published_version_is_public(
    client_for, inspector, review, test_kind, client, django_capture_on_commit_callbacks
):
    team = client_for(inspector)
    with django_capture_on_commit_callbacks(execute=True):
        team.post(f"/reports/framework-test/{review.pk}/generate/")
    report = Report.objects.get()
    team.logout()
    assert client.get(f"/reports/published/{report.pk}/").status_code == 404
    team = client_for(inspector)
    team.post(f"/reports/{report.pk}/publish/")
    team.logout()
    public = client.get(f"/reports/published/{report.pk}/")
    assert public.status_code == 200
    assert f"Test report for {review.title}" in public.content.decode()
    assert client.get(f"/reports/published/{report.pk}/pdf/").status_code == 200


def test_a_render_claimed_twice_runs_once(inspector, review, test_kind):
    from inspectorate.reports import actions

    report = Report.objects.create(
        kind="framework-test", subject_id=str(review.pk), title="t", version=1, requested_by=inspector
    )
    assert actions.render(report.pk) == report.pk
    assert actions.render(report.pk) is None
    assert Report.objects.get(pk=report.pk).status == ReportStatus.READY


def test_unknown_kind_is_404(client_for, inspector):
    assert client_for(inspector).get("/reports/no-such-kind/1/").status_code == 404


def test_rendered_pdf_has_page_numbers_and_contents(inspector, review, test_kind, tmp_path):
    from inspectorate.reports import actions

    report = Report.objects.create(
        kind="framework-test", subject_id=str(review.pk), title="t", version=1, requested_by=inspector
    )
    actions.render(report.pk)
    report.refresh_from_db()
    path = actions.file_path(report)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    if not text:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "Contents" in text and "Aims" in text
    assert "Page 2 of" in text
