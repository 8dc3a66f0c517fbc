"""The admin's Import page: an export is stored and handed to the import
worker, to preview or to import; each run's page shows its progress and
report, and a preview's offers to import the same file."""

from collections import Counter
from pathlib import Path

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from importing.forms import ImportForm
from importing.models import ImportRun
from importing.report import ArticleReport, Report
from importing.run import default_blog_index
from importing.tasks import import_export

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
        """Store the upload and hand it to the import worker, to preview or
        to import: reading it, however large, happens there."""
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if default_blog_index() is None:
            form.add_error(None, "There is no blog to import into yet; add one first.")
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["export_file"]
        run = ImportRun.objects.create(
            user=request.user,
            filename=Path(upload.name).name,
            export_file=upload,
            publish=form.cleaned_data["publish"],
            preview=request.POST.get("action") != "import",
        )
        import_export.enqueue(run.pk)
        return redirect(run.get_absolute_url())


class ImportRunView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "importing/import_run.html"
    header_icon = "download"

    def dispatch(self, request, pk):
        self.run = get_object_or_404(ImportRun, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        what = "Preview" if self.run.preview else "Import"
        return f"{what} of {self.run.filename}"

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
        if run.preview:
            rows = summary.get("articles", [])
            articles = [ArticleReport.from_preview(row) for row in rows]
        else:
            # Counted from the articles themselves: exact even when the
            # worker stopped between two progress updates.
            articles = [ArticleReport.from_row(row) for row in run.articles.all()]
        written = context["written"] = len(articles)
        context["percent"] = 100 * written // run.total if run.total else 0
        context["report"] = Report(
            articles=articles,
            skipped=Counter(summary.get("skipped", {})),
            failed=[tuple(failure) for failure in summary.get("failed", [])],
            notes=summary.get("notes", []),
        )
        return context

    def post(self, request, pk):
        """Import what a finished preview read, from the same stored file; or
        carry on an import whose worker stopped: what it wrote is kept and
        skipped, the rest is written."""
        if request.POST.get("action") == "import":
            if not (self.run.preview and self.run.status == ImportRun.Status.DONE):
                return redirect(self.run.get_absolute_url())
            run = ImportRun.objects.create(
                user=request.user,
                filename=self.run.filename,
                export_file=self.run.export_file.name,
                publish=self.run.publish,
            )
            import_export.enqueue(run.pk)
            return redirect(run.get_absolute_url())
        if self.run.can_resume:
            self.run.status = ImportRun.Status.QUEUED
            self.run.save(update_fields=["status", "updated_at"])
            import_export.enqueue(self.run.pk)
            messages.success(request, "The import will carry on where it stopped.")
        return redirect(self.run.get_absolute_url())
