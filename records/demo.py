"""Demo record reading for the disabled children and young people review.

As the regulator's update of January 2024 describes it: 30 records drawn at random in each of the
four areas (120), 117 read and 3 not read. A tenth of each area's records had a second reading.
Everything is generated from fixed seeds, so loading twice gives the same data; an area that
already has a sample is left alone.
"""

import random
from datetime import UTC, datetime, timedelta

from records import sampling
from records.models import (
    EVALUATION_SCALE,
    YES_NO_SCALE,
    Answer,
    CaseList,
    CaseListField,
    CaseRecord,
    NotReadReason,
    QuestionKind,
    Reading,
    ReadingQuestion,
    Sample,
    SampleDraw,
    SampledRecord,
)
from records.reading_templates import install_standard
from reviews.models import Review, ReviewArea

FIELDS = [
    ("age_band", "Age band", ["0 to 4", "5 to 11", "12 to 15", "16 to 17"]),
    ("case_status", "Case status", ["Open", "Closed"]),
    ("team", "Team", ["Children with disabilities team", "Children and families team", "Transitions team"]),
]
# area: (reference prefix, eligible records, the not-read records as {sample position: reason})
AREAS = {
    "Aberdeen City": ("AC", 148, {7: NotReadReason.UNAVAILABLE}),
    "Dundee City": ("DC", 112, {}),
    "Dumfries and Galloway": ("DG", 126, {19: NotReadReason.NOT_ELIGIBLE}),
    "Na h-Eileanan Siar": ("WI", 41, {4: NotReadReason.UNAVAILABLE}),
}
RELEASED = {"Aberdeen City", "Dundee City"}
SAMPLE_SIZE, RESERVE_SIZE, QA_SHARE = 30, 10, 10
DRAWN_AT = datetime(2024, 1, 8, 10, 0, tzinfo=UTC)
RELEASED_AT = datetime(2024, 5, 14, 14, 0, tzinfo=UTC)
# A realistic spread: most records good or adequate, some very good, a few weak.
EVALUATION_WEIGHTS = [4, 18, 36, 27, 12, 3]
YES_NO_WEIGHTS = [58, 14, 22, 6]
NOTES = [
    "Assessment up to date and reflects the family's views.",
    "Chronology not kept up to date.",
    "Child's communication needs well described; views gathered through their speech and language therapist.",
    "Plan outcomes not measurable.",
    "Advocacy offered but not taken up.",
]


def load(people):
    review = Review.objects.get(slug="disabled-children-and-young-people")
    template = install_standard(review)
    for order, (name, label, allowed) in enumerate(FIELDS, start=1):
        CaseListField.objects.update_or_create(
            review=review, name=name, defaults={"label": label, "allowed_values": allowed, "order": order}
        )
    questions = list(
        ReadingQuestion.objects.filter(section__template=template)
        .select_related("section")
        .order_by("section__number", "number")
    )
    readers = [people["lead_inspector"], people["inspector"], people["support_officer"]]
    areas = ReviewArea.objects.filter(review=review, local_authority__name__in=AREAS).select_related(
        "local_authority", "coordinator"
    )
    for area in areas:
        if not Sample.objects.filter(review_area=area).exists():
            _load_area(area, questions, readers, people)


