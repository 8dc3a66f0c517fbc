"""Turn "see my article ..." pointers and links to the old blog into links to
the articles here, matched by title."""

import re
from difflib import SequenceMatcher
from html import escape as html_escape
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString

from importing.units import STOP_WORDS, words

POINTER = re.compile(
    r"\b(?:see (?:my |also )*(?:(?:prior|previous|earlier|other|related) )?articles?"
    r"|in my (?:prior|previous|earlier|last|other) (?:article|post))"
    r"\s*[:,]?\s*",
    re.I,
)
JOINERS = {"and", "also", "see", "my", "article", "articles"}
THRESHOLD = 0.85
PREFIX = 4  # how alike a run of words and a title must be
POINTER_PREVIEW = 12  # words of an unresolved pointer shown in the report


def escape(text):
    """Text as HTML. Quotes stay as typed: this text is never an attribute."""
    return html_escape(text, quote=False)


def url_key(url):
    """A URL without its scheme, "www." or trailing slash, so the old blog's
    http and https links to one post are the same."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (
        f"?{parts.query}" if parts.query else ""
    )


def host_of(url):
    """Whose address this is: the host, and on medium.com the author too
    (medium.com/@name), since every Medium writer shares that host."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    first = parts.path.split("/")[1] if parts.path.count("/") else ""
    if host == "medium.com" and first.startswith("@"):
        host = f"{host}/{first.lower()}"
    return host


def numbers(keys):
    return [key for key in keys if key.isdecimal()]


class Titles:
    """Articles that pointers may name, found by their words.

    A target is whatever the caller links to: an existing page, or an article
    of the batch that may not have a page yet.
    """

    def __init__(self):
        self.by_start = {}  # the first word's first letters: "feeling" ~ "feelings"
        self.exact = {}
        self.sizes = set()
        self.by_url = {}
        self.titles = {}  # target -> its title
        self.hosts = set()  # the old blog's: a link there is to an article

    def add(self, title, target, url=""):
        self.titles[target] = title
        key = [w for w in words(title) if w not in STOP_WORDS]
        if key:
            self.by_start.setdefault(key[0][:PREFIX], []).append((key, target))
            self.exact.setdefault(tuple(key), target)
            self.sizes.add(len(key))
        if url:
            self.by_url[url_key(url)] = target
            self.hosts.add(host_of(url))

    def add_url(self, url, target):
        """Another address that names the target: Ghost's __GHOST_URL__ links."""
        self.by_url[url_key(url)] = target
        self.hosts.add(host_of(url))

    def for_url(self, url):
        return self.by_url.get(url_key(url)) if url else None

    def match(self, keys, position, exclude=None):
        """The title the words at `position` spell most closely, within the
        threshold, and how many words it took."""
        for size in sorted(self.sizes, reverse=True):  # an exact title first
            target = self.exact.get(tuple(keys[position : position + size]))
            if target is not None and target is not exclude:
                return target, size, 1.0
        best = None
        for title, target in self.by_start.get(keys[position][:PREFIX], []):
            if target is exclude:
                continue
            for size in (len(title), len(title) - 1, len(title) + 1):
                window = keys[position : position + size]
                if not window:
                    continue
                if numbers(title) != numbers(window):
                    continue  # "part 2" is never "part 12", however alike
                matcher = SequenceMatcher(None, " ".join(title), " ".join(window))
                if (
                    matcher.real_quick_ratio() >= THRESHOLD
                    and matcher.quick_ratio() >= THRESHOLD
                    and matcher.ratio() >= THRESHOLD
                    and (best is None or matcher.ratio() > best[2])
                ):
                    best = (target, size, matcher.ratio())
        return best


