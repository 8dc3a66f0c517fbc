"""Write the articles read from the sources: create or update each one, link
them to each other, and redirect their old addresses.

Each article commits on its own, with the row that records it, so the editor
keeps working while an import runs and a stopped import can carry on.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Site

from base.models import AboutMe, SitePages
from blog.models import ArticleAuthor, ArticlePage, is_index_route
from blog.series import Series, SeriesArticle, part_of
from importing.fetching import FetchRefused
from importing.links import Resolver, Titles
from importing.models import ImportedArticle
from importing.pictures import Pictures, absolute
from importing.report import ArticleReport, Report
from importing.sections import assemble
from importing.sources import EntryError, load_units
from vignettes.blocks import DEFAULT_DISCLAIMER, DISCLAIMERS

HEADING_LENGTH = 120
CAPTION_LENGTH = 500
VIGNETTE_TITLE_LENGTH = 200
IMPORTED_NAME = "Your name (from an imported bio)"
NOT_YET_WRITTEN = 0  # a dry run's stand-in for a page of the batch
PROGRESS_EVERY = timedelta(seconds=1)


class Importer:
    """Imports entries under a blog index. With `run`, each article is
    recorded on that ImportRun as it commits, and articles it has recorded
    already are not written again. A dry run writes nothing at all."""

    def __init__(
        self, parent, publish=False, progress=None, dry_run=False, run=None, user=None
    ):
        self.parent = parent
        self.publish = publish
        self.dry_run = dry_run
        self.run_record = run
        self.user = user
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.pages = {}  # Entry -> page id
        self.parsed = {}  # Entry -> its parts, kept for the second pass
        self.articles = {}  # Entry -> ArticleReport
        self.about_me = AboutMe.get_default() or AboutMe.objects.order_by("pk").first()
        self.clinicians = {}  # an author's name, case-folded -> their profile
        self.slugs = set(parent.get_children().values_list("slug", flat=True))
        self.pictures = Pictures(user=user)

    def run(self, entries):
        titles = Titles()
        for page in ArticlePage.objects.only("id", "title", "original_url"):
            titles.add(page.title, page.pk, page.original_url)
        for entry in entries:
            titles.add(entry.title, entry, entry.original_url)
            for alias in entry.aliases:
                titles.add_url(alias, entry)
        existing = {
            page.import_key: page
            for page in ArticlePage.objects.filter(
                import_key__in=[entry.key for entry in entries]
            )
        }
        recorded = (
            {row.key: row for row in self.run_record.articles.all()}
            if self.run_record
            else {}
        )
        self.total = len(entries)
        # Oldest first: articles mostly point to older ones, which are then
        # written already, so few need a second pass.
        entries = sorted(entries, key=lambda e: (e.date is None, e.date or 0))
        waiting = {}  # in order: the articles to link again at the end
        for done, entry in enumerate(entries, 1):
            row = recorded.get(entry.key)
            if row is not None:  # written before this import was stopped
                self.pages[entry] = row.page_id
                self.articles[entry] = ArticleReport.from_row(row)
                if row.details.get("pending"):
                    waiting[entry] = True
                continue
            try:
                # Reading and linking happen outside the transaction, so it
                # holds the database only while the article is written.
                page, resolver = self.prepare(entry, titles, existing.get(entry.key))
                if not self.dry_run:
                    with transaction.atomic():
                        self.write(entry, page)
                        self.record(entry, resolver, done)
                else:
                    self.record(entry, resolver, done)
            except Exception as error:  # noqa: BLE001 - reported, then the next one
                self.pages.pop(entry, None)
                self.articles.pop(entry, None)
                self.report.failed.append((entry.source, describe(error)))
            else:
                if resolver.pending:
                    waiting[entry] = True
            if entry not in waiting:  # its text and parts are no longer needed
                entry.units = entry.html = None
                self.parsed.pop(entry, None)
            self.progress(done, len(entries))
        # Second pass: articles that link to ones written after them.
        for entry in waiting:
            try:
                page, resolver = self.relink(entry, titles)
                # Still pending: the article it points to failed to import.
                resolver.unresolved += resolver.pending
                resolver.pending = []
                with transaction.atomic():
                    article = self.articles[entry]
                    article.published = self.save(page, article)
                    self.record(entry, resolver, len(entries), first_pass=False)
            except Exception as error:  # noqa: BLE001 - it stays as first written
                self.report.failed.append(
                    (entry.source, f"its links to later articles: {describe(error)}")
                )
        self.pictures.close()
        if not self.dry_run:
            self.gather_series()
        order = {entry: n for n, entry in enumerate(entries)}
        self.report.articles = [
            self.articles[e] for e in sorted(self.articles, key=order.get)
        ]
        return self.report

    def gather_series(self):
        """Imported articles titled "..., Part 1", "..., Part 2" with the same
        base title become one series (Snippets > Series), in part order. A
        series of that title already there gets the parts it lacks, after
        the articles it has."""
        groups = {}
        for entry, pk in self.pages.items():
            if (found := part_of(entry.title)) and pk != NOT_YET_WRITTEN:
                base, number = found
                groups.setdefault(base.casefold(), (base, {}))[1][number] = pk
        for base, parts in groups.values():
            if len(parts) < 2:
                continue
            with transaction.atomic():
                series = Series.objects.filter(title__iexact=base).first()
                series = series or Series(title=base)
                have = [link.article_id for link in series.series_articles.all()]
                order = have + [pk for _, pk in sorted(parts.items()) if pk not in have]
                series.series_articles = [
                    SeriesArticle(article_id=pk, sort_order=place)
                    for place, pk in enumerate(order)
                ]
                series.save()

    def resolver(self, titles, entry):
        def page_for(target):
            if isinstance(target, int):
                return target
            if self.dry_run:
                return NOT_YET_WRITTEN
            return self.pages.get(target)

        return Resolver(titles, page_for, exclude=entry, base=entry.base)

    def prepare(self, entry, titles, page):
        """The article as it will be saved, and its report; reads only."""
        parsed = self.parsed[entry] = assemble(
            load_units(entry), entry.title, entry.lower_case
        )
        if parsed.bio and self.about_me is None:
            with transaction.atomic():
                self.about_me = self.create_about_me(entry.title, parsed.bio)
        resolver = self.resolver(titles, entry)
        created = page is None
        article = self.articles[entry] = ArticleReport(
            title=entry.title,
            source=entry.source,
            created=created,
            parts=parsed.parts,
            dropped=dict(entry.dropped),
            check=self.reasons_to_check(parsed, entry),
        )
        header = self.bring_pictures(entry, article)
        body = self.body(entry, resolver)
        article.vignettes = [
            {"kind": v["kind"], "title": v["title"], "people": list(v["people"])}
            for block_type, v in body
            if block_type == "vignette"
        ]
        clinicians = [self.clinician(name) for name in entry.authors]
        if self.dry_run:
            return None, resolver
        if created:
            # The body is given, so the editor's default body is never built.
            # Old writing moved here is not news: subscribers are not emailed
            # when it is published, unless the editor ticks the box.
            page = ArticlePage(
                title=entry.title,
                slug=self.slug(entry.title),
                live=False,
                body=body,
                email_subscribers=False,
            )
        else:
            page = page.get_latest_revision_as_object()
            page.body = body
        page.title = entry.title
        page.image = header or page.image
        page.summary = entry.summary or page.summary
        page.date = entry.date or page.date
        page.original_url = entry.original_url
        page.import_key = entry.key
        page.tags.set(entry.tags)
        if clinicians:
            page.authors = [ArticleAuthor(clinician=c) for c in clinicians]
        return page, resolver

    def clinician(self, name):
        """The profile of the clinician of this name; one is made for a name
        the practice does not know yet, as a draft, and the report says so."""
        key = name.casefold()
        if key not in self.clinicians:
            found = AboutMe.objects.filter(name__iexact=name).order_by("pk").first()
            if found is None:
                self.report.notes.append(
                    f"Created a draft profile for “{name}”, who wrote some of "
                    "these articles. Add their bio and details in Clinicians, "
                    "then publish it."
                )
                found = AboutMe(name=name[:120], bio="", live=False)
                if not self.dry_run:
                    with transaction.atomic():
                        found.save()
                        # A draft waits for its bio: checked when published.
                        found.save_revision(user=self.user, clean=False)
            self.clinicians[key] = found
        return self.clinicians[key]

    def write(self, entry, page):
        article = self.articles[entry]
        if self.publish:
            # Open warnings are read in the editor, with her tick, never
            # published past by an import.
            article.check += [
                f"a warning to read in the editor first: {warning.rstrip('.')}"
                for warning in page.writing_warnings()
            ]
        if page.pk is None:
            # A new draft is the page itself, saved once: a revision is only
            # needed to publish it, or to keep a live page's text unchanged.
            # Wagtail logs the creation, by its owner: who imported it.
            page.owner = self.user
            self.parent.add_child(instance=page)
            if self.may_publish(article):
                article.published = self.save(page, article)
        else:
            article.published = self.save(page, article)
        self.pages[entry] = page.pk
        article.page_id = page.pk
        self.redirect(entry, page)

    def relink(self, entry, titles):
        """The article again, now that what it points to exists."""
        page = ArticlePage.objects.get(pk=self.pages[entry])
        page = page.get_latest_revision_as_object()
        if entry not in self.parsed:  # a carried-on import reads it afresh
            self.parsed[entry] = assemble(
                load_units(entry), entry.title, entry.lower_case
            )
            self.bring_pictures(entry, self.articles[entry])
        resolver = self.resolver(titles, entry)
        page.body = self.body(entry, resolver)
        article = self.articles[entry]
        article.resolved, article.unresolved = [], []
        return page, resolver

    def reasons_to_check(self, parsed, entry):
        """Why an article may not go live unconfirmed: its vignettes need the
        therapist's tick, and text that may be a story nobody marked."""
        reasons = []
        if parsed.vignettes:
            count = len(parsed.vignettes)
            reasons.append(
                f"it has {count} vignette{'s' if count > 1 else ''}: tick "
                "“de-identified” once you have checked "
                f"{'each' if count > 1 else 'it'}"
            )
        if any(not unit.alt for unit in pictures_of(parsed)):
            reasons.append("a picture has no alt text: write it in the editor")
        reasons += [
            f"{reason}, so it may hold a client story not marked as a vignette"
            for reason in parsed.suspicions(entry.lower_case)
        ]
        return reasons

    def record(self, entry, resolver, done, first_pass=True):
        article = self.articles[entry]
        article.resolved += resolver.resolved
        article.unresolved += resolver.unresolved
        if self.run_record is None or self.dry_run:
            return
        row = ImportedArticle(
            run=self.run_record,
            key=entry.key,
            title=entry.title,
            page_id=self.pages.get(entry),
            created=article.created,
            published=article.published,
            details={**article.as_json(), "pending": bool(resolver.pending)},
        )
        if first_pass:
            row.save(force_insert=True)
        else:
            ImportedArticle.objects.filter(run=self.run_record, key=entry.key).update(
                published=row.published, details=row.details
            )
        self.run_record.done = max(self.run_record.done, done)
        now = timezone.now()
        # Progress is written at most once a second, or for the last article:
        # the import's page refreshes every few seconds.
        if now - self.run_record.updated_at >= PROGRESS_EVERY or done == self.total:
            self.run_record.updated_at = now
            self.run_record.save(update_fields=["done", "updated_at"])

    def may_publish(self, article):
        return self.publish and not article.check

    def save(self, page, article):
        """A new revision; published only when nothing needs checking."""
        revision = page.save_revision(user=self.user, log_action=True)
        if self.may_publish(article):
            revision.publish(user=self.user)
            return True
        return page.live

    def bring_pictures(self, entry, article):
        """Each picture of the post into the image library (none in a dry
        run), and the article's own picture: the featured one, else the
        first. What could not be brought, or lacks alt text, is reported."""
        parsed = self.parsed[entry]
        blocks = parsed.blocks
        pictures = pictures_of(parsed)
        wanted = [p for p in [entry.featured, *pictures] if p]
        for picture in wanted:
            picture.src = absolute(picture.src, entry.base)
        images = {}
        if not self.dry_run:
            for picture in {p.src: p for p in wanted}.values():
                try:
                    images[picture.src] = self.pictures.bring(picture, entry.archive)
                except FetchRefused as refused:
                    article.pictures.append(
                        f"“{picture.name}” was not brought: {refused}"
                    )
        for picture in pictures:
            if not picture.alt:
                article.pictures.append(f"write alt text for “{picture.name}”")
        article.images = len(images)
        if entry.featured is not None:
            header = images.get(entry.featured.src)
        else:
            header = next((images[p.src] for p in pictures if p.src in images), None)
        # A picture that opens the post is its header picture: shown once.
        if (
            blocks
            and blocks[0][0] == "image"
            and header is not None
            and (images.get(blocks[0][1].src) == header)
        ):
            del blocks[0]
        return header

    def figure(self, picture):
        """An image block's value, or None for a picture not brought."""
        image = self.pictures.images.get(picture.src)
        if image is None:
            return None
        return {
            "image": image,
            "alt_text": picture.alt,
            "decorative": False,
            "caption": picture.caption[:CAPTION_LENGTH],
        }

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
            elif block_type == "image":
                if value := self.figure(payload):
                    body.append(("image", value))
            elif block_type == "vignette":
                body.append(("vignette", vignette_value(payload, html, self.figure)))
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
        self.report.notes.append(
            f"Created the about-me snippet from the bio in “{title}”. Add "
            "your name and details in Clinicians, then publish it."
        )
        if self.dry_run:
            return None
        bio = "".join(
            unit.html or f"<p>{escape(unit.text)}</p>"
            for unit in units
            if unit.kind == "text"
        )
        about_me = AboutMe(name=IMPORTED_NAME, bio=bio, live=False)
        about_me.save()
        about_me.save_revision(user=self.user)
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
        """A live article's old address points here at once; a draft's does
        from its first publication (blog/signals.py), never before."""
        if ArticlePage.objects.live().filter(pk=page.pk).exists():
            page.redirect_original_address()


