"""An article read from any format, as the runs of text and headings it is
made of, before its parts are recognised."""

import re
from dataclasses import dataclass, field

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)


# The words that mark an article's parts, wherever they are found: run into
# scraped text (plaintext.py) or standing as headings (sections.py).
QUALIFIERS = r"(?:fictional(?:ized)?|fictionali[sz]ed|composite|clinical|hypothetical)"
VIGNETTE = re.compile(
    rf"\b{QUALIFIERS}\s+(?:clinical\s+)?(?:vignette|case example|scenario)\b", re.I
)
# A heading that opens a story: "Fictional Clinical Vignette: ...",
# "Composite Vignette", "Clinical Vignette", "Case example".
VIGNETTE_HEADING = re.compile(
    rf"(?:{QUALIFIERS}\s+)*(?:case\s+)?vignettes?\b"
    rf"|(?:{QUALIFIERS}\s+)*case\s+(?:example|study)\b"
    rf"|(?:{QUALIFIERS}\s+)+(?:scenario|example|story)\b",
    re.I,
)
# A sentence that introduces one: "The following fictional vignette ...",
# "Consider the following composite scenario ...".
FOLLOWING = re.compile(
    r"\b(?:the\s+)?following\s+"
    r"(?:\(?(?:fictional(?:ized)?|fictionali[sz]ed|composite|clinical|hypothetical|"
    r"brief|short|illustrative|invented|made-up|case)\)?,?\s+){0,4}"
    r"(?:vignette|scenario|case example|case study|example|story)\b",
    re.I,
)
# Wording that says a story blends many people.
COMPOSITE = re.compile(
    r"\bcomposite|\bbased on (?:many|several|a number of|various)\b"
    r"|\bdrawn from (?:many|several|a number of|various)\b|\bblend(?:s|ed|ing)? of\b"
    r"|\bcombin(?:es|ed|ation of|ing)\b.{0,40}\b(?:clients|people|cases)\b",
    re.I,
)
CONCLUSION = re.compile(r"\bconclusions?\b", re.I)
GETTING_HELP = re.compile(r"\bgetting help (?:in )?therapy\b", re.I)
BIO = re.compile(r"\b(?:me\s+)?i (?:am )?(?:a )?licensed\b", re.I)


@dataclass
class Unit:
    """A heading, or a run of body text: `html` when the source had markup,
    else plain `text` that is escaped when written."""

    kind: str  # "heading", "text" or "image"
    text: str
    html: str | None = None
    picture: object = None  # an image unit's pictures.Picture


@dataclass(eq=False)
class Entry:
    """One article as read from its source, not yet written; compared by
    identity, so it can stand for its page before the page exists."""

    source: str  # where it came from, for the report: "blog.xml, entry 3"
    title: str
    # Read from `html` only when the article is written, so a large export
    # is held as its text, not as every article's parsed parts at once.
    units: list[Unit] | None = None
    html: str = ""
    date: object = None
    tags: list[str] = field(default_factory=list)
    original_url: str = ""
    key: str = ""  # what makes a re-import update this article, not add one
    lower_case: bool = False  # scraped text: names are found another way
    dropped: dict = field(default_factory=dict)  # shortcodes left out, by name
    summary: str = ""  # the platform's excerpt or subtitle
    featured: object = None  # the post's featured or cover pictures.Picture
    base_url: str = ""  # what the post's relative addresses are relative to
    archive: str = ""  # the export's zip, where its pictures are read from
    aliases: list = field(default_factory=list)  # other addresses links use
    authors: list = field(default_factory=list)  # their names, in order

    @property
    def base(self):
        """What the post's relative links and pictures are relative to."""
        return self.base_url or self.original_url


def words(text):
    """Lower-case words without punctuation or apostrophes: "It's" is "its"."""
    return [w for w in (re.sub(r"[^\w]", "", t).lower() for t in text.split()) if w]


def content_words(text):
    """The words that carry meaning, which survive a stop-word filter."""
    return [w for w in words(text) if w not in STOP_WORDS]
