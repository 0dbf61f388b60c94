from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Secure document exchange between a review team and each area's co-ordinator."""

    name = "reviews.documents"
    label = "documents"
    verbose_name = "Document exchange"
