import pytest

from inspectorate.core import demo as core_demo
from reviews import demo as reviews_demo
from reviews.documents import demo
from reviews.documents.models import AreaRequest, AreaStatus, DocumentRequest, UploadVersion

pytestmark = pytest.mark.django_db


def test_demo_documents_load_twice_without_duplicates(settings):
    people = core_demo.load()
    reviews_demo.load(people)
    demo.load(people)
    demo.load(people)
    assert list(DocumentRequest.objects.values_list("title", flat=True)) == ["Position statement", "Written evidence"]
    assert AreaRequest.objects.count() == 8  # the four areas in phase 2, twice
    versions = UploadVersion.objects.all()
    assert versions.count() == 3
    assert {v.file_type for v in versions} == {"PDF", "Plain text"}
    assert all((settings.MEDIA_ROOT / v.stored_name).exists() for v in versions)
    dundee = AreaRequest.objects.filter(review_area__local_authority__name="Dundee City")
    assert dict(dundee.values_list("request__title", "status")) == {
        "Position statement": AreaStatus.ACCEPTED,
        "Written evidence": AreaStatus.UPLOADED,
    }
