"""Recognise an article's parts in its units: introduction, vignette,
conclusion, getting help and about me."""

import re
from dataclasses import dataclass, field

from blog.importing import plaintext
from blog.importing.units import (
    BIO,
    CONCLUSION,
    FOLLOWING,
    GETTING_HELP,
    VIGNETTE,
    Unit,
)

SECTION_HEADINGS = [
    ("vignette", VIGNETTE),
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
CAPITALISED = re.compile(r"\b([A-Z][a-z]{2,})\b")
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
    ]
)


@dataclass
class Vignette:
    kind: str
    title: str = ""
    disclaimer: str = ""
    people: list = field(default_factory=list)
    body: list = field(default_factory=list)  # [Unit]


@dataclass
class Parsed:
    """An article's parts, still as units; links are resolved later."""

    blocks: list = field(default_factory=list)  # (type, payload)
    bio: list = field(default_factory=list)  # [Unit], replaced by the snippet

    @property
    def vignettes(self):
        return sum(block_type == "vignette" for block_type, _ in self.blocks)

    @property
    def has_sections(self):
        return bool(self.bio) or any(
            block_type in ("vignette", "conclusion", "getting_help")
            for block_type, _ in self.blocks
        )


def section_of(heading):
    """The part a heading starts, and the match of its marker words."""
    start = LEADING_WORD.match(heading).end()
    for kind, pattern in SECTION_HEADINGS:
        match = pattern.match(heading, start)
        if match:
            return kind, match
    return None, None


def kind_of(words):
    return "composite" if words and "composite" in words.lower() else "fictional"


def assemble(units, title, lower_case=False):
    """The article's blocks, in order. Text before the first section is the
    introduction; headings that name no section become heading blocks."""
    parsed = Parsed()
    current = "intro"
    vignette = None
    units = list(units)
    index = 0
    while index < len(units):
        unit = units[index]
        index += 1
        if unit.kind == "text" and FOLLOWING.match(unit.text) and current != "about_me":
            # "The following fictional vignette ..." opens the vignette: its
            # own heading may follow, and the sentence is the disclaimer.
            vignette = start_vignette(parsed, kind_of(unit.text))
            vignette.disclaimer = unit.text
            current = "vignette"
            if index < len(units) and units[index].kind == "heading":
                kind, match = section_of(units[index].text)
                if kind == "vignette":
                    vignette.kind = kind_of(match.group())
                    vignette.title = rest_of(units[index].text, match)
                    index += 1
            continue
        if unit.kind == "text" and current != "about_me" and BIO.match(unit.text):
            current = "about_me"
        if unit.kind == "heading":
            kind, match = section_of(unit.text)
            if kind == "vignette" and current == "vignette" and not vignette.body:
                vignette.title = vignette.title or rest_of(unit.text, match)
                continue
            if kind is not None and not (kind == "about_me" and current == "about_me"):
                current = kind
                if kind == "vignette":
                    vignette = start_vignette(parsed, kind_of(match.group()))
                    vignette.title = rest_of(unit.text, match)
                elif kind in ("conclusion", "getting_help"):
                    parsed.blocks.append((kind, []))
                continue
            if current == "vignette" and not vignette.title:
                vignette.title = unit.text
                continue
        add(parsed, current, vignette, unit)
    for block_type, payload in parsed.blocks:
        if block_type == "vignette":
            finish_vignette(payload, title, lower_case, parsed)
    return parsed


def start_vignette(parsed, kind):
    vignette = Vignette(kind=kind)
    parsed.blocks.append(("vignette", vignette))
    return vignette


def rest_of(heading, match):
    """What a section heading says after its marker: "Fictional vignette: Ned's
    choice" gives "Ned's choice"."""
    return heading[match.end() :].strip(" :-–—,.")


def add(parsed, current, vignette, unit):
    if current == "about_me":
        parsed.bio.append(unit)
    elif current == "vignette":
        vignette.body.append(unit)
    elif current in ("conclusion", "getting_help") and unit.kind == "text":
        parsed.blocks[-1][1].append(unit)
    elif unit.kind == "heading":
        parsed.blocks.append(("heading", unit.text))
    elif current == "intro" and not any(t == "heading" for t, _ in parsed.blocks):
        if parsed.blocks and parsed.blocks[-1][0] == "intro":
            parsed.blocks[-1][1].append(unit)
        else:
            parsed.blocks.append(("intro", [unit]))
    elif parsed.blocks and parsed.blocks[-1][0] == "paragraph":
        parsed.blocks[-1][1].append(unit)
    else:
        parsed.blocks.append(("paragraph", [unit]))


def finish_vignette(vignette, title, lower_case, parsed):
    """Title, disclaimer and pseudonyms from the story itself."""
    body = vignette.body
    if body and body[0].kind == "text" and DISCLAIMER.match(body[0].text):
        first = body[0].text
        sentence = DISCLAIMER.match(first).group()
        vignette.disclaimer = vignette.disclaimer or sentence
        rest = first[len(sentence) :].strip()
        body[0:1] = [Unit("text", plaintext.capitalise(rest))] if rest else []
    story = " ".join(unit.text for unit in body if unit.kind == "text")
    names = []
    if lower_case:
        opening = next((u for u in body if u.kind == "text"), None)
        name = plaintext.opening_pseudonym(opening.text) if opening else None
        if name:
            position = body.index(opening)
            rest = opening.text[len(name) :].strip()
            body[position : position + 1] = [
                Unit("heading", name.capitalize()),
                Unit("text", plaintext.capitalise(rest)),
            ]
            names.append(name.lower())
        elsewhere = " ".join(
            u.text
            for _, payload in parsed.blocks
            if isinstance(payload, list)
            for u in payload
        )
        names += [
            n for n in plaintext.repeated_names(story, elsewhere) if n not in names
        ]
        for position, unit in enumerate(body):
            if unit.kind == "text":
                body[position] = Unit("text", capitalise_names(unit.text, names))
        vignette.people = [name.capitalize() for name in names]
    else:
        # A name is capitalised every time, even mid-sentence; a word that is
        # also written in lower case somewhere is only starting a sentence.
        lower = set(re.findall(r"\b[a-z]+\b", story))
        counts = {}
        for match in CAPITALISED.finditer(story):
            name = match.group(1)
            if name not in NOT_NAMES and name.lower() not in lower:
                counts[name] = counts.get(name, 0) + 1
        headings = [u.text for u in body if u.kind == "heading" and " " not in u.text]
        vignette.people = list(
            dict.fromkeys(
                [*headings, *(name for name, count in counts.items() if count >= 2)]
            )
        )
    vignette.title = vignette.title or title


def capitalise_names(text, names):
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", name.capitalize(), text)
    return text
