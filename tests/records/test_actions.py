"""Drawing, re-drawing, assigning, reading, replacing from the reserve, moderating and releasing."""

import pytest

from inspectorate.audit.models import AuditEvent
from inspectorate.notifications.models import Notification
from records import actions, moderation, sampling
from records.models import NotReadReason, ReadingQuestion, ReadingSection, Sample, SampleDraw, SampledRecord
from tests import factories as core_factories
from tests.records.factories import answer_everything, case_list, drawn


def test_draw_stores_what_re_derives_it_and_tells_the_coordinator(dundee, inspector, coordinator):
    listing = case_list(dundee, 80, prefix="DC")
    sample = actions.draw_sample(dundee, size=30, reserve_size=5, seed="seed-1", by=inspector)
    references = list(listing.records.values_list("reference", flat=True))
    expected = sampling.draw(dict.fromkeys(references, ""), 30, seed="seed-1", reserve_size=5)
    stored = list(sample.records.filter(kind="sample").order_by("position").values_list("reference", flat=True))
    reserve = list(sample.records.filter(kind="reserve").order_by("position").values_list("reference", flat=True))
    assert stored == expected.sample and reserve == expected.reserve
    assert sample.population_sha256 == sampling.population_hash(references)
    assert (sample.seed, sample.drawn_by, sample.population_size) == ("seed-1", inspector, 80)
    history = SampleDraw.objects.get()
    assert history.references == expected.sample and history.drawn_by == inspector
    note = Notification.objects.get(template="records_sample_drawn")
    assert note.recipient == coordinator and note.context["references"] == expected.sample
    assert AuditEvent.objects.filter(object_type="records.Sample", detail__seed="seed-1").exists()


def test_stratified_draw_keeps_the_case_list_proportions(dundee, inspector):
    case_list(dundee, 80)  # 20 in each age band
    sample = actions.draw_sample(dundee, size=20, reserve_size=0, stratify_by="age_band", seed="s", by=inspector)
    bands = [r.case_record.values["age_band"] for r in sample.records.select_related("case_record")]
    assert sorted(bands.count(band) for band in set(bands)) == [5, 5, 5, 5]


def test_redraw_before_reading_replaces_the_sample_and_is_logged(dundee_sample, dundee, inspector):
    first = set(dundee_sample.records.values_list("reference", flat=True))
    sample = actions.draw_sample(dundee, size=30, reserve_size=5, seed="another-seed", by=inspector)
    assert set(sample.records.values_list("reference", flat=True)) != first
    assert Sample.objects.count() == 1
    assert list(SampleDraw.objects.values_list("seed", flat=True)) == ["another-seed", "test-seed"]
    assert AuditEvent.objects.filter(object_type="records.Sample", detail__what="redraw").count() == 1


def test_redraw_is_refused_once_reading_starts(dundee_sample, dundee, inspector):
    first = dundee_sample.records.filter(kind="sample").first()
    actions.mark_not_read(first, reason=NotReadReason.UNAVAILABLE, note="", by=inspector)
    with pytest.raises(actions.Refused, match="Reading has started"):
        actions.draw_sample(dundee, size=30, reserve_size=5, by=inspector)


def test_sample_larger_than_the_case_list_is_refused(dundee, inspector):
    case_list(dundee, 10)
    with pytest.raises(actions.Refused, match="has 10 records"):
        actions.draw_sample(dundee, size=30, reserve_size=0, by=inspector)


def test_readers_share_the_records_and_a_tenth_get_a_second_reader(dundee_sample, inspector, support_officer):
    readings = actions.assign_readers(dundee_sample, readers=[inspector, support_officer], qa_share=10, by=inspector)
    firsts = [r for r in readings if not r.is_second]
    seconds = [r for r in readings if r.is_second]
    assert len(firsts) == 30 and len(seconds) == 3
    assert {r.reader for r in firsts} == {inspector, support_officer}
    first_reader = {r.sampled_record_id: r.reader for r in firsts}
    assert all(r.reader != first_reader[r.sampled_record_id] for r in seconds)


def test_replacement_takes_reserve_records_in_order(dundee_sample, inspector, support_officer):
    actions.assign_readers(dundee_sample, readers=[inspector, support_officer], qa_share=0, by=inspector)
    reserve = list(dundee_sample.records.filter(kind="reserve").order_by("position"))
    lost = list(dundee_sample.records.filter(kind="sample").order_by("position")[:3])
    replacements = []
    for record in reversed(lost):  # the order of losses does not matter: the reserve order does
        actions.mark_not_read(record, reason=NotReadReason.UNAVAILABLE, note="", by=inspector)
        replacements.append(actions.replace_from_reserve(record, by=inspector))
    assert [r.reference for r in replacements] == [r.reference for r in reserve[:3]]
    assert [r.replaces.reference for r in replacements] == [r.reference for r in reversed(lost)]
    assert SampledRecord.objects.filter(sample=dundee_sample, in_sample=True).count() == 33
    # The replacement goes to the same reader as the record it replaces.
    assert replacements[0].readings.get().reader == lost[2].readings.get().reader


