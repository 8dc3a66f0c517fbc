"""Delete addresses never confirmed within seven days. Run it daily, with
purge_consultation_requests (README, "Subscribers")."""

from django.core.management.base import BaseCommand

from subscriptions.models import Subscriber


class Command(BaseCommand):
    help = "Delete subscribers who did not confirm within seven days."

    def handle(self, *args, **options):
        _, counts = Subscriber.objects.unconfirmed_expired().delete()
        deleted = counts.get(Subscriber._meta.label, 0)
        self.stdout.write(
            f"Deleted {deleted} unconfirmed address{'es' * (deleted != 1)}."
        )
