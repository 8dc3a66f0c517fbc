"""HTML from Blogger, WordPress or Markdown, cut into headings and paragraphs
that keep their lists, emphasis and links."""

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from blog.importing.units import Unit

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "ul", "ol", "blockquote", "pre"}
CONTAINERS = {"div", "section", "article", "span", "center", "font"}
KEPT = {"p", "ul", "ol", "li", "b", "strong", "i", "em", "a", "br"}
BOLD = {"b", "strong"}
SHORT_HEADING = 15  # words: a bold line longer than this is emphasis, not a heading


def units_from_html(html):
    soup = BeautifulSoup(html, "html.parser")
    units = []
    walk(soup, units)
    return units


def walk(parent, units):
    """Block elements become units; loose text and inline elements between
    them (Blogger's <br>-separated posts, WordPress's blank lines) become
    paragraphs."""
    loose = []
    for child in list(parent.children):
        name = child.name if isinstance(child, Tag) else None
        if name in HEADINGS or name in BLOCKS or name in CONTAINERS or name == "hr":
            flush(loose, units)
            if name in HEADINGS:
                add_heading(child.get_text(" ", strip=True), units)
            elif name in BLOCKS:
                add_block(child, units)
            elif name in CONTAINERS:
                walk(child, units)
        elif name == "br" and loose and loose[-1].name == "br":
            loose.pop()
            flush(loose, units)
        elif name in ("img", "script", "style", "iframe"):
            continue
        else:
            loose.append(child)
    flush(loose, units)


def flush(loose, units):
    """Loose inline content so far, split into paragraphs at blank lines."""
    html = "".join(str(node) for node in loose)
    loose.clear()
    for chunk in re.split(r"\n\s*\n|(?:<br\s*/?>\s*){2,}", html):
        fragment = BeautifulSoup(f"<p>{chunk.strip()}</p>", "html.parser").p
        if fragment.get_text(strip=True):
            add_block(fragment, units)


def add_heading(text, units):
    if text:
        units.append(Unit("heading", " ".join(text.split())))


def add_block(element, units):
    text = " ".join(element.get_text(" ", strip=True).split())
    if not text:
        return
    if element.name == "p" and is_bold_line(element, text):
        add_heading(text, units)
        return
    if element.name in ("blockquote", "pre"):
        element.name = "p"
    units.append(Unit("text", text, clean(element)))


def is_bold_line(element, text):
    """A short paragraph that is bold from end to end, as old blogs wrote
    their headings."""
    children = [
        child
        for child in element.children
        if not (isinstance(child, NavigableString) and not child.strip())
        and getattr(child, "name", None) != "br"
    ]
    return (
        len(children) == 1
        and getattr(children[0], "name", None) in BOLD
        and len(text.split()) <= SHORT_HEADING
    )


def clean(element):
    """The element with only the markup a paragraph keeps: paragraphs, lists,
    bold, italic, line breaks and links (by address only)."""
    for tag in element.find_all(True):
        if tag.name not in KEPT or (tag.name == "a" and not tag.get("href")):
            tag.unwrap()
        else:
            href = tag.get("href") if tag.name == "a" else None
            tag.attrs = {"href": href} if href else {}
    return str(element)
