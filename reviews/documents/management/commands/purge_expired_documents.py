from django.core.management.base import BaseCommand

from reviews.documents.retention import purge_expired


class Command(BaseCommand):
    help = "Delete the uploaded documents of reviews whose retention period has ended, and old zips."

    def handle(self, *args, **options):
        purged = purge_expired()
        for review, files in purged.items():
            self.stdout.write(f"Deleted {files} file(s) of {review}")
        if not purged:
            self.stdout.write("No review's documents were due for deletion.")