def default_blog_index():
    """The default site's blog (SitePages), or None."""
    site = Site.objects.filter(is_default_site=True).first()
    return SitePages.find(site, "blog") if site else None


def vignette_value(vignette, html, figure):
    return {
        "kind": vignette.kind,
        "title": vignette.title[:VIGNETTE_TITLE_LENGTH],
        "disclaimer": " ".join(vignette.disclaimer)
        or DISCLAIMERS.get(vignette.kind, DEFAULT_DISCLAIMER),
        "people": vignette.people,
        "deidentified": False,
        "body": [
            story_block(unit, html, figure)
            for unit in vignette.body
            if unit.kind != "image" or figure(unit.picture)
        ]
        or [("paragraph", "")],
    }


def pictures_of(parsed):
    return [p for t, p in parsed.blocks if t == "image"] + [
        unit.picture
        for vignette in parsed.vignettes
        for unit in vignette.body
        if unit.kind == "image"
    ]


def story_block(unit, html, figure):
    if unit.kind == "heading":
        return ("heading", unit.text[:HEADING_LENGTH])
    if unit.kind == "image":
        return ("image", figure(unit.picture))
    return ("paragraph", html([unit]))


def describe(error):
    """One line for the report: the error's own message, else its type."""
    if isinstance(error, EntryError):
        return str(error)
    message = " ".join(str(error).split())
    return message or type(error).__name__
