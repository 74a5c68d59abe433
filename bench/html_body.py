#!/usr/bin/env python3
"""How clean is the article body newsgraph reads from an HTML page?

Body-text token F1 (bag of lower-case word tokens, one per character in
scripts without word spaces, as in the ScrapingHub
article-extraction benchmark) of `newsgraph text PAGE.html` against the
expected article texts that newspaper4k ships with its tests, next to
trafilatura and Readability (readability-lxml) on the same pages when they
are installed. The pages are real news pages; they are not copied into this
repository. Fetch them once with

    pip download newspaper4k==0.9.6 --no-binary :all: --no-deps -d target/html-eval
    tar xzf target/html-eval/newspaper4k-0.9.6.tar.gz -C target/html-eval

then run

    bench/html_body.py target/html-eval/newspaper4k-0.9.6/tests/data [target/release/newsgraph]
"""
import collections
import pathlib
import re
import subprocess
import sys
import unicodedata

# pages whose expected text is the article body in a language with word spaces
SKIP = {"cnn_main_site", "wired_main_site", "yahoo_main_site", "sample_rss", "ap_meta_refresh", "google_meta_refresh"}


# scripts written without spaces between words: each character is a token
UNSPACED = "\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
TOKEN = re.compile(f"[{UNSPACED}]|[^\\W{UNSPACED}]+")


def tokens(text):
    return collections.Counter(TOKEN.findall(unicodedata.normalize("NFKC", text).lower()))


def f1(found, expected):
    overlap = sum((found & expected).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    p = overlap / sum(found.values())
    r = overlap / sum(expected.values())
    return p, r, 2 * p * r / (p + r)


def newsgraph_body(binary, page):
    out = subprocess.run([binary, "text", str(page)], capture_output=True, text=True).stdout
    # a header (file name, headline, date, byline, url), a blank line, the body
    return out.split("\n\n", 1)[1] if "\n\n" in out else ""


def extractors(binary):
    found = {"newsgraph": lambda page, html: newsgraph_body(binary, page)}
    try:
        import trafilatura

        found["trafilatura"] = lambda page, html: trafilatura.extract(html) or ""
    except ImportError:
        pass
    try:
        from readability import Document
        import lxml.html

        def readability(page, html):
            summary = Document(html).summary()
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

        found["readability"] = readability
    except ImportError:
        pass
    return found


def main():
    data = pathlib.Path(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/newsgraph"
    tools = extractors(binary)
    scores = {name: [] for name in tools}
    print(f"{'page':24}" + "".join(f"{name:>14}" for name in tools))
    for expected_file in sorted((data / "txt").glob("*.txt")):
        page = data / "html" / (expected_file.stem + ".html")
        if not page.exists() or expected_file.stem in SKIP:
            continue
        expected_text = expected_file.read_text(encoding="utf-8")
        html = page.read_text(encoding="utf-8", errors="replace")
        expected = tokens(expected_text)
        row = f"{expected_file.stem:24}"
        for name, extract in tools.items():
            p, r, f = f1(tokens(extract(page, html)), expected)
            scores[name].append((p, r, f))
            row += f"{f:14.3f}"
        print(row)
    print()
    for name, rows in scores.items():
        n = len(rows)
        p, r, f = (sum(x[i] for x in rows) / n for i in range(3))
        print(f"{name:12} pages {n}  precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
