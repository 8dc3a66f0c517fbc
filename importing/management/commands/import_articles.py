"""python manage.py import_articles PATH [PATH ...]"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from blog.models import BlogIndexPage
from importing.run import Importer, default_blog_index
from importing.sources import FORMATS, SourceError, read


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
            help="publish articles with no vignette and nothing that may be an "
            "unmarked client story; the rest stay drafts, listed under "
            "'check before publishing'",
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
        parent = blog_index(options["parent"])
        entries, failures, skipped = read_all(options["paths"], options)
        # Each article commits on its own: the site stays writable meanwhile,
        # and a stopped import keeps what it finished.
        importer = Importer(
            parent, options["publish"], self.progress, dry_run=options["dry_run"]
        )
        report = importer.run(entries)
        report.failed = failures + report.failed
        report.skipped.update(skipped)
        self.summarise(report, options["dry_run"])
        if report.failed:
            raise CommandError(f"{len(report.failed)} could not be imported.")

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
        for line in report.lines():
            write(line)
        if report.failed:
            self.stderr.write("\nCould not be imported:")
            for source, reason in report.failed:
                self.stderr.write(f"  {source}: {reason}")
        elif not dry_run and (report.created or report.updated):
            write(
                "\nThe articles are in Pages > Blog. Review each one, and tick "
                "“de-identified” on its vignette before publishing it."
            )


def read_all(paths, options):
    """Entries of every file; a file that cannot be read is a failure."""
    entries, failures, skipped = [], [], Counter()
    for path in paths:
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
    return entries, failures, skipped


def blog_index(given):
    """The blog index named by id or path, else the default site's."""
    if given:
        page = (
            Page.objects.filter(pk=int(given)).first()
            if given.isdecimal()
            else next((p for p in BlogIndexPage.objects.all() if p.url == given), None)
        )
        if page is None or not isinstance(page.specific, BlogIndexPage):
            raise CommandError(f"--parent {given}: no blog index has that id or path.")
        return page.specific
    blog = default_blog_index()
    if blog is None:
        raise CommandError("There is no blog index to import into; create one first.")
    return blog
