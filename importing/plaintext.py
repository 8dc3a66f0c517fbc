"""Scraped plain text: lower-cased, punctuation mostly gone, no line breaks,
headings run into the sentences. Restore what can be restored safely and cut
the text where its headings were; never add or drop a word."""

import re
from collections import Counter

from importing.units import (
    BIO,
    CONCLUSION,
    FOLLOWING,
    GETTING_HELP,
    VIGNETTE,
    Unit,
    words,
)

# "n't" joins only a verb it belongs to: with stop words removed, "feeling
# n't easy" has lost its "is" and must stay apart.
CONTRACTION = re.compile(
    r"(\w) ('(?:s|re|ve|ll|d|m)\b)"
    r"|\b(do|does|did|is|are|was|were|has|have|had|ca|wo|could|should|would|"
    r"must|need|might|ai|sha) (n't)\b",
    re.IGNORECASE,
)
SPACE_BEFORE_MARK = re.compile(r" ([,.;:?!])(?=\s|$)")
LONE_I = re.compile(r"\bi\b")

# "about me", or what a stop-word filter leaves of it ("me i licensed"), or a
# bio that starts with no heading at all ("i am a licensed ...").
ABOUT_ME = re.compile(r"\babout me\b|\bme(?= i (?:am )?(?:a )?licensed\b)", re.I)
POSSESSIVE = re.compile(r"\b(\w+)'s\b")
TITLE_WORDS = range(12, 3, -1)


def tidy(text):
    """Join split contractions ("it 's" → "it's"), put marks back against
    their word and capitalise a lone "i"; every word stays."""
    text = " ".join(text.split())
    text = CONTRACTION.sub(lambda m: "".join(filter(None, m.groups())), text)
    text = SPACE_BEFORE_MARK.sub(r"\1", text)
    return LONE_I.sub("I", text)


def capitalise(text):
    return text[:1].upper() + text[1:]


def infer_title(text):
    """The phrase the article repeats as its headings: the longest run of
    four or more words seen three times, else twice."""
    tokens = text.split()
    keys = [re.sub(r"[^\w']", "", token).lower() for token in tokens]
    for times in (3, 2):
        for n in TITLE_WORDS:
            counts = Counter(tuple(keys[i : i + n]) for i in range(len(keys) - n))
            best = [gram for gram, count in counts.items() if count >= times]
            if best:
                gram = max(best, key=counts.__getitem__)
                start = next(
                    i for i in range(len(keys)) if tuple(keys[i : i + n]) == gram
                )
                return capitalise(" ".join(tokens[start : start + n]).strip(",;:"))
    return capitalise(" ".join(tokens[:8]))


def phrase_pattern(phrase):
    """A pattern for the phrase's words with any spacing or marks between."""
    return re.compile(
        r"\b" + r"[\W_]+".join(re.escape(w) for w in phrase.split()) + r"\b", re.I
    )


def split(text, title):
    """The text cut into units at its headings.

    The section headings are found in order: the vignette (after any "the
    following vignette" sentence), the conclusion, getting help and about me;
    every repeat of the title before about me is a heading too.
    """
    cuts = []  # (start, end, heading); no heading: a sentence starts there
    vignette = next(
        (m for m in VIGNETTE.finditer(text) if not following_at(text, m.start())),
        None,
    )
    following = FOLLOWING.search(text)
    position = 0
    if vignette is not None:
        if following is not None and following.start() < vignette.start():
            cuts.append((following.start(), vignette.start(), None))
        cuts.append((vignette.start(), vignette.end(), vignette.group()))
        position = vignette.end()
    elif following is not None:
        cuts.append((following.start(), following.start(), None))
        position = following.end()
    for pattern in (CONCLUSION, GETTING_HELP):
        match = pattern.search(text, position)
        if match is not None:
            cuts.append((match.start(), match.end(), match.group()))
            position = match.end()
    about = ABOUT_ME.search(text, position) or BIO.search(text, position)
    end = about.start() if about else len(text)
    if about is not None:
        heading = about.group() if ABOUT_ME.fullmatch(about.group()) else ""
        cuts.append((about.start(), about.start() + len(heading), heading))
    taken = [(start, stop) for start, stop, _ in cuts]
    for match in phrase_pattern(title).finditer(text, 0, end):
        if not any(
            start < match.end() and match.start() < stop for start, stop in taken
        ):
            cuts.append((match.start(), match.end(), match.group()))
    cuts.sort()
    units, position = [], 0
    for start, stop, heading in cuts:
        if text[position:start].strip():
            units.append(Unit("text", capitalise(text[position:start].strip())))
        if heading:
            units.append(Unit("heading", capitalise(heading)))
        position = start if heading is None else stop
    if text[position:].strip():
        units.append(Unit("text", capitalise(text[position:].strip())))
    return units


def following_at(text, position):
    """Whether the vignette phrase at `position` belongs to a "the following
    ... vignette" sentence rather than being a heading."""
    return any(m.start() <= position < m.end() for m in FOLLOWING.finditer(text))


def repeated_names(story, elsewhere):
    """Names in lower-case text: words used in the possessive ("jane's") at
    least twice in the story and never outside it."""
    counts = Counter(m.group(1).lower() for m in POSSESSIVE.finditer(story))
    outside = set(words(elsewhere))
    return [
        name for name, count in counts.items() if count >= 2 and name not in outside
    ]
