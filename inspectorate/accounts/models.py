"""People who sign in, and the role that decides what they may see and do."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    INSPECTOR = "inspector", "Inspector"
    SUPPORT_OFFICER = "support_officer", "Strategic support officer"
    COORDINATOR = "coordinator", "Local authority co-ordinator"
    PROVIDER = "provider", "Provider user"
    ADMINISTRATOR = "administrator", "Administrator"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("full_name", "Administrator")
        fields["role"] = Role.ADMINISTRATOR
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in with their email address.

    Inspectors and strategic support officers work on reviews; a local-authority co-ordinator is
    tied to one local authority; a provider user to one provider; administrators use Django admin.
    """

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=20, choices=Role.choices)
    local_authority = models.ForeignKey(
        "organisations.LocalAuthority", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    provider = models.ForeignKey(
        "organisations.Provider", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    email_digest = models.BooleanField(
        "daily summary email", default=False, help_text="One summary email a day instead of an email for each notice"
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, editable=False, help_text="Set from the role: administrators only")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    def clean(self):
        super().clean()
        self.email = self.email.lower()
        if self.role == Role.COORDINATOR and not self.local_authority_id:
            raise ValidationError({"local_authority": "A co-ordinator must belong to a local authority."})
        if self.role == Role.PROVIDER and not self.provider_id:
            raise ValidationError({"provider": "A provider user must belong to a provider."})
        if self.role != Role.COORDINATOR and self.local_authority_id:
            raise ValidationError({"local_authority": "Only co-ordinators belong to a local authority."})
        if self.role != Role.PROVIDER and self.provider_id:
            raise ValidationError({"provider": "Only provider users belong to a provider."})

    def save(self, *args, **kwargs):
        # Administrators are the only people who use Django admin, and they manage everything in it.
        self.is_staff = self.is_superuser = self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_administrator(self):
        return self.role == Role.ADMINISTRATOR

    @property
    def is_regulator_staff(self):
        """Inspectors and strategic support officers: the people who run reviews."""
        return self.role in (Role.INSPECTOR, Role.SUPPORT_OFFICER)

    @property
    def is_coordinator(self):
        return self.role == Role.COORDINATOR

    @property
    def is_provider_user(self):
        return self.role == Role.PROVIDER
