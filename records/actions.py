"""The verbs of record reading. Each runs in one transaction and refuses a wrong starting state.

Call these from views after the scoped fetch; they write the audit trail and the outbox.
"""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from inspectorate.audit.trail import Action, record
from inspectorate.notifications.actions import notify
from records import case_lists, sampling
from records.models import (
    Answer,
    CaseList,
    CaseListField,
    CaseRecord,
    ModeratedAnswer,
    Reading,
    Sample,
    SampleDraw,
    SampledRecord,
)


class Refused(ValidationError):
    """The action is not allowed in the current state; the message says why, fit for the page."""


def reading_started(sample):
    """Reading has started once any answer is saved or any record is marked not read."""
    if sample is None:
        return False
    return (
        Answer.objects.filter(reading__sampled_record__sample=sample).exists()
        or sample.records.exclude(not_read_reason="").exists()
    )


def sample_for(area):
    return Sample.objects.filter(review_area=area).first()


@transaction.atomic
def add_case_list_field(review, *, name, label, allowed_values, by):
    if Sample.objects.filter(review_area__review=review).exists():
        raise Refused("The case list fields cannot change once a sample has been drawn.")
    if CaseListField.objects.filter(review=review, name=name).exists():
        raise Refused(f"There is already a field called {name}.")
    order = (CaseListField.objects.filter(review=review).aggregate(m=Max("order"))["m"] or 0) + 1
    field = CaseListField.objects.create(
        review=review, name=name, label=label, allowed_values=allowed_values, order=order
    )
    record(by, Action.CREATE, field, allowed_values=allowed_values)
    return field


@transaction.atomic
def upload_case_list(area, *, headings, rows, filename, by):
    """Check the file and, only if every row is clean, replace the area's case list with it.

    Returns the check's Outcome; nothing is stored when it has problems.
    """
    if Sample.objects.filter(review_area=area).exists():
        raise Refused("The sample has been drawn: the case list can no longer be replaced.")
    fields = [(f.name, f.label, f.allowed_values) for f in CaseListField.objects.filter(review=area.review)]
    outcome = case_lists.check(headings, rows, fields)
    if not outcome.is_clean:
        record(by, Action.CREATE, area, outcome="refused", what="case list", problems=len(outcome.problems))
        return outcome
    case_list, _ = CaseList.objects.update_or_create(
        review_area=area,
        defaults=dict(filename=filename[:200], uploaded_by=by, uploaded_at=timezone.now(), record_count=0),
    )
    case_list.records.all().delete()
    CaseRecord.objects.bulk_create(
        CaseRecord(case_list=case_list, reference=reference, values=values) for reference, values in outcome.records
    )
    case_list.record_count = len(outcome.records)
    case_list.save(update_fields=["record_count"])
    record(by, Action.CREATE, case_list, records=case_list.record_count, filename=filename[:200])
    return outcome


