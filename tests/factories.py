"""Factories for the shared core: people, local authorities, providers and services."""

from datetime import date

import factory
from django.utils.text import slugify

from inspectorate.accounts.models import Role, User
from inspectorate.organisations.local_authorities import LOCAL_AUTHORITIES
from inspectorate.organisations.models import CareService, LocalAuthority, Provider, ServiceType

PASSWORD = "correct-horse-battery-staple"


def local_authority(name):
    """One of the 32 areas. The data migration creates them; a transactional test's flush removes
    them, so they are created again here when missing."""
    if not LocalAuthority.objects.exists():
        LocalAuthority.objects.bulk_create(
            LocalAuthority(name=la_name, gss_code=code, slug=slugify(la_name)) for la_name, code in LOCAL_AUTHORITIES
        )
    return LocalAuthority.objects.get(name=name)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n} Ltd")
    provider_number = factory.Sequence(lambda n: f"SP2000{n:06d}")


class CareServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareService

    registration_number = factory.Sequence(lambda n: f"CS2000{n:06d}")
    name = factory.Sequence(lambda n: f"Service {n}")
    provider = factory.SubFactory(ProviderFactory)
    service_type = ServiceType.CARE_HOME_OLDER_PEOPLE
    local_authority = factory.LazyFunction(lambda: local_authority("Highland"))
    registered_on = date(2010, 1, 1)
    capacity = 40


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.INSPECTOR
    password = factory.django.Password(PASSWORD)


def inspector(**kwargs):
    return UserFactory(role=Role.INSPECTOR, **kwargs)


def support_officer(**kwargs):
    return UserFactory(role=Role.SUPPORT_OFFICER, **kwargs)


def administrator(**kwargs):
    return UserFactory(role=Role.ADMINISTRATOR, **kwargs)


def coordinator(area_name="Dundee City", **kwargs):
    return UserFactory(role=Role.COORDINATOR, local_authority=local_authority(area_name), **kwargs)


def provider_user(provider=None, **kwargs):
    return UserFactory(role=Role.PROVIDER, provider=provider or ProviderFactory(), **kwargs)
