"""How easy an article is to read: its Flesch-Kincaid grade (textstat), the
longest sentences and the parts above the target. Health writing should be
readable at about an 8th-grade level (NIH, and other health bodies)."""

import re

import textstat
from wagtail.rich_text import get_text_for_indexing

TARGET_GRADE = 8
PARTS = {"intro": "Introduction", "vignette": "Vignette", "conclusion": "Conclusion"}
# The prose readers read; getting help and the about-me are the same on every
# article, and headings are not sentences.
PROSE = {"intro", "paragraph", "quote", "vignette", "conclusion"}
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")


def block_text(block):
    value = block.value
    if block.block_type == "vignette":
        return " ".join(
            get_text_for_indexing(child.value.source)
            for child in value.get("body") or []
            if child.block_type == "paragraph"
        )
    if block.block_type == "quote":
        return value.get("text") or ""
    return get_text_for_indexing(value.source)


def grade(text):
    return round(textstat.flesch_kincaid_grade(text), 1) if text.strip() else None


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def readability(body):
    """The grade of the article's prose, the target, its three longest
    sentences, and which of its parts read above the target."""
    parts = {}
    for block in body:
        if block.block_type in PROSE:
            parts.setdefault(block.block_type, []).append(block_text(block))
    text = " ".join(" ".join(texts) for texts in parts.values())
    over = []
    for part, label in PARTS.items():
        part_grade = grade(" ".join(parts.get(part, [])))
        if part_grade is not None and part_grade > TARGET_GRADE:
            over.append((label, part_grade))
    return {
        "grade": grade(text),
        "target": TARGET_GRADE,
        "longest": sorted(sentences(text), key=lambda s: -len(s.split()))[:3],
        "over": over,
    }