def test_a_record_is_replaced_only_once_and_only_when_not_read(dundee_sample, inspector):
    record = dundee_sample.records.filter(kind="sample").first()
    with pytest.raises(actions.Refused, match="Only a record marked as not read"):
        actions.replace_from_reserve(record, by=inspector)
    actions.mark_not_read(record, reason=NotReadReason.NOT_ELIGIBLE, note="", by=inspector)
    actions.replace_from_reserve(record, by=inspector)
    with pytest.raises(actions.Refused, match="already been replaced"):
        actions.replace_from_reserve(record, by=inspector)


def test_replacement_is_refused_when_the_reserve_is_used_up(dundee, inspector):
    sample = drawn(dundee, inspector, size=30, reserve=0)
    record = sample.records.first()
    actions.mark_not_read(record, reason=NotReadReason.UNAVAILABLE, note="", by=inspector)
    with pytest.raises(actions.Refused, match="reserve list is used up"):
        actions.replace_from_reserve(record, by=inspector)


def test_only_the_assigned_reader_saves_a_section(dundee_sample, inspector, support_officer):
    actions.assign_readers(dundee_sample, readers=[inspector], qa_share=0, by=inspector)
    reading = dundee_sample.records.filter(kind="sample").first().readings.get()
    section = ReadingSection.objects.filter(template__review=dundee_sample.review_area.review).first()
    with pytest.raises(actions.Refused, match="Only the reader"):
        actions.save_section(reading, section, {}, by=support_officer)


def test_reading_completes_only_when_every_section_is_saved(dundee_sample, inspector):
    actions.assign_readers(dundee_sample, readers=[inspector], qa_share=0, by=inspector)
    reading = dundee_sample.records.filter(kind="sample").first().readings.get()
    with pytest.raises(actions.Refused, match="Complete every section"):
        actions.complete_reading(reading, section_numbers=[1, 2, 3, 4, 5], by=inspector)
    answer_everything(reading)
    reading.refresh_from_db()
    assert reading.is_complete and reading.sections_done == [1, 2, 3, 4, 5]


def test_disagreements_are_listed_and_the_agreed_answer_is_kept(dundee_sample, inspector, support_officer):
    actions.assign_readers(dundee_sample, readers=[inspector, support_officer], qa_share=10, by=inspector)
    record = dundee_sample.records.get(kind="sample", position=1)
    first, second = record.readings.order_by("is_second")
    answer_everything(first)
    answer_everything(second)
    question = ReadingQuestion.objects.get(
        key="plan_quality", section__template__review=dundee_sample.review_area.review
    )
    first.answers.filter(question=question).update(value="good")
    second.answers.filter(question=question).update(value="weak")
    found = [d for d in moderation.disagreements(dundee_sample) if d.question == question]
    assert [(d.first_label, d.second_label, d.agreed) for d in found] == [("Good", "Weak", "")]
    actions.record_agreed_answer(record, question, value="adequate", by=inspector)
    found = [d for d in moderation.disagreements(dundee_sample) if d.question == question]
    assert found[0].agreed_label == "Adequate"


def test_release_tells_the_coordinator_once(dundee_sample, inspector, coordinator):
    actions.release_results(dundee_sample, by=inspector)
    with pytest.raises(actions.Refused, match="already been released"):
        actions.release_results(dundee_sample, by=inspector)
    note = Notification.objects.get(template="records_results_released")
    assert note.recipient == coordinator


def test_fields_cannot_change_after_a_sample_is_drawn(dundee_sample, review, inspector):
    with pytest.raises(actions.Refused, match="cannot change"):
        actions.add_case_list_field(review, name="team", label="Team", allowed_values=["A", "B"], by=inspector)


def test_assigning_readers_needs_two_for_a_second_reading(dundee_sample, inspector):
    with pytest.raises(actions.Refused, match="at least two readers"):
        actions.assign_readers(dundee_sample, readers=[inspector], qa_share=10, by=inspector)
    other = core_factories.inspector()
    assert actions.assign_readers(dundee_sample, readers=[inspector, other], qa_share=0, by=inspector)
