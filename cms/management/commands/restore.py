"""Restore a backup archive (`manage.py backup`) into an empty database."""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Revision

from base.signals import content_replaced
from cms.backups import DATA_NAME, MEDIA_NAME, upgrade

# A freshly migrated database holds Wagtail's root page and one welcome page.
PAGES_IN_AN_EMPTY_SITE = 2


class Command(BaseCommand):
    help = "Restore a backup archive into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A backup-<date>.tar.gz file.")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        try:
            with tarfile.open(path, "r:gz") as tar:
                data = tar.extractfile(DATA_NAME).read()
                media = [m for m in tar.getmembers() if m.name.startswith(MEDIA_NAME)]
                self.check_empty()
                with transaction.atomic():
                    # Migrate made rows the backup also holds (the site, the
                    # settings): they go, and the backup's own come back.
                    call_command("flush", interactive=False, verbosity=0)
                    # A file of its own: two restores at once (two sites on
                    # one VAR_DIR, the two test suites) never read each other's.
                    handle, name = tempfile.mkstemp(
                        prefix="restore-", suffix=".json", dir=settings.VAR_DIR
                    )
                    fixture = Path(name)
                    try:
                        with os.fdopen(handle, "w") as file:
                            json.dump(upgrade(json.loads(data)), file)
                        call_command("loaddata", fixture, verbosity=0)
                    finally:
                        fixture.unlink()
                tar.extractall(
                    Path(settings.MEDIA_ROOT).parent,
                    members=[rename(m, settings.MEDIA_ROOT) for m in media],
                    filter="data",
                )
        except (tarfile.TarError, KeyError, EOFError, ValueError) as error:
            raise CommandError(f"{path} is not a readable backup: {error}") from error

        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0, stdout=io.StringIO())
        content_replaced.send(sender=Page)
        self.stdout.write(
            f"Restored {Page.objects.count() - 1} pages, "
            f"{Revision.objects.count()} revisions and media files: {len(media)}, "
            f"from {path}."
        )

    def check_empty(self):
        if Page.objects.count() > PAGES_IN_AN_EMPTY_SITE or Revision.objects.exists():
            raise CommandError(
                "This database already holds content, and a restore would replace "
                "it. Restore into a new, empty database: point DATABASE_URL at one "
                "(or move var/db.sqlite3 aside), run `manage.py migrate`, then "
                "restore."
            )


def rename(member, media_root):
    """The archive's media/... lands in MEDIA_ROOT, whatever it is called."""
    member.name = str(Path(Path(media_root).name, *Path(member.name).parts[1:]))
    return member
