"""The register of care services, scoped by role; the demo loader is idempotent."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from inspectorate.accounts.models import User
from inspectorate.organisations.models import CareService
from tests import factories


def test_provider_cannot_open_another_providers_service_by_guessing(client_for, provider_user, other_provider_user):
    theirs = factories.CareServiceFactory(provider=other_provider_user.provider)
    assert client_for(provider_user).get(theirs.get_absolute_url()).status_code == 404


def test_provider_sees_their_own_service(client_for, provider_user):
    mine = factories.CareServiceFactory(provider=provider_user.provider, name="Ness Bank Care Home")
    page = client_for(provider_user).get(mine.get_absolute_url())
    assert page.status_code == 200
    assert "Ness Bank Care Home" in page.content.decode()


def test_inspector_searches_the_register(client_for, inspector):
    factories.CareServiceFactory(name="Ness Bank Care Home")
    factories.CareServiceFactory(name="Little Acorns Nursery", service_type="day_care_of_children")
    client = client_for(inspector)
    page = client.get(reverse("organisations:service-list"), {"q": "acorns"}).content.decode()
    assert "Little Acorns Nursery" in page and "Ness Bank" not in page
    page = client.get(reverse("organisations:service-list"), {"service_type": "nonsense"}).content.decode()
    assert "Select a valid choice" in page


def test_anonymous_visitor_cannot_see_the_register(client, db):
    assert client.get(reverse("organisations:service-list")).status_code == 302


def test_service_list_queries_do_not_grow_with_services(client_for, inspector, django_assert_max_num_queries):
    client = client_for(inspector)
    factories.CareServiceFactory.create_batch(3)
    with django_assert_max_num_queries(10):
        client.get(reverse("organisations:service-list"))
    factories.CareServiceFactory.create_batch(40)
    with django_assert_max_num_queries(10):
        client.get(reverse("organisations:service-list"))


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_twice(settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (User.objects.count(), CareService.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), CareService.objects.count()) == counts
    assert User.objects.filter(email="coordinator@dundeecity.example", local_authority__name="Dundee City").exists()


@pytest.mark.django_db
def test_load_demo_refuses_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing"):
        call_command("load_demo")


def test_service_page_shows_the_inspection_flag_and_benchmark_link_to_inspectors(client_for, inspector, provider_user):
    from annual_returns.variations.models import VariationRequest

    service = factories.CareServiceFactory(provider=provider_user.provider)
    page = client_for(inspector).get(service.get_absolute_url()).content.decode()
    assert "look at all quality themes" not in page
    assert "benchmarks" in page
    VariationRequest.objects.create(
        service=service,
        kind="skills_mix",
        reason="Skills mix",
        inspect_all_quality_themes=True,
        created_by=provider_user,
    )
    for user in (inspector, provider_user):
        page = client_for(user).get(service.get_absolute_url()).content.decode()
        assert "the next inspection looks at all quality themes" in page
    assert "benchmarks" not in client_for(provider_user).get(service.get_absolute_url()).content.decode()