def _load_area(area, questions, readers, people):
    name = area.local_authority.name
    prefix, eligible, not_read = AREAS[name]
    rng = random.Random(f"records-demo-{name}")  # noqa: S311 - demo data, not security
    case_list, _ = CaseList.objects.update_or_create(
        review_area=area,
        defaults=dict(
            filename=f"{prefix.lower()}-eligible-records.xlsx",
            uploaded_by=area.coordinator or people["support_officer"],
            uploaded_at=DRAWN_AT - timedelta(days=12),
            record_count=eligible,
        ),
    )
    case_list.records.all().delete()
    records = CaseRecord.objects.bulk_create(
        CaseRecord(
            case_list=case_list,
            reference=f"{prefix}-{10000 + rng.randrange(90000):05d}-{number:03d}",
            values={field: rng.choice(allowed) for field, _label, allowed in FIELDS},
        )
        for number in range(1, eligible + 1)
    )
    by_reference = {r.reference: r for r in records}
    seed = f"dcyp-2024-{prefix.lower()}"
    drawn = sampling.draw(
        {r.reference: r.values["age_band"] for r in records},
        SAMPLE_SIZE,
        seed=seed,
        reserve_size=RESERVE_SIZE,
        stratify=True,
    )
    lead = people["lead_inspector"]
    sample = Sample.objects.create(
        review_area=area,
        size=SAMPLE_SIZE,
        reserve_size=len(drawn.reserve),
        stratify_by="age_band",
        seed=seed,
        population_sha256=drawn.population_sha256,
        population_size=drawn.population_size,
        drawn_by=lead,
        drawn_at=DRAWN_AT,
        qa_share=QA_SHARE,
        results_released_at=RELEASED_AT if name in RELEASED else None,
        results_released_by=lead if name in RELEASED else None,
    )
    SampleDraw.objects.create(
        review_area=area,
        size=SAMPLE_SIZE,
        reserve_size=len(drawn.reserve),
        stratify_by="age_band",
        seed=seed,
        population_sha256=drawn.population_sha256,
        population_size=drawn.population_size,
        references=drawn.sample,
        reserve=drawn.reserve,
        drawn_by=lead,
        drawn_at=DRAWN_AT,
    )
    sampled = SampledRecord.objects.bulk_create(
        [
            SampledRecord(
                sample=sample,
                case_record=by_reference[reference],
                reference=reference,
                kind=SampledRecord.Kind.SAMPLE,
                in_sample=True,
                position=position,
                not_read_reason=not_read.get(position, ""),
                not_read_note="Record held on the previous system and could not be retrieved"
                if not_read.get(position) == NotReadReason.UNAVAILABLE
                else "",
                marked_not_read_by=lead if position in not_read else None,
            )
            for position, reference in enumerate(drawn.sample, start=1)
        ]
        + [
            SampledRecord(
                sample=sample,
                case_record=by_reference[reference],
                reference=reference,
                kind=SampledRecord.Kind.RESERVE,
                in_sample=False,
                position=position,
            )
            for position, reference in enumerate(drawn.reserve, start=1)
        ]
    )
    in_sample = [s for s in sampled if s.in_sample]
    second_count = SAMPLE_SIZE * QA_SHARE // 100
    readings = []
    for index, record in enumerate(in_sample):
        done = None if record.not_read_reason else DRAWN_AT + timedelta(days=1 + index % 10, hours=index % 6)
        readings.append(Reading(sampled_record=record, reader=readers[index % 3], completed_at=done))
        if index < second_count and not record.not_read_reason:
            readings.append(
                Reading(sampled_record=record, reader=readers[(index + 1) % 3], is_second=True, completed_at=done)
            )
    readings = Reading.objects.bulk_create(readings)
    all_sections = sorted({q.section.number for q in questions})
    answers = []
    first_answers = {}
    for reading in readings:
        if reading.completed_at is None:
            continue
        reading.sections_done = all_sections
        for question in questions:
            if reading.is_second and question.is_counted:
                value = first_answers[(reading.sampled_record_id, question.pk)]
                # Second readers mostly agree; now and then they see a record one grade differently.
                if question.kind == QuestionKind.EVALUATION and rng.random() < 0.15:
                    keys = [key for key, _ in EVALUATION_SCALE]
                    value = keys[min(len(keys) - 1, keys.index(value) + 1)]
                answers.append(Answer(reading=reading, question=question, value=value))
            elif question.kind == QuestionKind.EVALUATION:
                value = rng.choices([key for key, _ in EVALUATION_SCALE], EVALUATION_WEIGHTS)[0]
                first_answers[(reading.sampled_record_id, question.pk)] = value
                answers.append(Answer(reading=reading, question=question, value=value))
            elif question.kind == QuestionKind.YES_NO:
                value = rng.choices([key for key, _ in YES_NO_SCALE], YES_NO_WEIGHTS)[0]
                first_answers[(reading.sampled_record_id, question.pk)] = value
                answers.append(Answer(reading=reading, question=question, value=value))
            else:
                note = rng.choice(NOTES) if rng.random() < 0.3 else ""
                answers.append(Answer(reading=reading, question=question, note=note))
    Reading.objects.bulk_update([r for r in readings if r.completed_at], ["sections_done"])
    Answer.objects.bulk_create(answers)
