"""HTML from Blogger, WordPress or Markdown, cut into headings and paragraphs
that keep their lists, emphasis and links."""

import re
from collections import Counter

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from importing.units import Unit

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "ul", "ol", "blockquote", "pre"}
CONTAINERS = {"div", "section", "article", "span", "center", "font"}
KEPT = {"p", "ul", "ol", "li", "b", "strong", "i", "em", "a", "br"}
BOLD = {"b", "strong"}
SHORT_HEADING = 15  # words: a bold line longer than this is emphasis, not a heading


# WordPress's block editor writes its blocks as comments, with JSON in them;
# older exports escape them.
BLOCK_COMMENT = re.compile(r"<!--.*?-->|&lt;!--.*?--&gt;", re.S)
# Shortcodes: [name attr="..."], [name], [/name]. Only names WordPress and its
# plugins use, or any name with attributes or a closing tag, so "[sic]" stays.
SHORTCODE = re.compile(r"\[(/?)([a-z][\w-]*)((?:\s[^\]]*)?)(/?)\]")
CAPTION = {"caption", "wp_caption"}
MEDIA = {"embed", "gallery", "audio", "video", "playlist", "soundcloud", "youtube"}
KNOWN = CAPTION | MEDIA | {"contact-form-7", "contact-form", "button", "column"}


def units_from_html(html):
    """The units of a post's HTML, and the shortcodes dropped from it."""
    html, dropped = without_shortcodes(BLOCK_COMMENT.sub("", html))
    soup = BeautifulSoup(html.replace("&nbsp;", " "), "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for node in soup.find_all(string=lambda node: "\xa0" in node):
        node.replace_with(node.replace("\xa0", " "))
    for anchor in soup.find_all("a"):
        # Two links run together read as one: keep them apart.
        if isinstance(anchor.next_sibling, Tag) and anchor.next_sibling.name == "a":
            anchor.insert_after(" ")
    units = []
    walk(soup, units)
    return units, dropped


def without_shortcodes(html):
    """[caption] keeps its caption as text; media shortcodes and their
    contents go; any other shortcode's own markup goes and its words stay."""
    names = {m.group(2) for m in SHORTCODE.finditer(html)}
    closed = {m.group(2) for m in SHORTCODE.finditer(html) if m.group(1)}
    dropped = Counter()
    for name in names & MEDIA & closed:
        html, n = re.subn(
            rf"\[{name}(?:\s[^\]]*)?\].*?\[/{name}\]", "", html, flags=re.S
        )
        dropped[f"[{name}]"] += n

    def replace(match):
        slash, name, attrs, _ = match.groups()
        if name not in KNOWN and not attrs.strip() and name not in closed:
            return match.group()  # "[sic]", "[1]": the author's own brackets
        if not slash and name not in CAPTION:
            dropped[f"[{name}]"] += 1
        return " " if name in CAPTION else ""

    return SHORTCODE.sub(replace, html), dropped


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
    if not html.strip():
        return  # only the whitespace between two blocks
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
