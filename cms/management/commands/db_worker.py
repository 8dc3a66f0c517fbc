"""django-tasks-db's `db_worker`, which outlives the database going away.

Its own loop exits on any database error but a locked SQLite file, so a
database restart stopped the worker until systemd started it again (and
systemd gives up after a few quick failures). This one waits, a second and
then longer, up to a minute between tries, and carries on where it was; it
stops only when told to (SIGTERM, Ctrl+C). Options are db_worker's own,
and `--max-memory-mb`, a cap on the worker's own memory: a task that needs
more gets a MemoryError it can report, instead of the machine running out.
"""

import logging
import resource
import time

from django.db import DatabaseError, connections
from django_tasks_db.management.commands import db_worker

from readership.tasks import keep_folding

logger = logging.getLogger("django_tasks_db")
LONGEST_WAIT_SECONDS = 60


class Command(db_worker.Command):
    help = db_worker.Command.help + ", waiting out a database that goes away"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-memory-mb",
            type=int,
            help="The most memory (heap and private mappings) this worker may "
            "use, in MB; over it, allocating fails with a MemoryError.",
        )

    def handle(self, *args, max_memory_mb=None, **options):
        if max_memory_mb:
            _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
            limit = max_memory_mb * 2**20
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
        wait = 1
        while True:
            started = time.monotonic()
            try:
                if options["queue_name"] in ("default", "*"):
                    # The readership counts' round of folds (readership/tasks.py).
                    keep_folding()
                return super().handle(*args, **options)
            except DatabaseError as error:  # InterfaceError among them
                if time.monotonic() - started > LONGEST_WAIT_SECONDS:
                    wait = 1  # it had been running well: a new outage
                logger.warning(
                    "The database cannot be reached (%s); trying again in %d s.",
                    str(error).strip() or type(error).__name__,
                    wait,
                )
                connections.close_all()
                time.sleep(wait)
                wait = min(wait * 2, LONGEST_WAIT_SECONDS)
