"""Organisations the service knows: local authorities, providers and their registered care services."""

from django.db import models
from django.urls import reverse

from inspectorate.scoping import Scope, ScopedQuerySet


class LocalAuthority(models.Model):
    """One of Scotland's 32 council areas, known by its official name and GSS code.

    Reviews take place in local authority areas, and annual-return statistics are published by them.
    """

    name = models.CharField(max_length=100, unique=True)
    gss_code = models.CharField("GSS code", max_length=9, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = ScopedQuerySet.as_manager()
    scope = Scope(area="pk", staff_all=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class SchoolHoliday(models.Model):
    """A run of school-holiday days in one local authority, entered by an administrator.

    Inspection timelines are moved past these, as well as past Scottish public holidays.
    """

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="school_holidays")
    name = models.CharField(max_length=100, help_text="For example, October holiday")
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["local_authority", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="holiday_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.local_authority}: {self.name} ({self.starts_on:%d %b %Y} to {self.ends_on:%d %b %Y})"


class Provider(models.Model):
    """An organisation, company or person registered to provide one or more care services."""

    name = models.CharField(max_length=200)
    provider_number = models.CharField(max_length=20, unique=True, help_text="The regulator's provider reference")

    objects = ScopedQuerySet.as_manager()
    scope = Scope(provider="pk", staff_all=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ServiceType(models.TextChoices):
    """The regulator's registered care service types."""

    ADOPTION = "adoption", "Adoption service"
    ADULT_PLACEMENT = "adult_placement", "Adult placement service"
    CARE_HOME_OLDER_PEOPLE = "care_home_older_people", "Care home service: older people"
    CARE_HOME_ADULTS = "care_home_adults", "Care home service: adults"
    CARE_HOME_CHILDREN = "care_home_children", "Care home service: children and young people"
    CHILDCARE_AGENCY = "childcare_agency", "Childcare agency"
    CHILDMINDING = "childminding", "Child minding"
    DAY_CARE_OF_CHILDREN = "day_care_of_children", "Day care of children"
    FOSTERING = "fostering", "Fostering service"
    HOUSING_SUPPORT = "housing_support", "Housing support service"
    NURSE_AGENCY = "nurse_agency", "Nurse agency"
    OFFENDER_ACCOMMODATION = "offender_accommodation", "Offender accommodation service"
    SCHOOL_CARE_ACCOMMODATION = "school_care_accommodation", "School care accommodation service"
    SECURE_ACCOMMODATION = "secure_accommodation", "Secure accommodation service"
    SUPPORT_SERVICE = "support_service", "Support service"

    @classmethod
    def care_homes(cls):
        return [cls.CARE_HOME_OLDER_PEOPLE, cls.CARE_HOME_ADULTS, cls.CARE_HOME_CHILDREN]


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    CANCELLED = "cancelled", "Cancelled"


class CareService(models.Model):
    """A registered care service, known by its registration number (for example CS2003001234)."""

    registration_number = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="services")
    service_type = models.CharField(max_length=40, choices=ServiceType.choices)
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="care_services")
    registered_on = models.DateField()
    status = models.CharField(max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Registered places, where the service has a limit"
    )

    objects = ScopedQuerySet.as_manager()
    scope = Scope(provider="provider", area="local_authority", staff_all=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["service_type", "local_authority"])]

    def __str__(self):
        return f"{self.name} ({self.registration_number})"

    def get_absolute_url(self):
        return reverse("organisations:service-detail", args=[self.registration_number])

    @property
    def is_care_home(self):
        return self.service_type in ServiceType.care_homes()
