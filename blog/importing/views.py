"""The admin's Import page: preview an export, start its import in the
background, and read each import's progress and report."""

import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from blog.importing.forms import ImportForm
from blog.importing.models import ImportRun
from blog.importing.report import ArticleReport, Report
from blog.importing.run import Importer, default_blog_index
from blog.importing.tasks import import_export

PERMISSION = "importing.import_articles"


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "importing/import_index.html"
    page_title = "Import"
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": "Import"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["runs"] = ImportRun.objects.select_related("user")[:50]
        context["blog"] = default_blog_index()
        return context

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        action = request.POST.get("action")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if default_blog_index() is None:
            form.add_error(None, "There is no blog to import into yet; add one first.")
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["export_file"]
        with uploaded_path(upload) as path:
            found = form.read(path)
        if found is None:
            return self.render_to_response(self.get_context_data(form=form))
        if action == "import":
            run = ImportRun.objects.create(
                user=request.user,
                filename=Path(upload.name).name,
                export_file=upload,
                publish=form.cleaned_data["publish"],
            )
            import_export.enqueue(run.pk)
            return redirect(run.get_absolute_url())
        entries, failures, skipped = found
        report = Importer(default_blog_index(), dry_run=True).run(entries)
        report.failed = failures + report.failed
        report.skipped.update(skipped)
        return self.render_to_response(
            self.get_context_data(form=ImportForm(), report=report, preview=True)
        )


@contextmanager
def uploaded_path(upload):
    """The upload as a file on disk: Django keeps large ones there already."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        yield Path(copy.name)


class ImportRunView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "importing/import_run.html"
    header_icon = "download"

    def dispatch(self, request, pk):
        self.run = get_object_or_404(ImportRun, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return f"Import of {self.run.filename}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("importing:index"), "label": "Import"},
            {"url": "", "label": self.run.filename},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.run
        summary = run.summary or {}
        context["run"] = run
        # Counted from the articles themselves: exact even when the worker
        # stopped between two progress updates.
        written = context["written"] = run.articles.count()
        context["percent"] = 100 * written // run.total if run.total else 0
        context["report"] = Report(
            articles=[ArticleReport.from_row(row) for row in run.articles.all()],
            skipped=Counter(summary.get("skipped", {})),
            failed=[tuple(failure) for failure in summary.get("failed", [])],
            notes=summary.get("notes", []),
        )
        return context

    def post(self, request, pk):
        """Carry on an import whose worker stopped: what it wrote is kept and
        skipped, the rest is written."""
        if self.run.can_resume:
            self.run.status = ImportRun.Status.QUEUED
            self.run.save(update_fields=["status", "updated_at"])
            import_export.enqueue(self.run.pk)
            messages.success(request, "The import will carry on where it stopped.")
        return redirect(self.run.get_absolute_url())
