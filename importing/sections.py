"""Recognise an article's parts in its units: introduction, vignette,
conclusion, getting help and about me."""

import re
from dataclasses import dataclass, field

from blog.series import part_of
from importing import plaintext
from importing.units import (
    BIO,
    COMPOSITE,
    CONCLUSION,
    FOLLOWING,
    GETTING_HELP,
    STOP_WORDS,
    VIGNETTE_HEADING,
    Unit,
    words,
)

SECTION_HEADINGS = [
    ("vignette", VIGNETTE_HEADING),
    ("conclusion", CONCLUSION),
    ("getting_help", GETTING_HELP),
    ("about_me", re.compile(r"(?:about me|about the author|me)\b", re.I)),
]
LEADING_WORD = re.compile(r"(?:a |the |in )?", re.I)  # "In conclusion"
DISCLAIMER = re.compile(
    r"^(?:this|the|all)\b[^.]{0,80}\b(?:vignettes?|stor(?:y|ies)|examples?|cases?)"
    r"\b[^.]{0,120}\b(?:fictional|fictionalized|composites?|invented)\b[^.]*\.?",
    re.I,
)
SERIES = re.compile(
    r"\bpart\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\bseries\b",
    re.I,
)
CAPITALISED = re.compile(r"\b([A-Z][a-z]{2,})\b")
# A line holding only a name or two: "Ned", "**Jane**", "Ned and Jane".
NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
NAME_LINE = re.compile(rf"({NAME})(?:\s*(?:,|&|\band\b)\s*({NAME}))?[\s:.–—-]*")
# Where an opening sentence ends: its mark, or a colon before the story.
SENTENCE_END = re.compile(r"[.!?:](?=[\s\"”’)]|$)")
# In scraped lower-case text a story opens on its client's name said twice:
# "ned when ned began", or with stop words gone "jane jane grew".
DOUBLED_NAME = re.compile(
    r"\b([a-z]{3,})\s+(?:(?:when|as|had|first|was)\s+)?\1\b", re.I
)
NOT_DOUBLED = frozenset(
    [
        "very",
        "really",
        "more",
        "much",
        "well",
        "again",
        "long",
        "many",
        "far",
        "never",
        "ever",
        "over",
        "had",
        "that",
        "bye",
        "knock",
        "round",
        "little",
        "slowly",
    ]
)
OPENING_WORDS = 40  # how far into a lower-case story its name may come
LOWER_CASE_OPENER = 15  # words of a lower-case opener kept when no name ends it
# Wording outside any vignette that may be a client story all the same.
SUSPECT = re.compile(
    r"\b(?:scenarios?|case (?:examples?|stud(?:y|ies)|vignettes?)|vignettes?"
    r"|a client (?:named|called)|(?:a |one )?(?:of my )?clients?,? (?:whom|who) "
    r"(?:i(?:'|’)ll|i will|we(?:'|’)ll) call|let(?:'|’)s call (?:him|her|them))\b",
    re.I,
)
NOT_NAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "When",
        "Then",
        "After",
        "Before",
        "During",
        "While",
        "Although",
        "Because",
        "Since",
        "If",
        "But",
        "And",
        "So",
        "Or",
        "Yet",
        "As",
        "At",
        "In",
        "On",
        "Of",
        "For",
        "With",
        "Without",
        "From",
        "To",
        "He",
        "She",
        "They",
        "We",
        "You",
        "It",
        "Her",
        "His",
        "Their",
        "Our",
        "My",
        "Your",
        "Its",
        "Over",
        "Several",
        "Some",
        "Many",
        "Most",
        "All",
        "Each",
        "Every",
        "One",
        "Two",
        "Three",
        "Later",
        "Soon",
        "Now",
        "Once",
        "Still",
        "Even",
        "Eventually",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        # headings that are not names
        "Background",
        "Discussion",
        "Introduction",
        "Session",
        "Sessions",
        "Summary",
        "Treatment",
        "Therapy",
        "Update",
        "Note",
        "Notes",
        "Part",
        "Resources",
        "References",
        "Reflection",
        "Reflections",
    ]
)


