"""Load realistic demo data from the regulator's own pages. Safe to run again: nothing is duplicated."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inspectorate.core import demo


class Command(BaseCommand):
    help = "Create demo users, organisations and each app's demo data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true", help="Load even with DJANGO_DEBUG=false (never on live data)"
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Refusing to load demo accounts with DJANGO_DEBUG=false. Pass --allow-production to insist."
            )
        with transaction.atomic():
            people = demo.load()
            for app in settings.INSTALLED_APPS:
                if app == "inspectorate.core":
                    continue
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app}.demo":
                        raise
                    continue
                module.load(people)
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Sign in at http://127.0.0.1:8000/ with any of:"))
        for user in people.values():
            self.stdout.write(f"  {user.get_role_display():32} {user.email:45} password: {demo.PASSWORD}")
