"""Delete consultation requests older than CONSULTATION_RETENTION_DAYS. Run it
daily, like publish_scheduled (README, "Consultation requests")."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.limits import WINDOW
from consultations.models import ConsultationRequest, RecentRequest


class Command(BaseCommand):
    help = "Delete consultation requests older than CONSULTATION_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted, _ = ConsultationRequest.objects.expired().delete()
        RecentRequest.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()
        days = settings.CONSULTATION_RETENTION_DAYS
        self.stdout.write(
            f"Deleted {deleted} consultation request{'s' * (deleted != 1)} "
            f"older than {days} days."
        )
