"""Record reading pages. Each fetches through a scoped getter, calls one action, and responds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from inspectorate.audit.trail import Action, record
from records import actions, case_lists, moderation, reading_templates
from records.access import any_area, is_team_role, require_team_role, team_area, team_object, team_review
from records.exports import ReadingAnswerResource, results_dataset
from records.forms import (
    AgreedAnswerForm,
    AssignReadersForm,
    CaseListFieldForm,
    CaseListUploadForm,
    DrawSampleForm,
    NotReadForm,
    SectionForm,
)
from records.models import (
    Answer,
    CaseList,
    CaseListField,
    Reading,
    ReadingQuestion,
    ReadingSection,
    Sample,
    SampledRecord,
)
from records.results import review_results
from reviews.models import Review, ReviewArea, TeamMember


def _refused(request, error):
    messages.error(request, " ".join(error.messages))


@login_required
def index(request):
    require_team_role(request.user)
    reviews = Review.objects.for_user(request.user).annotate(
        sampled_areas=Count("areas__record_sample", distinct=True),
        case_lists=Count("areas__case_list", distinct=True),
    )
    return render(request, "records/index.html", {"reviews": reviews})


@login_required
def review_detail(request, review_id):
    review = team_review(request.user, review_id)
    areas = (
        ReviewArea.objects.filter(review=review, phase="fieldwork")
        .select_related("local_authority", "case_list", "record_sample")
        .annotate(
            drawn=Count("record_sample__records", filter=Q(record_sample__records__in_sample=True), distinct=True),
        )
    )
    per_area, national = review_results(review)
    results_by_area = {r.area.pk: r for r in per_area}
    rows = [(area, results_by_area.get(area.pk)) for area in areas]
    context = {
        "review": review,
        "rows": rows,
        "national": national,
        "fields": CaseListField.objects.filter(review=review),
        "sections": ReadingSection.objects.filter(template__review=review).prefetch_related("questions"),
    }
    return render(request, "records/review_detail.html", context)


@login_required
def fields(request, review_id):
    review = team_review(request.user, review_id)
    form = CaseListFieldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_case_list_field(
                review,
                name=form.name,
                label=form.cleaned_data["label"],
                allowed_values=form.cleaned_data["allowed_values"],
                by=request.user,
            )
        except actions.Refused as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"Field “{form.cleaned_data['label']}” added.")
            return redirect("records:fields", review.pk)
    existing = CaseListField.objects.filter(review=review)
    return render(request, "records/fields.html", {"review": review, "form": form, "fields": existing})


@login_required
@require_POST
def install_template(request, review_id):
    review = team_review(request.user, review_id)
    reading_templates.install_standard(review, by=request.user)
    messages.success(request, "The standard reading template is ready.")
    return redirect("records:review", review.pk)


@login_required
def case_list(request, area_id):
    area = any_area(request.user, area_id)
    case_list = CaseList.objects.filter(review_area=area).first()
    sample = actions.sample_for(area)
    if request.method == "POST" and sample is not None:
        messages.error(request, "The sample has been drawn: the case list can no longer be replaced.")
        return redirect("records:case_list", area.pk)
    form = CaseListUploadForm(request.POST or None, request.FILES or None)
    outcome, status = None, 200
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            headings, rows = case_lists.read_table(uploaded)
            outcome = actions.upload_case_list(
                area, headings=headings, rows=rows, filename=uploaded.name, by=request.user
            )
        except case_lists.UnreadableFile as error:
            form.add_error("file", str(error))
        except actions.Refused as error:
            form.add_error(None, error.messages[0])
        else:
            if outcome.is_clean:
                messages.success(request, f"Case list uploaded: {len(outcome.records)} records.")
                return redirect("records:case_list", area.pk)
    if form.errors or (outcome and not outcome.is_clean):
        status = 400 if outcome is None or not outcome.is_clean else 200
    drawn = sample.records.filter(in_sample=True).order_by("kind", "position") if sample else []
    context = {
        "area": area,
        "case_list": case_list,
        "sample": sample,
        "drawn": drawn,
        "fields": CaseListField.objects.filter(review=area.review),
        "form": form,
        "outcome": outcome,
        "is_team": is_team_role(request.user),
    }
    return render(request, "records/case_list.html", context, status=status)


@login_required
def sample(request, area_id):
    area = team_area(request.user, area_id)
    current = actions.sample_for(area)
    case_list = CaseList.objects.filter(review_area=area).first()
    started = actions.reading_started(current)
    form = DrawSampleForm(request.POST or None, fields=CaseListField.objects.filter(review=area.review))
    if request.method == "POST" and form.is_valid():
        try:
            actions.draw_sample(area, by=request.user, **form.cleaned_data)
        except actions.Refused as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request, "Sample drawn. The area's co-ordinator has been told which records to make available."
            )
            return redirect("records:sample", area.pk)
    records, replaced = [], set()
    if current:
        records = list(
            current.records.select_related("replaces").prefetch_related(
                Prefetch("readings", queryset=Reading.objects.select_related("reader"))
            )
        )
        replaced = {r.replaces_id for r in records if r.replaces_id}
    context = {
        "area": area,
        "case_list": case_list,
        "sample": current,
        "started": started,
        "in_sample": [(r, r.is_not_read and r.pk not in replaced, _is_read(r)) for r in records if r.in_sample],
        "reserve": [r for r in records if not r.in_sample],
        "draws": area.sample_draws.select_related("drawn_by"),
        "form": form,
    }
    return render(request, "records/sample.html", context, status=400 if form.errors else 200)


def _is_read(sampled):
    """Read once its first reading is complete (from the prefetched readings)."""
    return any(reading.is_complete for reading in sampled.readings.all() if not reading.is_second)


@login_required
def assign_readers(request, area_id):
    area = team_area(request.user, area_id)
    current = actions.sample_for(area)
    if current is None:
        raise Http404("No sample")
    team = TeamMember.objects.filter(review=area.review).select_related("user")
    form = AssignReadersForm(request.POST or None, team=team, initial={"qa_share": current.qa_share or 10})
    if request.method == "POST" and form.is_valid():
        try:
            actions.assign_readers(
                current, readers=form.chosen_readers, qa_share=form.cleaned_data["qa_share"], by=request.user
            )
        except actions.Refused as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, "Readers assigned.")
            return redirect("records:sample", area.pk)
    return render(request, "records/assign_readers.html", {"area": area, "form": form})


def _reading(request, reading_id):
    reading = team_object(
        Reading.objects.select_related(
            "reader",
            "sampled_record__sample__review_area__local_authority",
            "sampled_record__sample__review_area__review",
        ),
        request.user,
        pk=reading_id,
    )
    return reading


def _sections(reading):
    return list(
        ReadingSection.objects.filter(
            template__review=reading.sampled_record.sample.review_area.review
        ).prefetch_related("questions")
    )


@login_required
def reading(request, reading_id):
    reading = _reading(request, reading_id)
    record(request.user, Action.VIEW, reading)
    answers = {answer.question_id: answer for answer in reading.answers.select_related("question")}
    sections = _sections(reading)
    rows = [
        (section, section.number in reading.sections_done, [(q, answers.get(q.pk)) for q in section.questions.all()])
        for section in sections
    ]
    context = {
        "reading": reading,
        "sampled": reading.sampled_record,
        "rows": rows,
        "all_done": all(done for _, done, _ in rows),
        "can_edit": reading.reader_id == request.user.pk and not reading.sampled_record.sample.results_released,
    }
    return render(request, "records/reading.html", context)


@login_required
def reading_section(request, reading_id, number):
    reading = _reading(request, reading_id)
    sections = _sections(reading)
    section = next((s for s in sections if s.number == number), None)
    if section is None:
        raise Http404("No such section")
    if reading.reader_id != request.user.pk or reading.sampled_record.is_not_read:
        return redirect("records:reading", reading.pk)
    record(request.user, Action.VIEW, reading, section=number)
    answers = {answer.question_id: answer for answer in reading.answers.all()}
    form = SectionForm(request.POST or None, questions=section.questions.all(), answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_section(reading, section, form.answers(), by=request.user)
        except actions.Refused as error:
            _refused(request, error)
            return redirect("records:reading", reading.pk)
        later = [s for s in sections if s.number > number and s.number not in reading.sections_done]
        if later:
            return redirect("records:reading_section", reading.pk, later[0].number)
        return redirect("records:reading", reading.pk)
    context = {"reading": reading, "section": section, "form": form, "count": len(sections)}
    return render(request, "records/reading_section.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def complete_reading(request, reading_id):
    reading = _reading(request, reading_id)
    try:
        actions.complete_reading(reading, section_numbers=[s.number for s in _sections(reading)], by=request.user)
    except actions.Refused as error:
        _refused(request, error)
        return redirect("records:reading", reading.pk)
    messages.success(request, f"Reading of record {reading.sampled_record.reference} complete.")
    return redirect("core:home")


def _sampled(request, record_id):
    return team_object(
        SampledRecord.objects.select_related("sample__review_area__local_authority"), request.user, pk=record_id
    )


@login_required
def not_read(request, record_id):
    sampled = _sampled(request, record_id)
    form = NotReadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.mark_not_read(sampled, by=request.user, **form.cleaned_data)
        except actions.Refused as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"Record {sampled.reference} marked as not read.")
            return redirect("records:sample", sampled.sample.review_area_id)
    context = {"sampled": sampled, "form": form}
    return render(request, "records/not_read.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def replace(request, record_id):
    sampled = _sampled(request, record_id)
    try:
        replacement = actions.replace_from_reserve(sampled, by=request.user)
    except actions.Refused as error:
        _refused(request, error)
    else:
        messages.success(request, f"Record {sampled.reference} replaced by reserve record {replacement.reference}.")
    return redirect("records:sample", sampled.sample.review_area_id)


@login_required
def moderation_list(request, area_id):
    area = team_area(request.user, area_id)
    current = actions.sample_for(area)
    if current is None:
        raise Http404("No sample")
    found = moderation.disagreements(current)
    record(request.user, Action.VIEW, current, what="moderation", disagreements=len(found))
    return render(request, "records/moderation.html", {"area": area, "disagreements": found})


@login_required
def agree(request, record_id, question_id):
    sampled = _sampled(request, record_id)
    question = ReadingQuestion.objects.filter(
        pk=question_id, section__template__review=sampled.sample.review_area.review
    ).first()
    if question is None or not question.is_counted:
        raise Http404("No such question")
    readings = list(sampled.readings.select_related("reader"))
    given = {a.reading_id: a for a in Answer.objects.filter(reading__in=readings, question=question)}
    record(request.user, Action.VIEW, sampled, what="moderation", question=question.key)
    form = AgreedAnswerForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        actions.record_agreed_answer(sampled, question, value=form.cleaned_data["value"], by=request.user)
        messages.success(request, f"Agreed answer saved for record {sampled.reference}.")
        return redirect("records:moderation", sampled.sample.review_area_id)
    labels = dict(question.options)
    readers = [
        (r, labels.get(given[r.pk].value, "Not answered") if r.pk in given else "Not answered") for r in readings
    ]
    context = {"sampled": sampled, "question": question, "readers": readers, "form": form}
    return render(request, "records/agree.html", context, status=400 if form.errors else 200)


@login_required
def review_results_page(request, review_id):
    review = team_review(request.user, review_id)
    per_area, national = review_results(review)
    return render(request, "records/results.html", {"review": review, "per_area": per_area, "national": national})


@login_required
def area_results(request, area_id):
    area = any_area(request.user, area_id)
    current = Sample.objects.filter(review_area=area).first()
    if not is_team_role(request.user) and (current is None or not current.results_released):
        raise Http404("Not released")
    per_area, _ = review_results(area.review, areas=[area])
    if not per_area:
        raise Http404("No sample")
    context = {"area": area, "results": per_area[0], "sample": current, "is_team": is_team_role(request.user)}
    return render(request, "records/area_results.html", context)


@login_required
@require_POST
def release(request, area_id):
    area = team_area(request.user, area_id)
    current = actions.sample_for(area)
    if current is None:
        raise Http404("No sample")
    try:
        actions.release_results(current, by=request.user)
    except actions.Refused as error:
        _refused(request, error)
    else:
        messages.success(request, f"Results released to {area.local_authority}'s co-ordinator.")
    return redirect("records:area_results", area.pk)


def _csv(dataset, filename):
    response = HttpResponse(dataset.csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_results(request, review_id):
    review = team_review(request.user, review_id)
    per_area, national = review_results(review)
    record(request.user, Action.DOWNLOAD, review, what="record reading results")
    return _csv(results_dataset([*per_area, national]), f"record-reading-results-{review.slug}.csv")


@login_required
def export_readings(request, review_id):
    review = team_review(request.user, review_id)
    answers = ReadingAnswerResource.queryset_for(review)
    record(request.user, Action.DOWNLOAD, review, what="record readings", rows=answers.count())
    return _csv(ReadingAnswerResource().export(answers), f"record-readings-{review.slug}.csv")
