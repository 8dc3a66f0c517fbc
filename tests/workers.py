"""The real background worker, run in the test's own process."""

import io

from django.core.management import call_command


def work(queue="*"):
    """The site's worker (cms/management/commands/db_worker.py) for `queue`
    (every queue unless told), until it is empty."""
    call_command(
        "db_worker",
        "--backend",
        "background",
        "--queue-name",
        queue,
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
