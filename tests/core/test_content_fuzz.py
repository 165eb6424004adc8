"""Broken packs, generated: the loader never raises, every file is accounted for, and the
HTML of every page that did load is safe to show.

Each example is a small pack whose files are drawn from the mistakes clinic authors (and
hostile ones) make: YAML that does not parse, front matter with the wrong types or missing
fields, unknown citation keys, binary and non-UTF-8 bytes, a file over the size limit,
Markdown nested too deep, raw `<script>` and `<iframe>`, `javascript:` and `file:` links,
remote images.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lantern.core.compose import Composer
from lantern.core.content import MAX_FILE_BYTES, load_library
from lantern.core.model import Library

# --- what a broken pack is made of ---------------------------------------------------

HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<iframe src='https://evil.example'></iframe>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>raw link</a>",
    "<style>body{background:url(https://evil.example/t.png)}</style>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](file:///etc/passwd)",
    "[click](data:text/html,<script>alert(1)</script>)",
    "[click](../../outside.md)",
    "[click](//evil.example/path)",
    "[ref style][r]\n\n[r]: javascript:alert(1)",
    "[ref style][f]\n\n[f]: file:///etc/shadow",
    "![chart](https://evil.example/chart.png)",
    "![chart](file:///etc/passwd)",
    "![chart](/etc/passwd)",
    "![chart](../../../etc/passwd)",
    "![chart](%2e%2e/%2e%2e/etc/passwd)",
    "![chart](\\\\server\\share\\x.png)",
    "![chart](data:image/png;base64,AAAA)",
    r"![chart](\.\./\.\./etc/passwd)",
    r"[click](javascript\:alert(1))",
    "<https://evil.example/auto>",
    "<ftp://evil.example/auto>",
    "<someone@evil.example>",
    "[fine](https://example.org) and [pack](article:nowhere) and [faq](faq:x#y)",
    "[a](article:../../etc)",
    "Claim [@unknown-key]. Another [@known; @missing].",
    "Term DMN and the default mode network.",
    "> " * 600 + "deep quote",
    "- " * 500 + "deep list",
    "\n".join("  " * i + "- item" for i in range(200)),
    "[" * 3000 + "x" + "]" * 3000,
    "*" * 4000 + "x",
    "```\nunclosed fence <script>\n",
    "| a | b |\n|:--|--:|\n| <script> | [x](javascript:y) |",
    "## Heading <iframe>\n\ntext",
    "&#106;avascript:alert(1) &lt;script&gt;",
    "\u202eright-to-left override \u200b zero width",
]

FIELD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates().map(str),
    st.just("2026-13-45"),
    st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sampled_from(["https://doi.org/x", "javascript:alert(1)", "file:///etc/passwd",
                     "[@known]", "<script>alert(1)</script>"]),
)
ARTICLE_KEYS = ["title", "summary", "topics", "reviewed", "evidence", "aliases",
                "content_note", "related", "unknown_field"]
FAQ_KEYS = ["question", "topics", "aliases", "related", "bogus"]
TERM_KEYS = ["id", "term", "definition", "aliases", "see_also", "not", "extra"]
REF_KEYS = ["id", "type", "title", "issued", "author", "container-title", "DOI", "URL",
            "note", "wrong"]

GOOD_ARTICLE = {"title": "A title", "summary": "Short.", "topics": ["safety"],
                "reviewed": "2026-01-02", "evidence": "moderate"}
GOOD_FAQ = {"question": "Is it safe?", "topics": ["safety"]}


def _mapping(keys: list[str], good: dict[str, object]) -> st.SearchStrategy[dict[str, object]]:
    """Mostly valid front matter with some fields dropped, added or given wrong values."""
    return st.builds(
        lambda drop, wrong: {**{k: v for k, v in good.items() if k not in drop}, **wrong},
        st.sets(st.sampled_from(sorted(good)), max_size=2),
        st.dictionaries(st.sampled_from(keys), FIELD_VALUES, max_size=3),
    )


BODY = st.lists(
    st.one_of(st.sampled_from(HOSTILE_MARKDOWN), st.text(max_size=40)), max_size=4
).map("\n\n".join)


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _front_matter_file(meta: st.SearchStrategy[dict[str, object]]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda m, b: f"---\n{_dump(m)}---\n{b}\n", meta, BODY),
        # YAML that does not parse, or is not a mapping.
        st.builds(lambda y, b: f"---\n{y}\n---\n{b}\n",
                  st.sampled_from(["title: [unclosed", "title: 'x\n  bad: indent",
                                   "- a list", "just text", "{a: 1, a: 2}", "[" * 200,
                                   "key: *undefined_alias", "!!python/object:os.system x",
                                   "title: &a [*a]"]),
                  BODY),
        st.builds(lambda b: f"---\ntitle: never closed\n{b}", BODY),  # no closing ---
        BODY,  # no front matter at all
    )


HUGE = b"<a file one byte over the size limit>"
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16", "cp1252"])


@st.composite
def file_bytes(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """A file's bytes: the text in some encoding, or something that is not text at all."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.binary(max_size=200))
    if choice == 1:
        return b"\xff\xfe\x00\x00" + draw(st.binary(max_size=50))
    if choice == 2:
        return draw(text).encode("utf-8")[: draw(st.integers(0, 60))]  # cut mid-character
    encoding = draw(ENCODINGS)
    return draw(text).encode(encoding, errors="replace")


