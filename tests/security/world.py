"""Sample objects for the URL walk, taken from the demo data (every app's realistic data) plus the
few things the demo does not make (a report, a zip bundle, a second reading)."""

from dataclasses import dataclass

from inspectorate.core import demo


@dataclass
class World:
    people: dict
    objects: dict


def build():
    from django.core.management import call_command

    from annual_returns.models import AnnualReturn
    from annual_returns.variations.models import VariationDocument, VariationRequest
    from inspectorate.accounts.models import User
    from inspectorate.organisations.models import CareService
    from inspectorate.reports.models import ClearedExcerpt, Release
    from records.models import Reading, ReadingQuestion, SampledRecord
    from reviews import actions as review_actions
    from reviews.documents.models import AreaBundle, AreaRequest, Upload, UploadVersion
    from reviews.models import ActionPlanItem, Review, ReviewArea, TeamMember, TimelineActivity
    from surveys.models import Answer, Question, Section, Survey, SurveyLink

    call_command("load_demo", allow_production=True, verbosity=0)
    people = {key: User.objects.get(email=email) for key, email, *_ in demo.PEOPLE}
    review = Review.objects.get(slug="disabled-children-and-young-people")
    dundee = ReviewArea.objects.get(review=review, local_authority__name="Dundee City")
    survey = Survey.objects.filter(review=review).order_by("pk").first()
    link = SurveyLink.objects.get(survey=survey, review_area=dundee)
    area_request = AreaRequest.objects.filter(review_area=dundee).order_by("pk").first()
    upload = Upload.objects.filter(area_request__review_area=dundee).order_by("pk").first()
    version = UploadVersion.objects.filter(upload=upload).order_by("pk").first()
    bundle, _ = AreaBundle.objects.get_or_create(
        review_area=dundee, defaults={"requested_by": people["lead_inspector"]}
    )
    sampled = SampledRecord.objects.filter(sample__review_area=dundee).order_by("pk").first()
    reading = Reading.objects.filter(sampled_record__sample__review_area=dundee).order_by("pk").first()
    highland_service = CareService.objects.get(registration_number="CS2003001010")
    annual_return = AnnualReturn.objects.filter(service=highland_service).order_by("-cycle__year").first()
    # A submitted variation: the registration team may act on it (request information, agree, refuse).
    variation = (
        VariationRequest.objects.filter(service__provider=highland_service.provider, status="submitted")
        .order_by("pk")
        .first()
    )
    if variation is None:
        variation = VariationRequest.objects.create(
            service=highland_service,
            kind="skills_mix",
            reason="Senior carers take on medication rounds",
            created_by=people["provider_highland"],
        )
    document = VariationDocument.objects.filter(variation=variation).first()
    if document is None:
        from django.core.files.base import ContentFile

        from annual_returns.variations import workflow
        from inspectorate.uploads import check_upload

        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        workflow.attach(variation, check_upload(ContentFile(pdf, name="staffing.pdf")), by=people["provider_highland"])
        document = VariationDocument.objects.get(variation=variation)
    bundle_ready(bundle)
    fife = ReviewArea.objects.get(review=review, local_authority__name="Fife")
    invitation = review_actions.invite_area(
        fife,
        email="new.coordinator@fife.example",
        full_name="Ailsa Brown",
        deadline=review.notification_date,
        by=people["lead_inspector"],
    )
    action_item = ActionPlanItem.objects.filter(review=review).order_by("pk").first() or ActionPlanItem.objects.create(
        review=review, area=dundee, action="Audit the quality of assessments for disabled children"
    )
    national = _ready_report("national-overview", review, people["lead_inspector"])
    national.published_at = national.finished_at
    national.save(update_fields=["published_at"])
    area_report = _ready_report("area-feedback", dundee, people["lead_inspector"])
    Release.objects.get_or_create(
        kind="area-feedback", subject_id=str(dundee.pk), defaults={"released_by": people["lead_inspector"]}
    )
    free_text = Answer.objects.filter(response__survey__review=review, text__gt="").order_by("pk").first()
    excerpt = ClearedExcerpt.objects.create(
        review=review,
        source="Staff survey",
        text="Staff value the time to build relationships.",
        cleared_by=people["lead_inspector"],
    )
    objects = {
        "review": review,
        "dundee": dundee,
        "member": TeamMember.objects.get(review=review, user=people["support_officer"]),
        "activity": TimelineActivity.objects.filter(review=review).order_by("pk").first(),
        "action_item": action_item,
        "nomination_token": review_actions.nomination_token(invitation),
        "survey": survey,
        "section": Section.objects.filter(survey=survey).order_by("pk").first(),
        "question": Question.objects.filter(section__survey=survey).order_by("pk").first(),
        "reading_question": ReadingQuestion.objects.filter(section__template__review=review).order_by("pk").first(),
        "link": link,
        "area_request": area_request,
        "upload": upload,
        "version": version,
        "bundle": bundle,
        "sampled": sampled,
        "reading": reading,
        "service": highland_service,
        "annual_return": annual_return,
        "variation": variation,
        "variation_document": document,
        "report": national,
        "area_report": area_report,
        "free_text_answer": free_text,
        "excerpt": excerpt,
    }
    return World(people, objects)


def bundle_ready(bundle):
    """Build the area's zip the way the task does, so its download page has something to serve."""
    from reviews.documents import bundles

    bundles.build(bundle.pk)
    bundle.refresh_from_db()


def _ready_report(kind_key, subject, user):
    """A finished report version with a small PDF on disk: the walk tests who may reach it, not
    WeasyPrint (the reports' own tests render the real thing)."""
    from pathlib import Path

    from django.conf import settings
    from django.utils import timezone

    from inspectorate.reports.models import Report, ReportStatus

    relative = f"reports/{kind_key}/walk-{subject.pk}.pdf"
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return Report.objects.create(
        kind=kind_key,
        subject_id=str(subject.pk),
        title=f"{kind_key}: {subject}",
        version=99,
        status=ReportStatus.READY,
        file=relative,
        html="<p>Report</p>",
        requested_by=user,
        finished_at=timezone.now(),
    )
