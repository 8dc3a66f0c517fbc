"""HTML from any blog platform, cut into headings, paragraphs that keep
their lists, emphasis and links, and pictures with their alt text and
caption. The platform's own furniture (subscribe and share buttons, block
wrappers, classes) is left behind; its words are kept."""

import json
import re
from collections import Counter

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from importing.pictures import Picture
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
CAPTIONED = re.compile(
    r"\[(caption|wp_caption)(?:\s[^\]]*)?\](.*?)\[/\1\]", re.S | re.I
)
CAPTION_IMAGE = re.compile(r"\A\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.I)
# Never the post's words: scripts, embeds, forms and their buttons.
NOISE = {
    "script", "style", "iframe", "noscript", "form", "button", "input", "select",
    "textarea", "svg", "template", "object", "embed", "video", "audio", "source",
}  # fmt: skip
# Class names the platforms give their subscribe, share and button widgets
# (Substack, Ghost's cards, Squarespace's blocks, WordPress plugins).
FURNITURE = (
    "subscribe", "subscription", "share", "sharing", "sharedaddy", "social",
    "button-wrapper", "kg-signup", "kg-button", "kg-cta", "kg-header",
    "newsletter", "sqs-block-button", "sqs-block-newsletter", "image-link-expand",
    "jp-relatedposts", "wp-block-buttons", "wp-block-jetpack", "post-ufi",
)  # fmt: skip
FURNITURE_WORDS = {
    "subscribe", "subscribe now", "share", "leave a comment", "share this post",
    "subscribed", "sign up", "sign up now", "get the app",
}  # fmt: skip
# Cards that show another page as a box (Ghost's bookmark, Substack's
# embedded post): the page's title and address, as a link in a paragraph.
LINK_CARDS = ("kg-bookmark-card", "embedded-post-wrap", "digest-post-embed")
CARD_TITLES = ("kg-bookmark-title", "embedded-post-title")


def units_from_html(html):
    """The units of a post's HTML, and the shortcodes dropped from it."""
    html = CAPTIONED.sub(figure_from_shortcode, BLOCK_COMMENT.sub("", html))
    html, dropped = without_shortcodes(html)
    soup = BeautifulSoup(html.replace("&nbsp;", " "), "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    for tag in soup.find_all(is_furniture):
        tag.decompose()
    for card in soup.find_all(class_=LINK_CARDS):
        card.replace_with(link_from_card(card))
    for node in soup.find_all(string=lambda node: "\xa0" in node):
        node.replace_with(node.replace("\xa0", " "))
    for anchor in soup.find_all("a"):
        # Two links run together read as one: keep them apart.
        if isinstance(anchor.next_sibling, Tag) and anchor.next_sibling.name == "a":
            anchor.insert_after(" ")
    units = []
    walk(soup, units)
    return units, dropped


def figure_from_shortcode(match):
    """WordPress's [caption]<img> words[/caption] as the figure it shows."""
    inner = match.group(2)
    image = CAPTION_IMAGE.match(inner)
    if image is None:
        return f" {inner} "
    caption = inner[image.end() :].strip()
    return f"<figure>{image.group()}<figcaption>{caption}</figcaption></figure>"


def link_from_card(card):
    """A link card as `<p><a href>title</a></p>`, or nothing when it names
    no page."""
    try:
        attrs = json.loads(card.get("data-attrs") or "{}")
    except ValueError:
        attrs = {}
    attrs = attrs if isinstance(attrs, dict) else {}
    anchor = card.find("a", href=True)
    href = str(attrs.get("url") or (anchor["href"] if anchor else ""))
    title = card.find(class_=CARD_TITLES)
    title = title.get_text(" ", strip=True) if title else str(attrs.get("title") or "")
    if not href or not title:
        return ""
    paragraph = BeautifulSoup("<p><a></a></p>", "html.parser")
    paragraph.a["href"] = href
    paragraph.a.string = " ".join(title.split())
    return paragraph.p


def is_furniture(tag):
    if tag.decomposed or not tag.name:
        return False
    if tag.name in NOISE:
        return True
    classes = tag.get("class") or []
    return any(name.lower().startswith(FURNITURE) for name in classes)


def picture_of(img):
    """The picture an <img> shows, from whichever attribute the platform put
    its address in; None for a tracking pixel or an address-less image."""
    candidates = [img.get(name) or "" for name in ("src", "data-src", "data-image")] + [
        (img.get(name) or "").split(" ")[0] for name in ("srcset", "data-srcset")
    ]
    # Lazy loaders put a placeholder (a data: address) in src, the picture
    # in data-src.
    src = next(
        (c.strip() for c in candidates if c.strip() and not c.startswith("data:")),
        "",
    )
    if not src or (img.get("width") == "1" and img.get("height") == "1"):
        return None
    alt = " ".join((img.get("alt") or "").split())
    return Picture(src=src, alt=alt)


def add_pictures(element, units, caption=""):
    """Each picture inside `element`, as image units; a caption belongs to
    the last of them."""
    images = element.find_all("img") if element.name != "img" else [element]
    found = [p for p in (picture_of(img) for img in images) if p]
    if found and caption:
        found[-1].caption = " ".join(caption.split())
    units += [Unit("image", p.alt, picture=p) for p in found]


def figure_caption(element):
    """The caption of a picture set with its caption ("" when it has none),
    or None when the element is not such a picture."""
    if element.find("img") is None:
        return None
    classes = element.get("class") or []
    if element.name == "figure":
        caption = element.find("figcaption")
    elif element.name == "table" and "tr-caption-container" in classes:
        caption = element.find(class_="tr-caption")
    elif element.name == "div" and "wp-caption" in classes:
        caption = element.find(class_="wp-caption-text")
    else:
        return None
    return caption.get_text(" ", strip=True) if caption else ""


def without_shortcodes(html):
    """A [caption] with no picture (figure_from_shortcode made the others
    figures) keeps its words; media shortcodes and their contents go; any
    other shortcode's own markup goes and its words stay."""
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
        caption = figure_caption(child) if name else None
        if caption is not None:
            flush(loose, units)
            add_pictures(child, units, caption)
            continue
        if name == "figure" or name == "img":
            flush(loose, units)
            if name == "img":
                add_pictures(child, units)
            else:
                walk(child, units)
            continue
        if (
            name
            and name not in HEADINGS | BLOCKS | CONTAINERS
            and child.find("img") is not None
        ):
            # An inline picture (often inside a link to its larger
            # self): the picture stands on its own, any words stay.
            flush(loose, units)
            add_pictures(child, units)
            for img in child.find_all("img"):
                img.decompose()
            if child.get_text(strip=True):
                loose.append(child)
            continue
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
    pictures = []
    first = element.find("img")
    if first is not None:
        add_pictures(element, pictures)
        leading = not words_before(element, first)
        for img in element.find_all("img"):
            img.decompose()
        if leading:  # a picture that opens the paragraph comes before it
            units += pictures
            pictures = []
    text = " ".join(element.get_text(" ", strip=True).split())
    if text.lower().strip(" .!→»") in FURNITURE_WORDS and element.find("a"):
        text = ""  # a "Subscribe now" or "Share" button made of a link
    if not text:
        units += pictures
        return
    if element.name == "p" and is_bold_line(element, text):
        add_heading(text, units)
        return
    if element.name in ("blockquote", "pre"):
        element.name = "p"
    units.append(Unit("text", text, clean(element)))
    units += pictures


def words_before(element, img):
    """Whether any words come before `img` inside `element`."""
    for node in element.descendants:
        if node is img:
            return False
        if isinstance(node, NavigableString) and node.strip():
            return True
    return False


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
    element.attrs = {}
    for tag in element.find_all(True):
        if tag.name == "a" and tag.get("href") and not tag.get_text(strip=True):
            tag.decompose()  # a link left empty by the picture it held
        elif tag.name not in KEPT or (tag.name == "a" and not tag.get("href")):
            tag.unwrap()
        else:
            href = tag.get("href") if tag.name == "a" else None
            tag.attrs = {"href": href} if href else {}
    return str(element)