SLUGS = st.sampled_from(["ok", "another-one", "Bad Name", "UPPER", "x--y", "-lead", "n1"])


@st.composite
def broken_pack(draw: st.DrawFn) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    if draw(st.booleans()):
        files["pack.toml"] = draw(file_bytes(st.sampled_from([
            'name = "Clinic"\n', "name = [broken\n", "name = 5\n", 'nam = "typo"\n', "",
        ])))
    for folder, keys, good in (("articles", ARTICLE_KEYS, GOOD_ARTICLE),
                               ("faq", FAQ_KEYS, GOOD_FAQ)):
        for slug in draw(st.sets(SLUGS, max_size=3)):
            files[f"{folder}/{slug}.md"] = draw(file_bytes(_front_matter_file(
                _mapping(keys, good))))
    for name in draw(st.sets(st.sampled_from(["home", "help-now", "about", "odd"]), max_size=2)):
        files[f"pages/{name}.md"] = draw(file_bytes(_front_matter_file(
            _mapping(["title", "other"], {"title": "Page"}))))
    if draw(st.booleans()):
        term = {"id": "dmn", "term": "DMN", "definition": "The default mode network [@known].",
                "aliases": ["default mode network"]}
        items = draw(st.lists(_mapping(TERM_KEYS, term), min_size=1, max_size=3))
        raw = st.one_of(st.just(_dump(items)), st.sampled_from(
            ["- id: [broken", "id: not-a-list", "- just text", "- {id: x, term: y"]))
        files["glossary.yaml"] = draw(file_bytes(raw))
    if draw(st.booleans()):
        ref = {"id": "known", "type": "article-journal", "title": "A study", "issued": 2020,
               "author": [{"family": "Doe", "given": "J"}], "DOI": "10.1/x"}
        items = draw(st.lists(_mapping(REF_KEYS, ref), min_size=1, max_size=3))
        files["references.yaml"] = draw(file_bytes(st.just(_dump(items))))
    if draw(st.integers(0, 9)) == 0:
        files["articles/huge.md"] = HUGE  # written over the size limit, see _write
    return files


# --- what must hold --------------------------------------------------------------------

ALLOWED_TAGS = {
    "a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "sup", "span", "br", "hr", "table", "thead", "tbody",
    "tr", "th", "td", "img", "div",
}
INTERNAL = re.compile(r"lantern:(article|faq|term|page|ref)/[\w.-]*(#[\w.-]*)?")


