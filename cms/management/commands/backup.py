"""Write a dated backup archive of the content and media (cms/backups.py)."""

import io
import json
import os
import tarfile
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Collection

from cms.backups import DATA_NAME, EXCLUDED_MODELS, MEDIA_NAME, media_files


class Command(BaseCommand):
    help = "Write var/backups/backup-<date>-<time>.tar.gz: the content and media."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("BACKUP_DIR", settings.VAR_DIR / "backups"),
            help="Where the archive goes (default var/backups, or BACKUP_DIR).",
        )

    def handle(self, *args, output_dir, **options):
        output_dir = Path(output_dir)
        # Only the site's own user may list or read backups: they hold
        # password hashes and readers' addresses (README, "Backups").
        output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        output_dir.chmod(0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        archive = output_dir / f"backup-{stamp}.tar.gz"

        data = io.StringIO()
        call_command(
            "dumpdata",
            format="backup_json",
            natural_foreign=True,
            exclude=EXCLUDED_MODELS,
            stdout=data,
        )
        objects = name_root_collection(json.loads(data.getvalue()))
        encoded = json.dumps(objects, indent=1).encode()
        partial = archive.with_suffix(".partial")
        # Created 0600 from the start, so no other user can open it while it
        # is written.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)  # a stale partial file keeps its old mode
        with (
            os.fdopen(descriptor, "wb") as file,
            tarfile.open(fileobj=file, mode="w:gz") as tar,
        ):
            info = tarfile.TarInfo(DATA_NAME)
            info.size = len(encoded)
            info.mtime = int(datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(encoded))
            files = media_files(settings.MEDIA_ROOT) if local_media() else []
            for name in files:
                tar.add(Path(settings.MEDIA_ROOT) / name, f"{MEDIA_NAME}/{name}")
        # Renamed only once complete: a half-written archive never looks whole.
        partial.rename(archive)

        self.stdout.write(f"Backed up to {archive}")
        self.stdout.write(
            f"  {len(encoded):,} bytes of content, {len(files)} media files"
        )
        if not local_media():
            self.stdout.write(
                "  Media are in cloud storage, not in this archive: keep the "
                "bucket's own versioning or backups on."
            )


def name_root_collection(objects):
    """Wagtail gives the root collection an empty natural key, which loaddata
    cannot look up; refer to it by its name, as to any other collection."""
    root = Collection.get_first_root_node()
    collection_fields = {
        (model._meta.label_lower, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.many_to_one and field.related_model is Collection
    }
    for obj in objects:
        for name, value in obj["fields"].items():
            if (obj["model"], name) in collection_fields and value == []:
                obj["fields"][name] = [root.name]
    return objects


def local_media():
    """Media on this machine's disk, not in a bucket."""
    return isinstance(default_storage, FileSystemStorage)
