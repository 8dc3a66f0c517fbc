"""Squarespace's WordPress-format exports are not always well-formed XML:
control characters, bytes that are not UTF-8 and bare ampersands. When the
strict reader fails, the file is read again through this filter, which
mends only what XML forbids and leaves the posts' HTML (inside CDATA) as
written."""

import codecs
import re

CHUNK = 256 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)")
OPEN, CLOSE = "<![CDATA[", "]]>"


class Repaired:
    """A file-like reader of the mended XML, read a chunk at a time."""

    def __init__(self, path):
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.in_cdata = False
        self.carry = ""
        self.out = b""
        self.done = False
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")

    def read(self, size=-1):
        while not self.done and (size < 0 or len(self.out) < size):
            raw = self.handle.read(CHUNK)
            if not raw:
                self.done = True
                text = self.carry + self.decoder.decode(b"", final=True)
                self.carry = ""
            else:
                text = self.carry + self.decoder.decode(raw)
                # Mend up to the last line break, so no marker or entity is
                # cut in two (neither holds one); the rest waits for more.
                cut = text.rfind("\n") + 1 or len(text)
                text, self.carry = text[:cut], text[cut:]
            self.out += self.mend(text).encode()
        if size < 0:
            data, self.out = self.out, b""
        else:
            data, self.out = self.out[:size], self.out[size:]
        return data

    def mend(self, text):
        text = CONTROL.sub("", text)
        parts, position = [], 0
        while position < len(text):
            marker = CLOSE if self.in_cdata else OPEN
            found = text.find(marker, position)
            end = len(text) if found < 0 else found + len(marker)
            piece = text[position:end]
            parts.append(piece if self.in_cdata else BARE_AMPERSAND.sub("&amp;", piece))
            if found < 0:
                break
            self.in_cdata = not self.in_cdata
            position = end
        return "".join(parts)

    def close(self):
        self.handle.close()