class _SafetyCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.faults.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or "url(" in value.lower():
                self.faults.append(f"attribute {name}={value!r}")
            if name == "href" and not (
                value.startswith("#") or INTERNAL.fullmatch(value)
                or value.lower().startswith(("http://", "https://", "mailto:"))
            ):
                self.faults.append(f"link {value!r}")
            if name == "src":
                # Only a file inside the pack, and the reader loads none of them anyway.
                plain = unquote(value)
                if ":" in plain or plain.startswith(("/", "\\")) or ".." in plain:
                    self.faults.append(f"resource {value!r}")
            if name in ("srcset", "background", "poster", "data", "action", "formaction"):
                self.faults.append(f"attribute {name}")


def assert_safe(html: str, where: str) -> None:
    check = _SafetyCheck()
    check.feed(html)
    check.close()
    assert not check.faults, f"{where}: {check.faults}"


def _is_empty_yaml(data: bytes) -> bool:
    try:
        value = yaml.safe_load(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return False
    return value is None or value == []


def _represented(library: Library, path: Path) -> bool:
    return any(item.path == path for item in (*library.articles, *library.faqs, *library.pages,
                                              *library.terms, *library.references))


def check_pack(root: Path, files: dict[str, bytes]) -> None:
    library = load_library(root)  # must not raise, whatever the files hold
    for problem in library.problems:
        assert problem.line >= 1, problem
        assert problem.file == root or root in problem.file.parents, problem
        if problem.file.is_file():
            lines = problem.file.read_bytes().count(b"\n") + 1
            assert problem.line <= lines, problem
    named = {p.file for p in library.problems}
    for relative, data in files.items():
        path = root / relative
        if relative == "pack.toml" or (relative.endswith(".yaml") and _is_empty_yaml(data)):
            continue
        assert _represented(library, path) or path in named, f"{relative} vanished silently"
    composer = Composer(library)
    addresses = ["lantern:home",
                 *(f"lantern:article/{a.slug}" for a in library.articles),
                 *(f"lantern:faq/{f.slug}" for f in library.faqs),
                 *(f"lantern:page/{p.name}" for p in library.pages),
                 *(f"lantern:term/{t.id}" for t in library.terms)]
    for address in addresses:
        page = composer.compose(address)
        assert page is not None, address
        assert_safe(page.html, address)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(broken_pack())
@example({"faq/deep.md": f"---\n{_dump(GOOD_FAQ)}---\n".encode() + b"- " * 500 + b"x",
          "faq/after.md": f"---\n{_dump(GOOD_FAQ)}---\n[l](https://a.b) [@r]".encode(),
          "references.yaml": _dump([{"id": "r", "type": "book", "title": "T", "issued": 2020,
                                     "URL": "javascript:alert(1)"}]).encode()})
def test_broken_packs_never_raise_and_render_safely(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "pack"
        for relative, data in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if data == HUGE:
                data = b"---\ntitle: x\n---\n".ljust(MAX_FILE_BYTES + 1, b"a")
            path.write_bytes(data)
        root.mkdir(exist_ok=True)
        check_pack(root, files)


def test_hostile_markdown_in_a_valid_article_renders_safely(tmp_path: Path) -> None:
    """Every hostile snippet at once, in an article that loads: nothing unsafe survives."""
    root = tmp_path / "pack"
    (root / "articles").mkdir(parents=True)
    (root / "references.yaml").write_text(_dump([
        {"id": "known", "type": "book", "title": "T", "issued": 2020, "DOI": "10.1/x"},
    ]))
    (root / "glossary.yaml").write_text(_dump([
        {"id": "dmn", "term": "DMN", "definition": "Default mode network [@known]."},
    ]))
    meta = {**GOOD_ARTICLE, "reviewed": dt.date(2026, 1, 2).isoformat()}
    body = "\n\n".join(HOSTILE_MARKDOWN)
    (root / "articles" / "hostile.md").write_text(f"---\n{_dump(meta)}---\n{body}\n")
    library = load_library(root)
    assert library.article("hostile") is not None
    unknown = [p for p in library.problems if "unknown citation key" in p.message]
    assert {p.message for p in unknown} == {"unknown citation key '@unknown-key'",
                                            "unknown citation key '@missing'"}
    check_pack(root, {"articles/hostile.md": b"", "glossary.yaml": b"", "references.yaml": b""})
