"""The real background worker, run in the test's own process."""

import io

from django.core.management import call_command


def work():
    """django-tasks-db's worker for the import queue, until it is empty."""
    call_command(
        "db_worker",
        "--backend",
        "background",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