@dataclass
class Vignette:
    kind: str = "fictional"
    title: str = ""
    openers: list = field(default_factory=list)  # heading and sentence words
    disclaimer: list = field(default_factory=list)  # the post's own sentences
    people: list = field(default_factory=list)
    body: list = field(default_factory=list)  # [Unit]

    @property
    def fresh(self):
        """Opened by a heading or a sentence, with no story yet: the next
        opener belongs to the same vignette."""
        return not self.body


@dataclass
class Parsed:
    """An article's parts, still as units; links are resolved later."""

    blocks: list = field(default_factory=list)  # (type, payload)
    bio: list = field(default_factory=list)  # [Unit], replaced by the snippet

    @property
    def vignettes(self):
        return [payload for kind, payload in self.blocks if kind == "vignette"]

    @property
    def parts(self):
        """The article's parts in order, each named once."""
        names = [kind for kind, _ in self.blocks if kind not in ("heading", "image")]
        if self.bio:
            names.append("about_me")
        return list(dict.fromkeys(names))

    @property
    def has_sections(self):
        return bool(self.bio) or any(
            block_type in ("vignette", "conclusion", "getting_help")
            for block_type, _ in self.blocks
        )

    def suspicions(self, lower_case=False):
        """Why text outside the vignettes may be a client story all the same:
        story wording, or a name on a line of its own followed by narrative
        that names them."""
        reasons = []
        units = [
            unit
            for kind, payload in self.blocks
            if kind != "vignette"
            for unit in (
                [Unit("heading", payload)]
                if kind == "heading"
                else ([] if kind == "image" else payload)
            )
        ]
        for position, unit in enumerate(units):
            found = SUSPECT.search(unit.text)
            if found and not (self.vignettes and "vignette" in found.group().lower()):
                reasons.append(f"it mentions “{found.group()}”")
            names = name_line(unit)
            after = units[position + 1] if position + 1 < len(units) else None
            if names and after and after.kind == "text" and names[0] in after.text:
                reasons.append(f"the name “{names[0]}” stands on a line of its own")
            doubled = next(doubled_names(unit.text), None) if lower_case else None
            if doubled:
                reasons.append(f"“{doubled[0].group()}” may open a client story")
        return list(dict.fromkeys(reasons))


def section_of(heading):
    """The part a heading starts, and the match of its marker words."""
    start = LEADING_WORD.match(heading).end()
    for kind, pattern in SECTION_HEADINGS:
        match = pattern.match(heading, start)
        if match:
            return kind, match
    return None, None


def name_line(unit):
    """The names a short line holds alone, as posts set a client's name above
    their story; [] when it holds anything else."""
    match = NAME_LINE.fullmatch(unit.text.strip())
    if not match:
        return []
    names = [name for name in match.groups() if name]
    if any(name in NOT_NAMES for name in names):
        return []
    return names


def doubled_names(text):
    """Words said twice running, as a lower-case story says its client's name."""
    for match in DOUBLED_NAME.finditer(text):
        name = match.group(1).lower()
        if name not in STOP_WORDS and name not in NOT_DOUBLED:
            yield match, name


def lower_case_name(text):
    """A client's name said twice where a lower-case story opens, and where."""
    tokens = list(re.finditer(r"\S+", text))[:OPENING_WORDS]
    window = text[: tokens[-1].end()] if tokens else ""
    return next(doubled_names(window), None)


def opener(text, lower_case):
    """(before, sentence, after) when a sentence of this text introduces a
    vignette: the sentence is the post's disclaimer, after it the story."""
    match = FOLLOWING.search(text)
    if match is None:
        return None
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, match.start())]
    begin = starts[-1] if starts else 0
    if lower_case:
        found = lower_case_name(text[match.end() :])
        if found:
            end = match.end() + found[0].start()
        else:
            tokens = list(re.finditer(r"\S+", text[match.start() :]))
            end = match.start() + tokens[min(LOWER_CASE_OPENER, len(tokens)) - 1].end()
    else:
        stop = SENTENCE_END.search(text, match.end())
        end = stop.end() if stop else len(text)
    return text[:begin].strip(), text[begin:end].strip(), text[end:].strip()


