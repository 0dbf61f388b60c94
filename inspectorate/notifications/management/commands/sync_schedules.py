"""manage.py sync_schedules: put settings.CELERY_BEAT_SCHEDULE into the admin-editable beat tables."""

from django.core.management.base import BaseCommand

from inspectorate.notifications import schedules


class Command(BaseCommand):
    help = (
        "Create or update django-celery-beat periodic tasks from settings.CELERY_BEAT_SCHEDULE. "
        "Safe to run any number of times; a task an administrator switched off stays off."
    )

    def handle(self, *args, **options):
        created, updated = schedules.sync()
        self.stdout.write(f"Periodic tasks: {len(created)} created, {len(updated)} updated.")
        for name in created:
            self.stdout.write(f"  created {name}")
        for name in updated:
            self.stdout.write(f"  updated {name}")
