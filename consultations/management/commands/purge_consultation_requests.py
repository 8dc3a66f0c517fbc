"""Delete consultation requests older than CONSULTATION_RETENTION_DAYS. Run it
daily, like publish_scheduled (README, "Consultation requests")."""

from django.conf import settings
from django.core.management.base import BaseCommand

from base.limits import forget_expired
from consultations.models import ConsultationRequest


class Command(BaseCommand):
    help = "Delete consultation requests older than CONSULTATION_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted, _ = ConsultationRequest.objects.expired().delete()
        forget_expired()
        days = settings.CONSULTATION_RETENTION_DAYS
        self.stdout.write(
            f"Deleted {deleted} consultation request{'s' * (deleted != 1)} "
            f"older than {days} days."
        )
