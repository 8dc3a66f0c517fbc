"""Spotting details in a vignette that could identify a real client, by the
categories of HIPAA's Safe Harbor list (vignettes/identifier_terms.py).

This is advice, not a gate: the therapist decides what stays, and
acknowledges what she keeps before publishing. The checks lean towards
warning too often rather than too rarely, since a missed real name costs far
more than a second look at an invented one.
"""

import html
import re
from dataclasses import dataclass

from vignettes import identifier_terms as terms

CHECKS = [(kind, re.compile(pattern)) for kind, pattern in terms.PATTERNS]
CAPITALISED = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Rev|Mt|Ft)\.|[A-Z][\w'’&.-]*[\w’'])"
PROPER_NAME = re.compile(
    rf"(?<![\w'’.-]){CAPITALISED}"
    rf"(?:(?:[ \t]+(?:of|the|de|del|da|la|le|van|von|bin|al|&))?[ \t]+"
    rf"{CAPITALISED})*"
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;…]|\n)[\s\"“‘'(\[—–-]*$")
WORD_END = re.compile(r"(?:'s|’s|\.)$")

NAME = "a name not among its pseudonyms"
PLACE = "a place smaller than a state"
ACRONYM = re.compile(r"[A-Z]{2,5}s?")
KINDS = [
    ("a school", terms.SCHOOL_WORDS, terms.SCHOOL_CUES),
    ("a named employer or workplace", terms.ORG_WORDS, terms.WORK_CUES),
    (PLACE, terms.PLACE_WORDS, terms.PLACE_CUES),
]


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    def __str__(self):
        return f"{self.kind} (“{self.text}”)"


def find_identifiers(text, pseudonyms=(), names=True):
    """What in `text` looks identifying, in order of first appearance.

    `names` is off for titles and headings, whose Title Case would make every
    word look like a name.
    """
    found = [
        (match.start(), match.end(), Finding(kind, match.group().strip()))
        for kind, pattern in CHECKS
        for match in pattern.finditer(text)
    ]
    if names:
        found += proper_names(text, pseudonym_words(pseudonyms))
    return list(dict.fromkeys(outermost(found)))


def pseudonym_words(pseudonyms):
    return {
        bare(word).casefold() for name in pseudonyms for word in name.split() if word
    }


def bare(word):
    return WORD_END.sub("", word)


def proper_names(text, allowed):
    """Capitalised words that are not the vignette's pseudonyms, sentence
    openers, times, faiths, states or countries: names of people, places,
    employers and schools, each named by what surrounds it."""
    for match in PROPER_NAME.finditer(text):
        words = match.group().split()
        if bare(match.group()) in terms.STATES_AND_COUNTRIES:
            continue
        start = match.start()
        titled = False
        while words and bare(words[0]).rstrip(".") in terms.COMMON_WORDS:
            titled = titled or bare(words[0]).rstrip(".") in terms.TITLES
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
        named = [w for w in words if bare(w) not in terms.COMMON_WORDS]
        if not named or all(bare(w).casefold() in allowed for w in named):
            continue
        start = text.index(words[0], start)
        phrase = " ".join(words)
        core = bare(" ".join(named))
        if core in terms.STATES_AND_COUNTRIES or phrase in terms.STATES_AND_COUNTRIES:
            continue
        before = text[max(0, start - 60) : start]
        after = text[start + len(phrase) : start + len(phrase) + 40]
        kind = kind_of(words, before)
        if kind in (NAME, PLACE) and all(ACRONYM.fullmatch(w) for w in named):
            continue  # NPR, CBT: a person or a town is seldom in capitals
        if (
            kind == NAME
            and not titled
            and len(named) == 1
            and SENTENCE_START.search(before)
            and not terms.NAME_VERBS.match(after)
            and not words[-1].endswith(("'s", "’s"))
        ):
            # One capitalised word opening a sentence is most often an
            # ordinary word; it counts when a person's verb follows.
            continue
        yield start, start + len(phrase), Finding(kind, bare(phrase))


def kind_of(words, before):
    last = bare(words[-1])
    for kind, endings, _cues in KINDS:
        if last in endings or any(bare(word) in endings for word in words[1:]):
            return kind
    possessive = words[-1].endswith(("'s", "’s"))
    for kind, _endings, cues in KINDS:
        if cues.search(before) and not possessive:
            return kind
    return NAME


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
