from inspectorate.core import demo as core_demo
from reviews import demo as reviews_demo
from surveys import demo
from surveys.models import Response, Survey


def test_demo_surveys_load_twice_without_duplicates(db):
    people = core_demo.load()
    reviews_demo.load(people)
    demo.load(people)
    counts = {s.title: s.responses.count() for s in Survey.objects.all()}
    demo.load(people)
    assert {s.title: s.responses.count() for s in Survey.objects.all()} == counts
    assert set(counts) == {"Staff survey", "Children and young people's questionnaire"}
    assert Response.objects.count() >= 300
    children = Survey.objects.get(title="Children and young people's questionnaire")
    assert children.opens_at.date().isoformat() == "2024-01-22"
    assert children.links.count() == 4
