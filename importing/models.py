"""An import as the therapist started it, and each article it has written.

Each article and its `ImportedArticle` row commit together, so a worker
stopped at any point leaves every article fully written or not at all, and
the rows say where to carry on.
"""

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone

# A running import writes its progress after every article; one that has said
# nothing for this long has lost its worker.
STALLED_AFTER = timedelta(minutes=2)


def upload_storage():
    """Exports are private: kept outside the public media folder."""
    return storages["imports"]


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped with an error"

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    filename = models.CharField(max_length=255)
    export_file = models.FileField(
        storage=upload_storage, upload_to="exports/%Y/%m/", blank=True
    )
    publish = models.BooleanField(default=False)
    # A preview reads the export in the worker and writes nothing; its report
    # is kept in `summary`, and its page offers to import the same file.
    preview = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # What the sources said before any article was written: skipped kinds,
    # unreadable entries, notes. Each article's own part is its row below.
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("import_articles", "Can import articles from another blog")]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("importing:detail", args=[self.pk])

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def stalled(self):
        """Started, but its worker has gone quiet: stopped or restarted."""
        return (
            self.status == self.Status.RUNNING
            and timezone.now() - self.updated_at > STALLED_AFTER
        )

    @property
    def waiting_long(self):
        """Queued for longer than a worker takes to pick a task up."""
        return (
            self.status == self.Status.QUEUED
            and timezone.now() - self.updated_at > STALLED_AFTER
        )

    @property
    def can_resume(self):
        return self.stalled or (
            self.status == self.Status.FAILED and bool(self.export_file)
        )


class ImportedArticle(models.Model):
    """One article an import has written, and what it found in it."""

    run = models.ForeignKey(
        ImportRun, related_name="articles", on_delete=models.CASCADE
    )
    key = models.CharField(max_length=500)
    title = models.CharField(max_length=255)
    page = models.ForeignKey(
        "blog.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.BooleanField(default=True)
    published = models.BooleanField(default=False)
    # parts, vignettes (kind, pseudonyms), links resolved and unresolved,
    # reasons to check it before publishing, dropped shortcodes
    details = models.JSONField(default=dict)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "key"], name="one_row_per_article")
        ]

    def __str__(self):
        return self.title
