"""Building blocks for record reading tests: fields, case lists, samples and readings."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from records import actions
from records.models import (
    EVALUATION_SCALE,
    Answer,
    CaseList,
    CaseListField,
    CaseRecord,
    QuestionKind,
    Reading,
    ReadingQuestion,
)
from records.reading_templates import install_standard

AGE_BANDS = ["0 to 4", "5 to 11", "12 to 15", "16 to 17"]


def add_fields(review):
    CaseListField.objects.create(review=review, name="age_band", label="Age band", allowed_values=AGE_BANDS, order=1)
    CaseListField.objects.create(
        review=review, name="case_status", label="Case status", allowed_values=["Open", "Closed"], order=2
    )
    install_standard(review)


def case_list(area, count, *, prefix="REF", by=None):
    """Store a clean case list of `count` records directly (the upload itself is tested elsewhere)."""
    listing = CaseList.objects.create(
        review_area=area, filename="list.csv", uploaded_by=by or area.coordinator, record_count=count
    )
    CaseRecord.objects.bulk_create(
        CaseRecord(
            case_list=listing,
            reference=f"{prefix}-{i:04d}",
            values={"age_band": AGE_BANDS[i % 4], "case_status": "Open" if i % 3 else "Closed"},
        )
        for i in range(count)
    )
    return listing


def drawn(area, by, *, size=30, reserve=5, eligible=80, seed="test-seed", prefix="REF"):
    case_list(area, eligible, prefix=prefix, by=area.coordinator or by)
    return actions.draw_sample(area, size=size, reserve_size=reserve, seed=seed, by=by)


def csv_upload(text, name="case-list.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_upload(rows, name="case-list.xlsx"):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def answer_everything(reading, rng=None):
    """Save every section of a reading with random answers, as the reader would, and complete it."""
    from records.models import QuestionKind, ReadingSection

    rng = rng or random.Random(reading.pk)
    sections = ReadingSection.objects.filter(template__review=reading.sampled_record.sample.review_area.review)
    for section in sections:
        answers = {}
        for question in section.questions.all():
            if question.kind == QuestionKind.NOTES:
                answers[question] = ("", "")
            else:
                answers[question] = (rng.choice(question.options)[0], "")
        actions.save_section(reading, section, answers, by=reading.reader)
    actions.complete_reading(reading, section_numbers=[s.number for s in sections], by=reading.reader)
    return reading


def read_sample(sample, reader, not_read=()):
    """Every record of the sample read by `reader`, except positions in `not_read`.

    Each evaluation answer is the scale point at (position mod 6), so the counts are easy to check.
    """
    for position in not_read:
        record = sample.records.get(kind="sample", position=position)
        actions.mark_not_read(record, reason=not_read[position], note="", by=reader)
    questions = list(ReadingQuestion.objects.filter(section__template__review=sample.review_area.review))
    records = list(sample.records.filter(in_sample=True, not_read_reason=""))
    readings = Reading.objects.bulk_create(
        Reading(sampled_record=r, reader=reader, completed_at=timezone.now(), sections_done=[1, 2, 3, 4, 5])
        for r in records
    )
    Answer.objects.bulk_create(
        Answer(
            reading=reading,
            question=question,
            value={
                QuestionKind.EVALUATION: EVALUATION_SCALE[record.position % 6][0],
                QuestionKind.YES_NO: "yes",
            }.get(question.kind, ""),
        )
        for reading, record in zip(readings, records, strict=True)
        for question in questions
    )
