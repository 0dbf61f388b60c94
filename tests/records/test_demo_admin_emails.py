"""The demo data (the worked example), the admin pages and the two emails."""

import pytest
from django.contrib.admin import site
from django.urls import reverse

from inspectorate.core import demo as core_demo
from inspectorate.notifications import catalogue
from inspectorate.notifications.sending import render
from records import demo
from records.models import Answer, Reading, Sample, SampledRecord
from records.results import review_results
from reviews import demo as reviews_demo


@pytest.fixture
def demo_review(db):
    people = core_demo.load()
    review = reviews_demo.load(people)
    demo.load(people)
    return review, people


def test_demo_is_the_worked_example_and_loads_twice_without_change(demo_review):
    review, people = demo_review
    counts = (Sample.objects.count(), SampledRecord.objects.count(), Reading.objects.count(), Answer.objects.count())
    demo.load(people)
    assert counts == (
        Sample.objects.count(),
        SampledRecord.objects.count(),
        Reading.objects.count(),
        Answer.objects.count(),
    )
    per_area, national = review_results(review)
    assert (national.drawn, national.read, national.not_read.total) == (120, 117, 3)
    assert len(per_area) == 4 and all(area.drawn == 30 for area in per_area)
    assert Reading.objects.filter(is_second=True).count() == 12  # a tenth of each area: 3 per area


def test_every_records_model_has_an_admin_page_that_opens(demo_review, administrator, client_for):
    client = client_for(administrator)
    models = [model for model in site._registry if model._meta.app_label == "records"]
    assert len(models) == 12
    for model in models:
        url = reverse(f"admin:records_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", ["records_sample_drawn", "records_results_released"])
def test_emails_render_from_their_example(name):
    template = catalogue.get(name)
    subject, text, html = render(name, template.example)
    assert "Dundee City" in subject
    assert template.example["link"] in text and template.example["link"] in html
    if name == "records_sample_drawn":
        assert "DC-10482" in text and "DC-12510" in html
