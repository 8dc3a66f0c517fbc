"""Safe-messaging advice for an article that touches on suicide or
self-harm, from the lists in safe_messaging_terms.py. It is read one sentence
at a time, so a near miss in one sentence cannot borrow the words of the
next. It warns and never blocks: the therapist decides, as with the
identifier warnings."""

import re

from blog import safe_messaging_terms as terms

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+|\s*;\s+")
# A sentence is about suicide when it names it, or death or dying.
DEATH = [r"deaths?", r"died", r"dy(?:ing|es)", r"die", r"dead", r"attempt\w*"]


def compile_any(patterns):
    return re.compile(
        r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE
    )


MENTIONS = compile_any(terms.MENTIONS)
ABOUT_SUICIDE = compile_any(terms.MENTIONS + DEATH)
POINTS_TO_HELP = compile_any(terms.POINTS_TO_HELP)
NOTHING = re.compile(r"(?!)")


def compile_rule(rule, key):
    return compile_any(rule[key]) if rule.get(key) else NOTHING


RULES = [
    (
        rule,
        compile_rule(rule, "patterns"),
        compile_rule(rule, "when_about_suicide"),
        compile_rule(rule, "unless"),
        [(compile_any(a), compile_any(b)) for a, b in rule.get("together", [])],
    )
    for rule in terms.RULES
]


def together(pairs, sentence):
    """Each pair both of whose halves the sentence holds, quoted in the
    order they stand: “took … pills”."""
    for first, second in pairs:
        a, b = first.search(sentence), second.search(sentence)
        if a and b and a.group(0).lower() != b.group(0).lower():
            a, b = sorted([a, b], key=lambda match: match.start())
            yield f"{a.group(0)} … {b.group(0)}"


def article_text(body):
    """An article body's words, every block's, as one text."""
    return " ".join(body.stream_block.get_searchable_content(body))


def sentences(text):
    return [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]


def safe_messaging_warnings(text, content_notes):
    """One sentence per rule the text breaks: the words found, why, and the
    guidance it comes from; then a request for a content note when the text
    is about suicide or self-harm and has none."""
    found = {}
    mentioned = False
    for sentence in sentences(text):
        helpline = bool(POINTS_TO_HELP.search(sentence))
        mentioned = mentioned or (not helpline and bool(MENTIONS.search(sentence)))
        about_suicide = not helpline and bool(ABOUT_SUICIDE.search(sentence))
        for rule, always, gated, unless, pairs in RULES:
            if unless.search(sentence):
                continue
            words = [match.group(0) for match in always.finditer(sentence)]
            if about_suicide:
                words += [match.group(0) for match in gated.finditer(sentence)]
            if not words:
                words = list(together(pairs, sentence))
            for word in words:
                found.setdefault(rule["name"], {})[word] = None
    warnings = []
    for rule, *_patterns in RULES:
        if rule["name"] in found:
            quoted = ", ".join(f"“{words}”" for words in found[rule["name"]])
            warnings.append(f"{quoted}: {rule['why']} ({rule['source']})")
    noted = terms.CONTENT_NOTES & set(content_notes or [])
    if (mentioned or "method or means" in found) and not noted:
        rule = terms.MISSING_NOTE
        warnings.append(
            "The article mentions suicide or self-harm but has no content note: "
            f"{rule['why']} ({rule['source']})"
        )
    return warnings
