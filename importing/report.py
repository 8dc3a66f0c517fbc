"""What an import found and did, for the terminal and the admin alike: the
totals, each article's parts, and what to check before publishing."""

from collections import Counter
from dataclasses import dataclass, field

PART_NAMES = {
    "intro": "introduction",
    "vignette": "vignette",
    "paragraph": "text",
    "conclusion": "conclusion",
    "getting_help": "getting help",
    "about_me": "about me",
}


@dataclass
class ArticleReport:
    title: str
    source: str = ""
    created: bool = True
    published: bool = False
    parts: list = field(default_factory=list)
    vignettes: list = field(default_factory=list)  # {kind, title, people}
    resolved: list = field(default_factory=list)  # the linked words
    unresolved: list = field(default_factory=list)  # pointers left as text
    check: list = field(default_factory=list)  # reasons to check it first
    dropped: dict = field(default_factory=dict)  # shortcodes left out
    page_id: int | None = None  # its page, once written: the report links it
    images: int = 0  # pictures brought into the image library
    pictures: list = field(default_factory=list)  # alt text to write, failures

    def as_json(self):
        return {
            "source": self.source,
            "parts": self.parts,
            "vignettes": self.vignettes,
            "resolved": self.resolved,
            "unresolved": self.unresolved,
            "check": self.check,
            "dropped": self.dropped,
            "images": self.images,
            "pictures": self.pictures,
        }

    @classmethod
    def from_preview(cls, row):
        details = {k: v for k, v in row.items() if k in JSON_FIELDS}
        return cls(
            title=row["title"],
            created=row["created"],
            published=row["published"],
            **details,
        )

    @classmethod
    def from_row(cls, row):
        details = {k: v for k, v in row.details.items() if k in JSON_FIELDS}
        return cls(
            title=row.title,
            created=row.created,
            published=row.published,
            page_id=row.page_id,
            **details,
        )

    @property
    def part_names(self):
        return [PART_NAMES.get(part, part) for part in self.parts]

    @property
    def has_sections(self):
        return any(
            part in ("vignette", "conclusion", "getting_help", "about_me")
            for part in self.parts
        )


JSON_FIELDS = set(ArticleReport(title="").as_json())
ADDRESS_LIST = "reader address list"
# What is left out for a reason the therapist should read beside its count.
LEFT_OUT_BECAUSE = {
    ADDRESS_LIST: "never read: its readers did not sign up to this site",
}


@dataclass
class Report:
    articles: list = field(default_factory=list)  # [ArticleReport]
    skipped: Counter = field(default_factory=Counter)
    failed: list = field(default_factory=list)  # (source, reason)
    notes: list = field(default_factory=list)

    @property
    def created(self):
        return [a for a in self.articles if a.created]

    @property
    def updated(self):
        return [a for a in self.articles if not a.created]

    @property
    def published(self):
        return [a for a in self.articles if a.published]

    @property
    def vignettes(self):
        return sum(len(a.vignettes) for a in self.articles)

    @property
    def links_resolved(self):
        return sum(len(a.resolved) for a in self.articles)

    @property
    def unresolved(self):
        return [(a.title, p) for a in self.articles for p in a.unresolved]

    @property
    def without_sections(self):
        return [a.title for a in self.articles if not a.has_sections]

    @property
    def to_check(self):
        """The articles to check before publishing, each with its page."""
        return [a for a in self.articles if a.check]

    @property
    def images(self):
        return sum(a.images for a in self.articles)

    @property
    def pictures(self):
        """Pictures to see to: alt text to write, pictures not brought."""
        return [(a, note) for a in self.articles for note in a.pictures]

    @property
    def dropped(self):
        total = Counter()
        for article in self.articles:
            total.update(article.dropped)
        return total

    @property
    def skipped_list(self):
        """Everything left out, with its count: export items by kind, then
        shortcodes; (kind, count), the kind in the plural where it is."""
        items = sorted(self.skipped.items()) + sorted(
            (f"{name} shortcode", n) for name, n in self.dropped.items()
        )
        return [
            (
                (kind if n == 1 or kind.endswith("s") else f"{kind}s")
                + (f" ({LEFT_OUT_BECAUSE[kind]})" if kind in LEFT_OUT_BECAUSE else ""),
                n,
            )
            for kind, n in items
        ]

    def totals(self):
        return [
            ("created", len(self.created)),
            ("updated", len(self.updated)),
            ("published", len(self.published)),
            ("skipped", sum(self.skipped.values())),
            ("failed", len(self.failed)),
            ("vignettes found", self.vignettes),
            ("links resolved", self.links_resolved),
            ("links unresolved", len(self.unresolved)),
            ("pictures brought", self.images),
            ("pictures to see to", len(self.pictures)),
            ("without any section", len(self.without_sections)),
            ("check before publishing", len(self.to_check)),
        ]

    def lines(self):
        """The report as text, for the terminal."""
        out = [""]
        out += [f"  {label:<26}{count:>6}" for label, count in self.totals()]
        if self.skipped_list:
            kinds = ", ".join(f"{n} {kind}" for kind, n in self.skipped_list)
            out.append(f"\nSkipped: {kinds}.")
        if self.to_check:
            out.append("\nCheck before publishing (kept as drafts):")
            out += [f"  {a.title}: {'; '.join(a.check)}." for a in self.to_check]
        if self.pictures:
            out.append("\nPictures to see to:")
            out += [f"  {a.title}: {note}." for a, note in self.pictures]
        if self.unresolved:
            out.append("\nLinks and pointers that match no article here:")
            out += [f"  {title}: “{pointer}”" for title, pointer in self.unresolved]
        if self.without_sections:
            out.append(
                "\nNo introduction, vignette or other section was recognised in:"
            )
            out += [f"  {title}" for title in self.without_sections]
        if self.articles:
            out.append("\nArticles:")
        for article in self.articles:
            out.append(f"  {article.title} ({', '.join(article.part_names)})")
            for story in article.vignettes:
                people = ", ".join(story["people"]) or "no pseudonyms found"
                out.append(
                    f"    vignette “{story['title']}”: {story['kind']}; {people}"
                )
            if article.resolved:
                out.append(f"    links: {', '.join(article.resolved)}")
            if article.unresolved:
                out.append(f"    not linked: {' | '.join(article.unresolved)}")
        out += [f"\n{note}" for note in self.notes]
        return out
