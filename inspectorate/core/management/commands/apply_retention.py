from django.core.management.base import BaseCommand

from inspectorate import retention


class Command(BaseCommand):
    help = "Delete or anonymise data whose retention period has passed (the schedule in docs/security.md)."

    def handle(self, *args, **options):
        for kind, count in retention.apply_all().items():
            self.stdout.write(f"{kind}: {count} row(s) deleted or anonymised")