class Resolver:
    """Links one article's text; counts what resolved and keeps what did not."""

    def __init__(self, titles, page_for, exclude=None, base=""):
        self.titles = titles
        self.base = base  # the post's own address: its relative links' base
        self.exclude = exclude  # the article itself: it never links to itself
        self.page_for = page_for  # target -> page id, or None while not written
        self.resolved = []  # the words that became links
        self.unresolved = []
        self.pending = []  # links to articles of the batch not written yet

    def text_to_html(self, text):
        """Plain text as escaped HTML, with its pointers linked."""
        return self.link_pointers(text)

    def html(self, html):
        """HTML with old-blog links and pointers in its text linked."""
        if "<a" not in html and not POINTER.search(html):
            return html  # nothing to link: no need to parse it again
        soup = BeautifulSoup(html, "html.parser")
        for anchor in soup.find_all("a", href=True):
            if self.base and not anchor["href"].startswith(("#", "mailto:", "tel:")):
                anchor["href"] = urljoin(self.base, anchor["href"])
            target = self.titles.for_url(anchor["href"])
            if target is not None:
                cover_title(anchor, self.titles.titles.get(target, ""))
                self.link(anchor, target)
            elif host_of(anchor["href"]) in self.titles.hosts:
                # A link to the old blog that names no article brought here:
                # it still points there, and she is told.
                words_ = " ".join(anchor.get_text(" ").split()) or anchor["href"]
                self.unresolved.append(f"{words_} ({anchor['href']})")
        for node in list(soup.find_all(string=POINTER)):
            if isinstance(node, NavigableString) and node.find_parent("a") is None:
                linked = self.link_pointers(str(node))
                node.replace_with(BeautifulSoup(linked, "html.parser"))
        return str(soup)

    def link(self, anchor, target):
        page_id = self.page_for(target)
        if page_id is None:
            self.pending.append(anchor.get_text())
            return
        anchor.attrs = {"linktype": "page", "id": str(page_id)}
        self.resolved.append(anchor.get_text())

    def link_pointers(self, text):
        out, position = [], 0
        for pointer in POINTER.finditer(text):
            if pointer.start() < position:
                continue
            out.append(escape(text[position : pointer.end()]))
            position = pointer.end()
            linked_any = False
            while True:
                found = self.next_title(text, position)
                if found is None:
                    break
                start, end, target = found
                out.append(escape(text[position:start]))
                page_id = self.page_for(target)
                if page_id is None:
                    self.pending.append(text[start:end])
                    out.append(escape(text[start:end]))
                else:
                    words_html = escape(text[start:end])
                    out.append(f'<a linktype="page" id="{page_id}">{words_html}</a>')
                    self.resolved.append(text[start:end])
                linked_any = True
                position = end
            # Nothing after the pointer in this text: the title is the link
            # that follows it, or the sentence ends there.
            if not linked_any and text[position:].strip():
                preview = " ".join(text[position:].split()[:POINTER_PREVIEW])
                self.unresolved.append(f"{pointer.group().strip()} {preview}…")
        out.append(escape(text[position:]))
        return "".join(out)

    def next_title(self, text, position):
        """The title starting at `position`, past any joining words and stop
        words, as (start, end, target)."""
        tokens = [
            (m.start() + position, m.end() + position, m.group())
            for m in re.finditer(r"\S+", text[position:])
        ]
        keys, spans, lead = [], [], None
        for start, end, token in tokens[:60]:
            key = "".join(words(token))
            if lead is None and key and key not in JOINERS:
                lead = start  # the link starts here, stop words and all
            if key and key not in STOP_WORDS:
                keys.append(key)
                spans.append((start, end))
        if not keys:
            return None
        match = self.titles.match(keys, 0, exclude=self.exclude)
        if match is None:
            return None
        target, size, _ = match
        size = min(size, len(spans))
        start, end = lead, spans[size - 1][1]
        title = self.titles.titles.get(target, "")
        end = past_trailing_words(text, end, title)
        end = len(text[:end].rstrip(",.;:?!)\"”’'"))
        # The title's own closing mark and quotes belong to the link:
        # "(see my article: Is It Panic?)".
        ending = title[len(title.rstrip("?!\"”’'")) :]
        while ending and text[end : end + 1] == ending[0]:
            end, ending = end + 1, ending[1:]
        return start, end, target


def past_trailing_words(text, end, title):
    """Where a title's link ends once the stop words that close the title
    ("...Stop Fighting It") are taken in too."""
    said = words(title)
    last = max((i for i, w in enumerate(said) if w not in STOP_WORDS), default=-1)
    for word in said[last + 1 :]:
        match = re.match(r"\s+(\S+?)(?=[\s,.;:!?)\"”’]|$)", text[end:])
        if not match or "".join(words(match.group(1))) != word:
            break
        end += match.end()
    return end


def cover_title(anchor, title):
    """Stretch a link over the rest of the title it names when the old blog
    linked only its start or end: "...Stop Fighting</a> It", "Panic</a>?"."""
    if not title:
        return
    wanted = words(title)
    have = words(anchor.get_text())
    if not have or have == wanted:
        return
    following = anchor.next_sibling
    if wanted[: len(have)] == have and isinstance(following, NavigableString):
        missing = wanted[len(have) :]
        text = str(following)
        taken = take_words(text, missing, title)
        if taken:
            anchor.append(text[:taken])
            following.replace_with(text[taken:])
            return
    if wanted[-len(have) :] == have:
        before = anchor.previous_sibling
        if isinstance(before, NavigableString):
            missing = wanted[: len(wanted) - len(have)]
            text = str(before)
            tail = text.rstrip()
            tokens = tail.split()
            if (
                missing
                and [k for t in tokens[-len(missing) :] for k in words(t)] == missing
            ):
                cut = len(tail) - len(" ".join(tokens[-len(missing) :]))
                anchor.insert(0, text[cut:])
                before.replace_with(text[:cut])


def take_words(text, missing, title):
    """How many characters of `text` spell the `missing` words (and the
    title's closing mark), or 0."""
    position = 0
    for word in missing:
        match = re.match(r"\s*(\S+?)(?=[\s,.;:!?)\"”’]|$)", text[position:])
        if not match or "".join(words(match.group(1))) != word:
            return 0
        position += match.end()
    ending = title[len(title.rstrip("?!\"”’'")) :]
    while ending and text[position : position + 1] == ending[0]:
        position, ending = position + 1, ending[1:]
    return position
