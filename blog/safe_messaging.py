"""Safe-messaging advice for an article that mentions suicide or self-harm,
from the lists in safe_messaging_terms.py. It warns and never blocks: the
therapist decides, as with the identifier warnings."""

import re

from blog import safe_messaging_terms as terms


def compile_any(patterns):
    return re.compile(
        r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE
    )


MENTIONS = compile_any(terms.MENTIONS)
RULES = [(rule, compile_any(rule["patterns"])) for rule in terms.RULES]


def article_text(body):
    """An article body's words, every block's, as one text."""
    return " ".join(body.stream_block.get_searchable_content(body))


def applies(text, content_notes):
    return bool(MENTIONS.search(text)) or bool(
        terms.CONTENT_NOTES & set(content_notes or [])
    )


def safe_messaging_warnings(text, content_notes):
    """One sentence per rule the text breaks: the words found, why, and the
    guidance it comes from. None when the text mentions neither suicide nor
    self-harm."""
    if not applies(text, content_notes):
        return []
    warnings = []
    for rule, pattern in RULES:
        found = list(dict.fromkeys(m.group(0) for m in pattern.finditer(text)))
        if found:
            quoted = ", ".join(f"“{words}”" for words in found)
            warnings.append(f"{quoted}: {rule['why']} ({rule['source']})")
    if not terms.CONTENT_NOTES & set(content_notes or []):
        rule = terms.MISSING_NOTE
        warnings.append(
            "The article mentions suicide or self-harm but has no content note: "
            f"{rule['why']} ({rule['source']})"
        )
    return warnings
