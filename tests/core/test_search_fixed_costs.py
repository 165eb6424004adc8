"""What a search pays once per process or per query, made cheaper without changing a result:
names folded without normalising ASCII, index forms of a snippet's words found in one
analyzer run, a query matched against the glossary without the table of name beginnings,
and Whoosh's English word variations loaded only if something asks for them."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import unicodedata

import pytest

from lantern.core.content import load_library
from lantern.core.search import concepts
from lantern.core.search.concepts import ConceptMatcher
from lantern.core.search.languages import fold_unaccented
from lantern.core.search.snippets import Snippets
from lantern.core.search.whoosh_adapter import _index_form, _index_forms
from lantern.core.search.whoosh_lang import ENGLISH, SPANISH
from lantern.core.text import fold

from tests.conftest import BUNDLED_PACK

_WORD = re.compile(r"\w+(?:[-.]\w+)*")


@pytest.fixture(scope="module")
def library():
    return load_library([BUNDLED_PACK, BUNDLED_PACK / "es"])


def _texts(library) -> list[str]:  # type: ignore[no-untyped-def]
    return [*(a.body for a in library.articles), *(f.body for f in library.faqs),
            *(t.definition for t in library.terms)]


def _reference_fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def test_fold_gives_what_it_always_gave_for_every_character_and_mixed_text():
    for code in range(0x30000):
        if not 0xD800 <= code < 0xE000:
            char = chr(code)
            assert fold(char) == _reference_fold(char), hex(code)
    rnd = random.Random(7)
    alphabet = [*"aZ09 -_.'’", "é", "Ñ", "ß", "İ", "ﬁ", "²", "Å", "\u0301", "٣", "Ⅻ"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        assert fold(text) == _reference_fold(text), repr(text)
    assert fold("5-HT2A") == "5ht2a" and fold("Default mode network") == "defaultmodenetwork"


@pytest.mark.parametrize("spec", [ENGLISH, SPANISH], ids=["en", "es"])
def test_index_forms_at_once_are_the_index_forms_word_by_word(library, spec):
    words = list(dict.fromkeys(w for text in _texts(library) for w in _WORD.findall(text)))
    words += ["5-HT2A", "micro-dosing", "e.g", "the", "and", "NIÑOS", "sesión", "x"]
    assert len(words) > 5000
    assert _index_forms(words, spec) == [_index_form(w, spec) for w in words]


def test_a_snippet_is_the_same_with_its_words_reduced_at_once_or_one_by_one(library):
    one = Snippets(_english_form, width=220, context=70, passages=2, cut_marks=True)
    many = Snippets(_english_form, width=220, context=70, passages=2, cut_marks=True,
                    keys=lambda words: _index_forms(words, ENGLISH))
    terms = {"psilocybin", "brain", "network", "therapi", "dose"}
    made = 0
    for text in _texts(library):
        snippet = one.make(text, terms)
        assert many.make(text, terms) == snippet
        made += bool(snippet)
    assert made > 20


def test_a_snippet_whose_words_cannot_be_reduced_at_once_reduces_them_one_by_one():
    snippets = Snippets(str.lower, keys=lambda words: [])  # no form a word: not used
    assert snippets.make("Ketamine works.", {"ketamine"}).marked() == \
        "<mark>Ketamine</mark> works."


def _english_form(word: str) -> str:
    return _index_form(word, ENGLISH)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_short_text_finds_the_same_names_without_the_table_of_beginnings(
        library, language, monkeypatch: pytest.MonkeyPatch):
    terms = [t for t in library.terms if t.language == language]
    key = fold if language == "en" else fold_unaccented
    texts = [t for t in _texts(library) if t]
    rnd = random.Random(3)
    # Short texts: runs of words cut from the pages, and every name of the glossary
    # between other words.
    samples = []
    for text in texts:
        words = text.split()
        start = rnd.randrange(max(1, len(words) - 12))
        samples.append(" ".join(words[start:start + rnd.randint(1, 12)]))
    samples += [f"what is {name} for" for t in terms for name in t.names]
    found = {}
    for short in (10**9, 0):  # every text matched without the table, then with it
        monkeypatch.setattr(concepts, "SHORT_TEXT_WORDS", short)
        matcher = ConceptMatcher(terms, key=key)
        found[short] = [matcher.spans(text) for text in samples]
        assert (matcher._prefixes is None) == (short == 10**9)
    assert found[0] == found[10**9]
    assert sum(map(bool, found[0])) > len(terms)


def test_a_search_never_loads_whooshs_english_word_variations(tmp_path):
    code = (
        "import sys\n"
        "from lantern.core.content import load_library\n"
        "from lantern.core.search import open_index\n"
        f"ix = open_index(load_library([{str(BUNDLED_PACK)!r}]))\n"
        "assert ix.search('psilocybin').results and ix.search('psilocibin').results\n"
        "module = sys.modules['whoosh.lang.morph_en']\n"
        "print(getattr(module, '_lantern_stand_in', False))\n"
        "from whoosh.query.terms import variations  # as Whoosh's Variations query asks\n"
        "print(sorted(variations('run'))[:2])\n"
        "print(getattr(sys.modules['whoosh.lang.morph_en'], '_lantern_stand_in', False))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # Not loaded by the search; loaded, and the real one, once a Variations query asks.
    assert done.stdout.split("\n")[:3] == ["True", "['ran', 'run']", "False"]


def test_spanish_analysis_loads_only_the_spanish_stemmer_and_whooshs_own_code_still_runs(
        tmp_path):
    code = (
        "import sys\n"
        "from lantern.core.search.whoosh_lang import SPANISH\n"
        "print([t.text for t in SPANISH.analyzer('Las integraciones y sesiones')])\n"
        "print(sorted(m for m in sys.modules if m.startswith('whoosh.lang.snowball')))\n"
        "from whoosh.lang.snowball import classes  # the package's own code runs now\n"
        "from whoosh.lang.snowball.spanish import SpanishStemmer\n"
        "print(len(classes), classes['es'] is SpanishStemmer,\n"
        "      classes['fr']().stem('maisons'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == [
        "['integr', 'sesion']",
        "['whoosh.lang.snowball', 'whoosh.lang.snowball.bases', "
        "'whoosh.lang.snowball.spanish']",
        "14 True maison"]


@pytest.fixture(scope="module")
def index(library):
    from lantern.core.search import open_index

    ix = open_index(library)
    yield ix
    ix.close()


def test_a_search_starts_no_thread(index, monkeypatch: pytest.MonkeyPatch):
    import threading

    def refuse(self: threading.Thread) -> None:
        pytest.fail(f"a thread was started: {self!r}")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    assert index.search("psilocybin and the brain").results


def test_a_search_past_its_time_limit_stops_and_says_so(index, monkeypatch, caplog):
    from lantern.core.search import whoosh_adapter

    whole = index.search("brain")
    monkeypatch.setattr(whoosh_adapter, "TIME_LIMIT_S", -1.0)  # out of time at once
    with caplog.at_level("INFO", logger=whoosh_adapter.__name__):
        cut = index.search("brain")
    assert "time limit" in caplog.text
    assert whole.results and len(cut.results) < len(whole.results)


def test_the_windows_preload_imports_the_spanish_stemmer_alone(tmp_path):
    # The window imports its background jobs' modules by name before they run; the Spanish
    # stemmer's name once imported the whole Snowball package (fourteen stemmers, 3–5 ms).
    code = (
        "import sys\n"
        "import lantern.ui.app\n"
        "from lantern.ui.platform.workers import preload_modules\n"
        "preload_modules()\n"
        "print(sorted(m for m in sys.modules if m.startswith('whoosh.lang.snowball')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False, cwd=tmp_path,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == (
        "['whoosh.lang.snowball', 'whoosh.lang.snowball.bases', "
        "'whoosh.lang.snowball.spanish']")
