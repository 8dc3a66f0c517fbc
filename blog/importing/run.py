"""Write the articles read from the sources: create or update each one, link
them to each other, and redirect their old addresses."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect

from blog.importing.links import Resolver, Titles
from blog.importing.sections import assemble
from blog.models import ArticlePage, is_index_route
from home.models import AboutMe
from vignettes.blocks import DEFAULT_DISCLAIMER, publish_problems

HEADING_LENGTH = 120
VIGNETTE_TITLE_LENGTH = 200
IMPORTED_NAME = "Your name (from an imported bio)"


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    failed: list = field(default_factory=list)  # (source, reason)
    vignettes: int = 0
    links_resolved: int = 0
    unresolved: list = field(default_factory=list)  # (title, pointer)
    without_sections: list = field(default_factory=list)
    kept_as_drafts: list = field(default_factory=list)
    notes: list = field(default_factory=list)


class Importer:
    def __init__(self, parent, publish=False, progress=None):
        self.parent = parent
        self.publish = publish
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.pages = {}  # Entry -> page id
        self.parsed = {}  # Entry -> its parts, kept for the second pass
        self.about_me = AboutMe.get_default() or AboutMe.objects.order_by("pk").first()
        self.slugs = set(parent.get_children().values_list("slug", flat=True))

    def run(self, entries):
        titles = Titles()
        for page in ArticlePage.objects.only("id", "title", "original_url"):
            titles.add(page.title, page.pk, page.original_url)
        for entry in entries:
            titles.add(entry.title, entry, entry.original_url)
        existing = {
            page.import_key: page
            for page in ArticlePage.objects.filter(
                import_key__in=[entry.key for entry in entries]
            )
        }
        # Oldest first: articles mostly point to older ones, which are then
        # written already, so few need a second pass.
        entries = sorted(entries, key=lambda e: (e.date is None, e.date or 0))
        waiting = []
        for done, entry in enumerate(entries, 1):
            try:
                with transaction.atomic():
                    resolver = self.write(entry, titles, existing.get(entry.key))
            except Exception as error:  # noqa: BLE001 - reported, then the next one
                self.pages.pop(entry, None)
                self.report.failed.append((entry.source, describe(error)))
            else:
                if resolver.pending:
                    waiting.append(entry)
                else:
                    self.count_links(entry, resolver)
            self.progress(done, len(entries))
        # Second pass: articles that link to ones written after them.
        for entry in waiting:
            with transaction.atomic():
                page = ArticlePage.objects.get(
                    pk=self.pages[entry]
                ).get_latest_revision_as_object()
                resolver = self.resolver(titles, entry)
                page.body = self.body(entry, resolver)
                self.save(page)
            # Still pending: the article it points to failed to import.
            resolver.unresolved += resolver.pending
            self.count_links(entry, resolver)
        return self.report

    def resolver(self, titles, entry):
        return Resolver(
            titles,
            lambda target: (
                target if isinstance(target, int) else self.pages.get(target)
            ),
            exclude=entry,
        )

    def count_links(self, entry, resolver):
        self.report.links_resolved += resolver.resolved
        self.report.unresolved += [(entry.title, p) for p in resolver.unresolved]

    def write(self, entry, titles, page):
        parsed = self.parsed[entry] = assemble(
            entry.units, entry.title, entry.lower_case
        )
        if parsed.bio and self.about_me is None:
            self.about_me = self.create_about_me(entry.title, parsed.bio)
        resolver = self.resolver(titles, entry)
        created = page is None
        if created:
            page = ArticlePage(
                title=entry.title, slug=self.slug(entry.title), live=False
            )
        else:
            page = page.get_latest_revision_as_object()
        page.title = entry.title
        page.date = entry.date or page.date
        page.original_url = entry.original_url
        page.import_key = entry.key
        page.body = self.body(entry, resolver)
        if created:
            self.parent.add_child(instance=page)
        self.pages[entry] = page.pk
        page.tags.set(entry.tags)
        self.save(page)
        self.redirect(entry, page)
        report = self.report
        (report.created if created else report.updated).append(entry.title)
        report.vignettes += parsed.vignettes
        if not parsed.has_sections:
            report.without_sections.append(entry.title)
        return resolver

    def save(self, page):
        revision = page.save_revision()
        if not self.publish:
            return
        problems = [
            block.value
            for block in page.body
            if block.block_type == "vignette" and publish_problems(block.value)
        ]
        if problems:
            self.report.kept_as_drafts.append(page.title)
        else:
            revision.publish()

    def body(self, entry, resolver):
        def html(units):
            return "".join(
                resolver.html(unit.html)
                if unit.html
                else f"<p>{resolver.text_to_html(unit.text)}</p>"
                for unit in units
            )

        body = []
        for block_type, payload in self.parsed[entry].blocks:
            if block_type == "heading":
                body.append(("heading", payload[:HEADING_LENGTH]))
            elif block_type == "vignette":
                body.append(("vignette", vignette_value(payload, html)))
            elif block_type == "getting_help":
                body.append(("getting_help", {"text": html(payload)}))
            elif payload:
                body.append((block_type, html(payload)))
        if not any(block_type == "getting_help" for block_type, _ in body):
            body.append(("getting_help", {"text": ""}))
        if self.about_me is not None:
            body.append(("about_me", self.about_me))
        return body

    def create_about_me(self, title, units):
        bio = "".join(
            unit.html or f"<p>{escape(unit.text)}</p>"
            for unit in units
            if unit.kind == "text"
        )
        about_me = AboutMe(name=IMPORTED_NAME, bio=bio, live=False)
        about_me.save()
        about_me.save_revision()
        self.report.notes.append(
            f"Created the about-me snippet from the bio in “{title}”. Add "
            "your name and details in Snippets > About me, then publish it."
        )
        return about_me

    def slug(self, title):
        base = slugify(title)[:200] or "article"
        slug, n = base, 1
        while slug in self.slugs or is_index_route(slug):
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def redirect(self, entry, page):
        if not entry.original_url:
            return
        old_path = Redirect.normalise_path(entry.original_url)
        if old_path in ("", "/") or old_path == page.url_path:
            return
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": page, "is_permanent": True},
        )


def vignette_value(vignette, html):
    return {
        "kind": vignette.kind,
        "title": vignette.title[:VIGNETTE_TITLE_LENGTH],
        "disclaimer": vignette.disclaimer or DEFAULT_DISCLAIMER,
        "people": vignette.people,
        "deidentified": False,
        "body": [
            ("heading", unit.text[:HEADING_LENGTH])
            if unit.kind == "heading"
            else ("paragraph", html([unit]))
            for unit in vignette.body
        ],
    }


def describe(error):
    """One line for the report: the error's own message, else its type."""
    message = " ".join(str(error).split())
    return message or type(error).__name__
