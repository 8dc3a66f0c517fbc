"""python manage.py import_articles PATH [PATH ...]"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from blog.importing.run import Importer
from blog.importing.sources import FORMATS, SourceError, read
from blog.models import BlogIndexPage


class Command(BaseCommand):
    help = (
        "Import articles from a Blogger or WordPress export, Markdown or plain "
        "text. They arrive as drafts, split into their parts and linked."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=FORMATS, default="auto")
        parser.add_argument(
            "--parent", help="the blog index to import into: its id or its path"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish what can be published; articles with a vignette stay "
            "drafts until you confirm it is de-identified",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report only; write nothing"
        )
        parser.add_argument("--title", help="the title of a plain-text article")
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="also import the old blog's unpublished drafts",
        )

    def handle(self, *args, **options):
        parent = self.parent(options["parent"])
        entries, failures, skipped = [], [], Counter()
        for path in options["paths"]:
            try:
                found, failed, passed_over = read(
                    path,
                    options["format"],
                    title=options["title"],
                    include_drafts=options["include_drafts"],
                )
            except SourceError as error:
                failures.append((path, str(error).removeprefix(f"{path}: ")))
                continue
            entries += found
            failures += failed
            skipped += passed_over
        with transaction.atomic():
            importer = Importer(parent, options["publish"], self.progress)
            report = importer.run(entries)
            if options["dry_run"]:
                transaction.set_rollback(True)
        report.failed = failures + report.failed
        report.skipped.update(skipped)
        self.summarise(report, options["dry_run"])
        if report.failed:
            raise CommandError(f"{len(report.failed)} could not be imported.")

    def parent(self, given):
        if given:
            page = (
                Page.objects.filter(pk=int(given)).first()
                if given.isdecimal()
                else next(
                    (p for p in BlogIndexPage.objects.all() if p.url == given), None
                )
            )
            if page is None or not isinstance(page.specific, BlogIndexPage):
                raise CommandError(
                    f"--parent {given}: no blog index has that id or path."
                )
            return page.specific
        site = Site.objects.filter(is_default_site=True).first()
        blog = (
            BlogIndexPage.objects.descendant_of(site.root_page).first()
            if site
            else None
        ) or BlogIndexPage.objects.first()
        if blog is None:
            raise CommandError(
                "There is no blog index to import into; create one first."
            )
        return blog

    def progress(self, done, total):
        if self.stdout.isatty():
            width = 30
            filled = width * done // total
            self.stdout.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
            )
            if done == total:
                self.stdout.write("")

    def summarise(self, report, dry_run):
        write = self.stdout.write
        if dry_run:
            write("Dry run: nothing was written. This is what an import would do.")
        rows = [
            ("created", len(report.created)),
            ("updated", len(report.updated)),
            ("skipped", sum(report.skipped.values())),
            ("failed", len(report.failed)),
            ("vignettes found", report.vignettes),
            ("links resolved", report.links_resolved),
            ("links unresolved", len(report.unresolved)),
            ("without any section", len(report.without_sections)),
        ]
        write("")
        for label, count in rows:
            write(f"  {label:<22}{count:>6}")
        if report.skipped:
            kinds = ", ".join(
                f"{n} {kind}" for kind, n in sorted(report.skipped.items())
            )
            write(f"\nSkipped: {kinds}.")
        if report.unresolved:
            write("\nPointers that match no article (left as text):")
            for title, pointer in report.unresolved:
                write(f"  {title}: “{pointer}”")
        if report.without_sections:
            write("\nNo introduction, vignette or other section was recognised in:")
            for title in report.without_sections:
                write(f"  {title}")
        if report.kept_as_drafts:
            write("\nKept as drafts until you tick “de-identified” on their vignette:")
            for title in report.kept_as_drafts:
                write(f"  {title}")
        for note in report.notes:
            write(f"\n{note}")
        if report.failed:
            self.stderr.write("\nCould not be imported:")
            for source, reason in report.failed:
                self.stderr.write(f"  {source}: {reason}")
        elif not dry_run and (report.created or report.updated):
            write(
                "\nThe articles are in Pages > Blog. Review each one, and tick "
                "“de-identified” on its vignette before publishing it."
            )
