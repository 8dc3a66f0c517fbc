"""The writing checks, run by `make bench`; results in bench/results/detectors.md.

- How long the editor's checks (`blog.warnings.writing_warnings`: identifiers
  in every vignette, safe messaging over the whole body) take on a 2,000-word
  article, half of it a vignette, built from the test sentences so that many
  rules fire. The issue's limit is 200 ms.
- Recall and false alarms of each detector on the sentence lists in
  tests/detector_sentences.py.
"""

import statistics
import time

from in_process import demo_site, write_results

WORDS = 2000
RUNS = 20


def article_of(words, sentences):
    """Paragraphs cycling through `sentences` until the text has `words`."""
    paragraphs, count, n = [], 0, 0
    while count < words:
        chunk = " ".join(sentences[(n + i) % len(sentences)] for i in range(5))
        paragraphs.append(f"<p>{chunk}</p>")
        count += len(chunk.split())
        n += 5
    return paragraphs


def main():
    demo_site("detectors", "consolemail://")
    from blog.models import ArticlePage
    from blog.safe_messaging import safe_messaging_warnings
    from blog.warnings import writing_warnings
    from tests.detector_sentences import (
        IDENTIFIERS,
        PSEUDONYMS,
        SAFE_MESSAGING,
        pseudonyms_for,
    )
    from vignettes.identifiers import find_identifiers

    def sentences(lists, key):
        return [(c, s) for c, sentences in lists.items() for s in sentences[key]]

    prose = article_of(WORDS // 2, [s for _, s in sentences(SAFE_MESSAGING, "warn")])
    story = article_of(WORDS // 2, [s for _, s in sentences(IDENTIFIERS, "warn")])
    body_field = ArticlePage._meta.get_field("body")
    body = body_field.stream_block.to_python(
        [{"type": "intro", "value": "".join(prose)}]
        + [
            {
                "type": "vignette",
                "value": {
                    "kind": "fictional",
                    "title": "Maya and the night shift",
                    "disclaimer": "This vignette is fictional.",
                    "people": PSEUDONYMS,
                    "deidentified": True,
                    "body": [
                        {"type": "paragraph", "value": paragraph} for paragraph in story
                    ],
                },
            }
        ]
    )
    words = sum(len(p.split()) for p in prose + story)
    writing_warnings(body, ["suicide"])  # word lists compiled, as in a server
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        warnings = writing_warnings(body, ["suicide"])
        times.append(time.perf_counter() - start)
    rows = [
        (
            f"all the editor's checks on a {words}-word article "
            f"(half of it a vignette), median of {RUNS}",
            f"{statistics.median(times) * 1000:.0f} ms (worst "
            f"{max(times) * 1000:.0f} ms; {len(warnings)} warnings)",
        )
    ]
    for name, lists, flagged in [
        (
            "safe messaging",
            SAFE_MESSAGING,
            lambda _category, s: safe_messaging_warnings(s, ["suicide"]),
        ),
        (
            "identifiers",
            IDENTIFIERS,
            lambda category, s: find_identifiers(s, pseudonyms_for(category)),
        ),
    ]:
        warn, quiet = sentences(lists, "warn"), sentences(lists, "quiet")
        caught = sum(bool(flagged(*pair)) for pair in warn)
        alarms = sum(bool(flagged(*pair)) for pair in quiet)
        rows.append(
            (
                f"{name}: recall on sentences that must warn; false alarms "
                "on near misses",
                f"{caught / len(warn):.0%} ({caught} of {len(warn)}); "
                f"{alarms / len(quiet):.0%} ({alarms} of {len(quiet)})",
            )
        )
    write_results(
        "detectors",
        "Writing checks",
        "The identifier and safe-messaging checks, as the editor runs them "
        "while she writes, and their hit rates on tests/detector_sentences.py.",
        rows,
    )


if __name__ == "__main__":
    main()
