"""Carry on sending every article email that has not finished: after the
worker was stopped mid-send, a backup was restored, or the mail server
stopped the sending and has been fixed. Nobody gets a second copy
(subscriptions/tasks.py). The worker's unit runs it as it starts."""

from django.core.management.base import BaseCommand

from subscriptions.models import Mailing
from subscriptions.tasks import resume


class Command(BaseCommand):
    help = "Carry on sending article emails that have not finished."

    def handle(self, *args, **options):
        unfinished = Mailing.objects.filter(
            status__in=[Mailing.QUEUED, Mailing.SENDING, Mailing.STOPPED]
        )
        for mailing in unfinished:
            resume(mailing)
        count = len(unfinished)
        self.stdout.write(f"Resumed {count} article email{'s' * (count != 1)}.")
