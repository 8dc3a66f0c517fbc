"""Plain-text helpers shared by every page type: summaries, lists, reading time."""

import math
import re
from html import unescape

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 230
SUMMARY_LENGTH = 300
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentences(text, limit=SUMMARY_LENGTH):
    """As many whole sentences as fit in `limit` characters; a first sentence
    longer than that is cut at a word and marked with an ellipsis."""
    sentences = SENTENCE_END.split(" ".join(text.split()))
    summary = sentences[0]
    for sentence in sentences[1:]:
        if len(summary) + 1 + len(sentence) > limit:
            break
        summary = f"{summary} {sentence}"
    if len(summary) > limit:
        summary = summary[: limit - 1].rsplit(" ", 1)[0] + "…"
    return summary


def has_words(html):
    """Whether rich text holds any words: "<p></p>" or a lone space does not."""
    return bool(strip_tags(html or "").replace("&nbsp;", "").strip())


def first_sentence(html):
    """The first sentence of rich text, as plain text."""
    text = unescape(strip_tags(html.replace(">", "> ")))
    return SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]


def join_words(words):
    """ "a", "a and b", "a, b and c"."""
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def split_lines(text):
    """One item per non-empty line: the editor types a list without markup."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def reading_minutes(body):
    """Whole minutes at about 230 words a minute, and never less than one."""
    text = " ".join(body.stream_block.get_searchable_content(body))
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))
