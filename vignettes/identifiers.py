"""Spotting details in a vignette that could identify a real client.

This is advice, not a gate: the therapist decides what stays. The patterns
lean towards warning too often rather than too rarely, since a missed real
name costs far more than a second look at an invented one.
"""

import html
import re
from dataclasses import dataclass

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"

DATE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+{DAY}(?:,?\s+{YEAR})?\b"  # March 3, 2024
    rf"|\b{DAY}\s+(?:of\s+)?(?:{MONTHS})\b(?:,?\s+{YEAR})?"  # 3rd of March
    rf"|\b(?:{MONTHS})\s+{YEAR}\b"  # March 2024
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"  # 03/12/2024
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2024-03-12
)
PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\w/])"
    r"|(?<![\w/-])\d{3}-\d{4}(?![\w/-])"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|"
    r"Place|Pl|Terrace|Way|Parkway|Pkwy|Square|Sq|Highway|Hwy|Circle|Close)\b"
)
WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
# Overlapping, so "When Jane Doe" still yields "Jane Doe" after "When Jane".
FULL_NAME = re.compile(rf"(?=\b({WORD})\s+({WORD})\b)")

# Capitalised words that open sentences or name times, never people.
# fmt: off
NOT_NAMES = frozenset([
    "A", "About", "After", "Again", "All", "Also", "Although", "An", "And", "Any",
    "As", "At", "Because", "Before", "Both", "But", "By", "Dad", "Did", "Do", "Does",
    "During", "Each", "Even", "Every", "Finally", "First", "For", "From", "He", "Her",
    "Here", "His", "How", "However", "If", "In", "Instead", "It", "Its", "Last",
    "Later", "Like", "Many", "Maybe", "Mom", "Most", "My", "Next", "No", "Not", "Now",
    "Of", "Often", "On", "Once", "One", "Only", "Or", "Our", "Over", "Perhaps", "She",
    "Since", "So", "Some", "Soon", "Still", "That", "The", "Their", "Then", "There",
    "These", "They", "This", "Those", "Though", "Today", "Tomorrow", "Two", "Under",
    "Until", "We", "What", "When", "Where", "While", "Who", "Why", "With", "Without",
    "Yes", "Yesterday", "Yet", "You", "Your", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday",
] + MONTHS.split("|"))
# fmt: on


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    def __str__(self):
        return f"{self.kind} (“{self.text}”)"


def find_identifiers(text, pseudonyms=(), names=True):
    """What in `text` looks identifying, in order of first appearance.

    `names` is off for titles and headings, whose Title Case would make every
    pair of words look like a person's name.
    """
    checks = [
        ("a calendar date", DATE),
        ("a phone number", PHONE),
        ("an email address", EMAIL),
        ("a street address", STREET),
    ]
    found = [
        (match.start(), match.end(), Finding(kind, match.group().strip()))
        for kind, pattern in checks
        for match in pattern.finditer(text)
    ]
    if names:
        allowed = {name.casefold() for name in pseudonyms}
        for match in FULL_NAME.finditer(text):
            first, last = match.groups()
            full = f"{first} {last}"
            if first in NOT_NAMES or last in NOT_NAMES or full.casefold() in allowed:
                continue
            found.append(
                (
                    match.start(),
                    match.start() + len(full),
                    Finding("a full name not among its pseudonyms", full),
                )
            )
    return list(dict.fromkeys(outermost(found)))


def outermost(spans):
    """Findings in text order, leaving out any that lie inside another (the
    "555-0142" within "(718) 555-0142")."""
    spans = sorted(spans, key=lambda span: (span[0], -span[1]))
    kept, reach = [], -1
    for _start, end, finding in spans:
        if end <= reach:
            continue
        kept.append(finding)
        reach = max(reach, end)
    return kept


def vignette_findings(value):
    """Findings for one vignette block's value (title, headings, paragraphs)."""
    pseudonyms = [name for name in value.get("people") or [] if name]
    findings = find_identifiers(value.get("title") or "", pseudonyms, names=False)
    for child in value.get("body") or []:
        if child.block_type == "heading":
            findings += find_identifiers(child.value, pseudonyms, names=False)
        else:
            findings += find_identifiers(plain_text(child.value.source), pseudonyms)
    return list(dict.fromkeys(findings))


def identifier_warnings(body):
    """One warning sentence per vignette in an article body that needs a look."""
    warnings = []
    for block in body:
        if block.block_type != "vignette":
            continue
        findings = vignette_findings(block.value)
        if findings:
            title = block.value.get("title") or "Untitled vignette"
            warnings.append(
                f"The vignette “{title}” may identify a client. It mentions "
                + "; ".join(str(finding) for finding in findings)
                + "."
            )
    return warnings


def plain_text(source):
    """Rich text as words, with a space wherever a tag stood."""
    return html.unescape(re.sub(r"<[^>]+>", " ", source))
