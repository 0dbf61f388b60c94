from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Secure document exchange between a review team and each area's co-ordinator."""

    name = "reviews.documents"
    label = "documents"
    verbose_name = "Document exchange"

    def ready(self):
        from reviews.documents import checks, emails  # noqa: F401 - registers email templates and checks
