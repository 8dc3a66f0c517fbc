"""Folding the cache's counts into the database, from the worker.

Each count is taken out of the cache with an atomic decrement by what was
read, then added to its day's row; should the database refuse, it goes back
into the cache for the next fold. Two folds at once never take a read twice:
the one whose decrement goes below zero puts it back.
"""

import itertools
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from blog.models import ArticlePage
from readership.counting import count_key, counts_cache
from readership.models import DailyReads

# Counts are looked for this many days back: a worker stopped for less than
# a week loses nothing.
DAYS_LOOKED_BACK = 7
BATCH = 1000


def counted_keys(today):
    """Every (key, day, article id) a count may sit under, a batch at a time."""
    days = [today - timedelta(days=back) for back in range(DAYS_LOOKED_BACK)]
    ids = ArticlePage.objects.order_by("pk").values_list("pk", flat=True)
    pairs = ((count_key(day, pk), day, pk) for pk in ids.iterator() for day in days)
    while batch := list(itertools.islice(pairs, BATCH)):
        yield batch


def add_reads(article_id, day, reads):
    with transaction.atomic():
        row, created = DailyReads.objects.get_or_create(
            article_id=article_id, day=day, defaults={"reads": reads}
        )
        if not created:
            DailyReads.objects.filter(pk=row.pk).update(reads=F("reads") + reads)


def fold():
    """Move every count in the cache into the database; returns the reads
    moved. Yesterday's and older keys, once empty, are deleted."""
    cache = counts_cache()
    today = timezone.localdate()
    moved = 0
    for batch in counted_keys(today):
        found = cache.get_many([key for key, _day, _pk in batch])
        for key, day, article_id in batch:
            reads = int(found.get(key) or 0)
            if reads <= 0:
                continue
            try:
                left = cache.decr(key, reads)
            except ValueError:  # deleted by another fold meanwhile
                continue
            if left is None:  # the cache stopped answering: next time
                continue
            if left < 0:  # another fold took them first
                cache.incr(key, reads)
                continue
            try:
                add_reads(article_id, day, reads)
            except Exception:
                cache.incr(key, reads)
                raise
            moved += reads
            if left == 0 and day < today - timedelta(days=1):
                cache.delete(key)
    return moved
