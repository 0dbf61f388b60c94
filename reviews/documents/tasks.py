"""Celery tasks for the document exchange: thin, take ids, safe to run twice."""

from celery import shared_task

from reviews.documents import bundles, reminders, retention


@shared_task
def build_area_bundle(bundle_id):
    return bundles.build(bundle_id)


@shared_task
def send_due_reminders():
    return reminders.send_due_reminders()


@shared_task
def purge_expired_documents():
    return {review.pk: files for review, files in retention.purge_expired().items()}
