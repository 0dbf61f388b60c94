"""manage.py load_scale: the national figures times --scale, written once; a second run changes nothing."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from annual_returns.models import AnnualReturn, Cycle, ReturnStatus
from inspectorate.organisations.models import CareService
from records.models import Reading
from reviews.models import Review
from surveys.models import Answer


def load(**options):
    out = StringIO()
    call_command("load_scale", stdout=out, **options)
    return out.getvalue()


def test_load_scale_writes_the_scaled_national_data_set_with_its_timings(db):
    output = load(services=2000, scale=0.01)

    services = CareService.objects.filter(registration_number__startswith="CS2002")
    assert services.count() == 20
    assert Cycle.objects.count() == 3
    current = Cycle.objects.order_by("-year").first()
    assert current.is_open_on(timezone.localdate())
    # The two closed cycles: every service that is not cancelled submitted.
    active = services.exclude(status="cancelled").count()
    for cycle in Cycle.objects.order_by("year")[:2]:
        assert AnnualReturn.objects.filter(cycle=cycle, status=ReturnStatus.SUBMITTED).count() == active
    assert Review.objects.filter(slug__endswith="national-scale").count() == 4
    assert all(review.areas.count() == 32 for review in Review.objects.filter(slug__endswith="national-scale"))
    assert Answer.objects.count() == 1000
    assert Reading.objects.count() == 10
    assert "annual-return cycles and returns:" in output and "Loaded in" in output


def test_a_second_run_says_the_data_is_there_and_changes_nothing(db):
    load(services=2000, scale=0.01)
    returns = AnnualReturn.objects.count()

    output = load(services=2000, scale=0.01)

    assert "already loaded (20 services" in output
    assert AnnualReturn.objects.count() == returns
    assert Answer.objects.count() == 1000