@transaction.atomic
def draw_sample(area, *, size, reserve_size, stratify_by="", seed="", by):
    """Draw (or re-draw, before reading starts) the area's sample and reserve, and tell its co-ordinator."""
    case_list = CaseList.objects.filter(review_area=area).first()
    if case_list is None or not case_list.record_count:
        raise Refused("The area has not uploaded its case list yet.")
    existing = sample_for(area)
    if reading_started(existing):
        raise Refused("Reading has started: the sample can no longer be drawn again.")
    if size > case_list.record_count:
        raise Refused(f"The case list has {case_list.record_count} records: the sample cannot be larger.")
    if stratify_by and not CaseListField.objects.filter(review=area.review, name=stratify_by).exists():
        raise Refused("Choose a field of the case list to stratify by.")
    records = {r.reference: r for r in case_list.records.all()}
    population = {reference: (r.values.get(stratify_by, "") if stratify_by else "") for reference, r in records.items()}
    drawn = sampling.draw(
        population, size, seed=seed or sampling.new_seed(), reserve_size=reserve_size, stratify=bool(stratify_by)
    )
    if existing is not None:
        existing.delete()
    sample = Sample.objects.create(
        review_area=area,
        size=size,
        reserve_size=len(drawn.reserve),
        stratify_by=stratify_by,
        seed=drawn.seed,
        population_sha256=drawn.population_sha256,
        population_size=drawn.population_size,
        drawn_by=by,
    )
    SampledRecord.objects.bulk_create(
        [
            SampledRecord(
                sample=sample,
                case_record=records[reference],
                reference=reference,
                kind=SampledRecord.Kind.SAMPLE,
                in_sample=True,
                position=position,
            )
            for position, reference in enumerate(drawn.sample, start=1)
        ]
        + [
            SampledRecord(
                sample=sample,
                case_record=records[reference],
                reference=reference,
                kind=SampledRecord.Kind.RESERVE,
                in_sample=False,
                position=position,
            )
            for position, reference in enumerate(drawn.reserve, start=1)
        ]
    )
    SampleDraw.objects.create(
        review_area=area,
        size=size,
        reserve_size=len(drawn.reserve),
        stratify_by=stratify_by,
        seed=drawn.seed,
        population_sha256=drawn.population_sha256,
        population_size=drawn.population_size,
        references=drawn.sample,
        reserve=drawn.reserve,
        drawn_by=by,
    )
    record(
        by,
        Action.DECIDE,
        sample,
        what="redraw" if existing is not None else "draw",
        seed=drawn.seed,
        population_sha256=drawn.population_sha256,
        size=size,
        stratify_by=stratify_by,
    )
    if area.coordinator_id:
        notify(
            area.coordinator,
            "records_sample_drawn",
            reason="You co-ordinate your area's part in this review",
            context={
                "review": area.review.title,
                "area": str(area.local_authority),
                "size": size,
                "references": drawn.sample,
                "reserve": drawn.reserve,
                "link": reverse("records:case_list", args=[area.pk]),
            },
            related=sample,
        )
    return sample


@transaction.atomic
def assign_readers(sample, *, readers, qa_share, by):
    """Share the sample's records among the readers in turn; give `qa_share` percent a second reader.

    The second readings go to the first records in draw order, which is itself random, so the
    quality-assurance set is a random subset too.
    """
    if not readers:
        raise Refused("Choose at least one reader.")
    if qa_share and len(readers) < 2:
        raise Refused("A second reading needs at least two readers.")
    if reading_started(sample):
        raise Refused("Reading has started: readers can no longer be reassigned.")
    records = list(sample.records.filter(in_sample=True).order_by("position"))
    Reading.objects.filter(sampled_record__sample=sample).delete()
    second_count = math.ceil(len(records) * qa_share / 100)
    readings = []
    for index, sampled in enumerate(records):
        readings.append(Reading(sampled_record=sampled, reader=readers[index % len(readers)]))
        if index < second_count:
            readings.append(Reading(sampled_record=sampled, reader=readers[(index + 1) % len(readers)], is_second=True))
    Reading.objects.bulk_create(readings)
    sample.qa_share = qa_share
    sample.save(update_fields=["qa_share"])
    record(by, Action.DECIDE, sample, what="assign readers", readers=len(readers), qa_share=qa_share)
    return readings


@transaction.atomic
def save_section(reading, section, answers, *, by):
    """Save one section's answers ({question: (value, note)}) and mark the section done."""
    if reading.reader_id != by.pk:
        raise Refused("Only the reader the record is assigned to can change this reading.")
    if reading.sampled_record.is_not_read:
        raise Refused("This record was marked as not read.")
    if reading.sampled_record.sample.results_released:
        raise Refused("The area's results have been released: readings can no longer change.")
    for question, (value, note) in answers.items():
        Answer.objects.update_or_create(reading=reading, question=question, defaults={"value": value, "note": note})
    if section.number not in reading.sections_done:
        reading.sections_done = sorted([*reading.sections_done, section.number])
        reading.save(update_fields=["sections_done"])
    record(by, Action.CHANGE, reading, section=section.number)
    return reading


