"""The import, and its preview, as background work: the import worker runs
them (its own queue, "imports"), so the therapist can close her browser, no
request reads an export (however large or hostile), and the notices in the
other queue never wait."""

import resource
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import close_old_connections
from django.utils import timezone
from django_tasks import task

from importing.models import ImportRun
from importing.run import Importer, default_blog_index
from importing.sources import SourceError, read


@task(backend="background", queue_name="imports")
def import_export(run_id):
    """Import an uploaded export, carrying on where an earlier attempt of
    the same import stopped."""
    run = ImportRun.objects.get(pk=run_id)
    run.status, run.error = ImportRun.Status.RUNNING, ""
    run.save(update_fields=["status", "error", "updated_at"])
    try:
        # The import runs while the file is at hand: a zip's pictures are
        # read from it as each article is written.
        with local_copy(run.export_file) as path:
            report = read_and_import(run, path)
    except SourceError as error:
        reason = str(error).removeprefix(f"{run.filename}: ")
        finish(run, ImportRun.Status.FAILED, f"{reason[:1].upper()}{reason[1:]}.")
        return
    except MemoryError:
        # The worker's own cap (db_worker --max-memory-mb): what this import
        # held is freed with its frames, and the worker carries on.
        close_old_connections()
        finish(
            run,
            ImportRun.Status.FAILED,
            f"This file needs more memory than the import worker may use "
            f"({memory_cap()}), so it was refused. What was finished is kept. "
            "Split the export into smaller files and import each.",
        )
        return
    except Exception as error:
        close_old_connections()
        finish(
            run,
            ImportRun.Status.FAILED,
            f"The import stopped with an unexpected error ({type(error).__name__}). "
            "What it finished is kept; you can carry on from there.",
        )
        raise
    run.summary["failed"] += report.failed
    run.summary["notes"] = report.notes
    finish(run, ImportRun.Status.DONE)


def read_and_import(run, path):
    entries, failures, skipped = read(path, name=run.filename)
    parent = default_blog_index()
    if parent is None:
        raise SourceError("there is no blog index to import into; create one first")
    if not entries and not failures:
        raise SourceError("this export holds no articles to import")
    run.total = len(entries)
    run.summary = {"skipped": dict(skipped), "failed": failures, "notes": []}
    run.save(update_fields=["total", "summary", "updated_at"])
    if run.preview:
        report = Importer(parent, publish=run.publish, dry_run=True).run(entries)
        run.summary["articles"] = [preview_row(a) for a in report.articles]
    else:
        report = Importer(parent, publish=run.publish, run=run, user=run.user).run(
            entries
        )
    return report


def preview_row(article):
    """One article of a preview's report, kept with the run (a preview writes
    no article rows)."""
    return {
        "title": article.title,
        "created": article.created,
        "published": article.published,
        **article.as_json(),
    }


def memory_cap():
    limit, _hard = resource.getrlimit(resource.RLIMIT_DATA)
    if limit == resource.RLIM_INFINITY:
        return "the machine's memory"
    return f"{limit / 2**20:,.0f} MB"


def finish(run, status, error=""):
    run.status, run.error, run.finished_at = status, error, timezone.now()
    run.save(update_fields=["status", "error", "finished_at", "summary", "updated_at"])


@contextmanager
def local_copy(field_file):
    """A path to the stored export: its own on disk, else a temporary copy
    (an export kept in object storage)."""
    try:
        path = field_file.path
    except NotImplementedError:  # a storage with no files on this disk
        path = None
    if path:
        yield Path(path)
        return
    with tempfile.NamedTemporaryFile(suffix=Path(field_file.name).suffix) as copy:
        with field_file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        yield Path(copy.name)