def kind_of(words):
    return "composite" if words and COMPOSITE.search(words) else "fictional"


def assemble(units, title, lower_case=False):
    """The article's blocks, in order. Text before the first section is the
    introduction; headings that name no section become heading blocks.

    However a story is introduced (a heading, a sentence, both, then its
    client's name on a line of its own), it becomes one vignette.
    """
    parsed = Parsed()
    current = "intro"
    vignette = None
    queue = list(units)
    while queue:
        unit = queue.pop(0)
        if unit.kind == "text" and current != "about_me" and BIO.match(unit.text):
            current = "about_me"
        if unit.kind == "text" and current != "about_me":
            split = opener(unit.text, lower_case)
            if split:
                before, sentence, after = split
                if before:
                    add(parsed, current, vignette, Unit("text", before))
                if not (current == "vignette" and vignette.fresh):
                    vignette = start_vignette(parsed)
                current = "vignette"
                vignette.openers.append(sentence)
                vignette.disclaimer.append(sentence)
                if after:
                    queue.insert(0, Unit("text", plaintext.capitalise(after)))
                continue
        if unit.kind == "heading":
            kind, match = section_of(unit.text)
            if kind == "vignette" and current != "about_me":
                if not (current == "vignette" and vignette.fresh):
                    vignette = start_vignette(parsed)
                current = "vignette"
                vignette.openers.append(unit.text)
                rest = rest_of(unit.text, match)
                if rest and not vignette.title and not names_the_post(rest, title):
                    vignette.title = rest
                continue
            if (
                kind is not None
                and kind != "vignette"
                and not (kind == "about_me" and current == "about_me")
            ):
                current = kind
                if kind in ("conclusion", "getting_help"):
                    parsed.blocks.append((kind, []))
                continue
        if (
            current == "vignette"
            and unit.kind != "image"
            and take_into_vignette(vignette, unit, title)
        ):
            continue
        add(parsed, current, vignette, unit)
    for vignette in parsed.vignettes:
        finish_vignette(vignette, lower_case, parsed)
    return parsed


def names_the_post(heading, title):
    """A heading that repeats the article's title, or names its series
    ("Part 2", "Anxiety series"): never a story's own title."""
    said = words(heading)
    if said == words(title) or SERIES.search(heading):
        return True
    found = part_of(title)
    return found is not None and said == words(found[0])


def take_into_vignette(vignette, unit, title):
    """A name line, the article's title repeated, or the story's own title,
    where a vignette opens; False for anything that is the story itself."""
    names = name_line(unit)
    if names:
        vignette.people += [n for n in names if n not in vignette.people]
        vignette.body.append(Unit("heading", unit.text.strip(" :.–—-")))
        return True
    if unit.kind == "heading" and vignette.fresh:
        if not vignette.title and not names_the_post(unit.text, title):
            vignette.title = unit.text
        return True
    return False


def start_vignette(parsed):
    vignette = Vignette()
    parsed.blocks.append(("vignette", vignette))
    return vignette


def rest_of(heading, match):
    """What a section heading says after its marker: "Fictional vignette: Ned's
    choice" gives "Ned's choice"."""
    return heading[match.end() :].strip(" :-–—,.")