@transaction.atomic
def complete_reading(reading, *, section_numbers, by):
    if reading.reader_id != by.pk:
        raise Refused("Only the reader the record is assigned to can complete this reading.")
    missing = sorted(set(section_numbers) - set(reading.sections_done))
    if missing:
        raise Refused("Complete every section before you finish the reading.")
    reading.completed_at = timezone.now()
    reading.save(update_fields=["completed_at"])
    record(by, Action.DECIDE, reading, what="reading complete")
    return reading


@transaction.atomic
def mark_not_read(sampled, *, reason, note, by):
    if sampled.is_not_read:
        raise Refused("This record is already marked as not read.")
    if sampled.readings.filter(is_second=False, completed_at__isnull=False).exists():
        raise Refused("This record has been read: it cannot be marked as not read.")
    sampled.not_read_reason = reason
    sampled.not_read_note = note
    sampled.marked_not_read_by = by
    sampled.save(update_fields=["not_read_reason", "not_read_note", "marked_not_read_by"])
    record(by, Action.DECIDE, sampled, what="not read", reason=reason)
    return sampled


@transaction.atomic
def replace_from_reserve(sampled, *, by):
    """Bring the next unused reserve record into the sample in place of one that could not be read.

    The reserve is used strictly in its drawn order, so the replacement is as random as the draw.
    The replacement goes to the same readers as the record it replaces.
    """
    locked = SampledRecord.objects.select_for_update().get(pk=sampled.pk)
    if not locked.is_not_read:
        raise Refused("Only a record marked as not read can be replaced.")
    if SampledRecord.objects.filter(replaces=locked).exists():
        raise Refused("This record has already been replaced.")
    replacement = (
        SampledRecord.objects.select_for_update()
        .filter(sample=locked.sample_id, kind=SampledRecord.Kind.RESERVE, in_sample=False)
        .order_by("position")
        .first()
    )
    if replacement is None:
        raise Refused("The reserve list is used up: there is no record left to replace it with.")
    replacement.in_sample = True
    replacement.replaces = locked
    replacement.save(update_fields=["in_sample", "replaces"])
    Reading.objects.bulk_create(
        Reading(sampled_record=replacement, reader_id=reading.reader_id, is_second=reading.is_second)
        for reading in locked.readings.all()
    )
    record(by, Action.DECIDE, replacement, what="replacement from reserve", replaces=locked.reference)
    return replacement


@transaction.atomic
def record_agreed_answer(sampled, question, *, value, by):
    if value not in dict(question.options):
        raise Refused("Choose one of the answers.")
    agreed, _ = ModeratedAnswer.objects.update_or_create(
        sampled_record=sampled, question=question, defaults={"value": value, "decided_by": by}
    )
    record(by, Action.DECIDE, agreed, what="moderation", question=question.key, value=value)
    return agreed


@transaction.atomic
def release_results(sample, *, by):
    locked = Sample.objects.select_for_update().get(pk=sample.pk)
    if locked.results_released:
        raise Refused("These results have already been released.")
    locked.results_released_at = timezone.now()
    locked.results_released_by = by
    locked.save(update_fields=["results_released_at", "results_released_by"])
    area = locked.review_area
    record(by, Action.DECIDE, locked, what="results released")
    if area.coordinator_id:
        notify(
            area.coordinator,
            "records_results_released",
            reason="You co-ordinate your area's part in this review",
            context={
                "review": area.review.title,
                "area": str(area.local_authority),
                "link": reverse("records:area_results", args=[area.pk]),
            },
            related=locked,
            dedupe_key=f"records-results-released-{locked.pk}",
        )
    return locked
