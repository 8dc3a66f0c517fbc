"""The worker folds the counts into the database every READERSHIP_FOLD_SECONDS.

The fold is a task that, done or failed, enqueues the next one; the worker
starts the round when it starts (cms/management/commands/db_worker.py), so a
stopped worker's round resumes with it. At most one fold waits at a time.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from readership.folding import fold

MIN_FOLD_SECONDS = 10


@task(backend="background")
def fold_reads():
    try:
        return fold()
    finally:
        # At least a few seconds apart: a worker run until its queue is
        # empty (--batch) must find none due, or it would never stop.
        seconds = max(settings.READERSHIP_FOLD_SECONDS, MIN_FOLD_SECONDS)
        keep_folding(after=timedelta(seconds=seconds))


def keep_folding(after=timedelta(0)):
    """Enqueue the next fold, unless counting is off or one already waits."""
    if not settings.READERSHIP_COUNTS:
        return
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=fold_reads.module_path
    )
    if not waiting.exists():
        fold_reads.using(run_after=timezone.now() + after).enqueue()