def add(parsed, current, vignette, unit):
    if current == "about_me":
        if unit.kind != "image":  # the bio's photo belongs to the snippet
            parsed.bio.append(unit)
    elif current == "vignette":
        vignette.body.append(unit)
    elif unit.kind == "image":
        parsed.blocks.append(("image", unit.picture))
    elif current in ("conclusion", "getting_help") and unit.kind == "text":
        last_of(parsed, current).append(unit)
    elif unit.kind == "heading":
        parsed.blocks.append(("heading", unit.text))
    elif current == "intro" and not any(
        t in ("heading", "paragraph") for t, _ in parsed.blocks
    ):
        if parsed.blocks and parsed.blocks[-1][0] == "intro":
            parsed.blocks[-1][1].append(unit)
        elif any(t == "intro" for t, _ in parsed.blocks):
            parsed.blocks.append(("paragraph", [unit]))  # after a picture
        else:
            parsed.blocks.append(("intro", [unit]))
    elif parsed.blocks and parsed.blocks[-1][0] == "paragraph":
        parsed.blocks[-1][1].append(unit)
    else:
        parsed.blocks.append(("paragraph", [unit]))


def last_of(parsed, kind):
    """The units of the last block of this kind: a conclusion goes on past
    a picture set inside it."""
    return next(payload for t, payload in reversed(parsed.blocks) if t == kind)


def finish_vignette(vignette, lower_case, parsed):
    """Kind, disclaimer, pseudonyms and title from the story itself."""
    body = vignette.body
    first = next((u for u in body if u.kind == "text"), None)
    if first is not None and DISCLAIMER.match(first.text):
        sentence = DISCLAIMER.match(first.text).group()
        vignette.disclaimer.append(sentence)
        rest = first.text[len(sentence) :].strip()
        position = body.index(first)
        body[position : position + 1] = (
            [Unit("text", plaintext.capitalise(rest))] if rest else []
        )
    vignette.kind = kind_of(" ".join(vignette.openers + vignette.disclaimer))
    story = " ".join(unit.text for unit in body if unit.kind == "text")
    if lower_case:
        names = [name.lower() for name in vignette.people]
        opening = next((u for u in body if u.kind == "text"), None)
        found = lower_case_name(opening.text) if opening else None
        if found and found[0].start() == 0:
            name = found[1]
            position = body.index(opening)
            rest = opening.text[len(name) :].strip()
            body[position : position + 1] = [
                Unit("heading", name.capitalize()),
                Unit("text", plaintext.capitalise(rest)),
            ]
            names.append(name)
        elsewhere = " ".join(
            u.text
            for _, payload in parsed.blocks
            if isinstance(payload, list)
            for u in payload
        )
        names += plaintext.repeated_names(story, elsewhere)
        names = list(dict.fromkeys(names))
        for position, unit in enumerate(body):
            if unit.kind == "text":
                body[position] = Unit("text", capitalise_names(unit.text, names))
        vignette.people = [name.capitalize() for name in names]
    else:
        # A name is capitalised every time, even mid-sentence; a word that is
        # also written in lower case somewhere is only starting a sentence.
        lower = set(re.findall(r"\b[a-z]+\b", story))
        # A name said twice, or once in mid-sentence ("his friend Paolo").
        # The client is the first said more than once, as a story keeps
        # naming its client; a name said once (a sister, a town) follows.
        said, once = {}, []
        for match in CAPITALISED.finditer(story):
            name = match.group(1)
            if name not in NOT_NAMES and name.lower() not in lower:
                said[name] = said.get(name, 0) + 1
                before = story[: match.start()].rstrip()
                after = story[match.end() :].lstrip()
                # Not a word of a title in Title Case ("the Inner Critic").
                if (
                    before
                    and before[-1] not in ".!?:\"“”'‘’("
                    and not after[:1].isupper()
                    and not before.split()[-1][:1].isupper()
                ):
                    once.append(name)
        vignette.people = list(
            dict.fromkeys(
                [
                    *vignette.people,
                    *(name for name, count in said.items() if count >= 2),
                    *once,
                ]
            )
        )
    vignette.title = vignette.title or title_from(vignette)


def title_from(vignette):
    """A title made from the story's client, the person it opens with:
    "Ned's story". Others named in it are people in the story, not in its
    title."""
    if not vignette.people:
        return "A composite story" if vignette.kind == "composite" else "A story"
    return f"{vignette.people[0]}'s story"


def capitalise_names(text, names):
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", name.capitalize(), text)
    return text
