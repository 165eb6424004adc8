"""A Spanish page is composed in Spanish: every word Lantern writes into it (dates, "Reviewed",
"References", the home page's headings, the lists' paging, counts) is in the page's own
language, from the command line's catalogue; an English page keeps its English words."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lantern.core import messages
from lantern.core.address import Kind, address
from lantern.core.compose import (
    LIST_PAGE,
    ComposedPage,
    Composer,
    content_note_html,
    short_definition,
)
from lantern.core.content import load_library
from lantern.core.model import Faq, Library, PackInfo, Term
from lantern.core.plurals import count_of, describe_counts
from lantern.core.session import Session
from lantern.core.wording import long_date

from tests.cli.test_translations import catalogue_messages
from tests.conftest import BUNDLED_PACK, FIXTURES, VALID_PACK

ES_PACK = FIXTURES / "es-pack"
#: The catalogue's contexts whose words Lantern writes into pages.
PAGE_CONTEXTS = ("page", "kinds", "dates", "topics", "references")
#: Elements whose text is the content's own even on a Spanish page: a reference's authors,
#: title and journal (the works cited are mostly English), and a glossary entry's other
#: names (English names are aliases of Spanish terms on purpose). Their <b> labels are
#: Lantern's and are scanned.
CONTENT_CLASSES = {"reference", "aliases", "not"}


def english_phrases() -> dict[str, str]:
    """Each English word or phrase of the page catalogue (its text between placeholders)
    that its Spanish translation does not share, with the message it comes from."""
    phrases: dict[str, str] = {}
    for (context, source, comment, numerus), message in catalogue_messages().items():
        if context not in PAGE_CONTEXTS:
            continue
        translation = message.find("translation")
        assert translation is not None
        spanish = " ".join(f.text or "" for f in translation.iter("numerusform")) \
            if numerus else translation.text or ""
        for english in {source, comment} if numerus else {source}:
            for literal, *_ in string.Formatter().parse(english):
                for part in re.split(r"[^\w’'?! -]+", literal):
                    part = part.strip(" -")
                    if len(re.sub(r"\W", "", part)) >= 2 and part not in spanish:
                        phrases[part] = f"[{context}] {source!r}"
    return phrases


class _Text(HTMLParser):
    """The text of a page that is Lantern's to write or a Spanish author's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # tag, inside content's own names
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img"):
            return
        inside = bool(self.open and self.open[-1][1])
        classes = set((dict(attrs).get("class") or "").split())
        self.open.append((tag, (inside or bool(classes & CONTENT_CLASSES)) and tag != "b"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <br/>: no text

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "img"):
            return
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not (self.open and self.open[-1][1]):
            self.texts.append(data)


def lanterns_english(html: str, phrases: dict[str, str]) -> list[str]:
    parser = _Text()
    parser.feed(html)
    text = " ".join(" ".join(parser.texts).split())
    return [f"{phrase!r} from {where}" for phrase, where in phrases.items()
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]


def every_page(composer: Composer) -> Iterator[ComposedPage]:
    library = composer.library
    yield composer.home([(address(Kind.ARTICLE, library.articles[0].slug),
                          library.articles[0].title)] if library.articles else [])
    for items, kind in ((library.articles, Kind.ARTICLE), (library.faqs, Kind.FAQ),
                        (library.terms, Kind.TERM), (library.pages, Kind.PAGE)):
        for item in items:
            page = composer.compose(address(kind, getattr(item, "key", None) or item.name))
            assert page is not None, item.key
            yield page
            if page.content_note:
                yield ComposedPage(page.address, page.title, content_note_html(page),
                                   content_note=page.content_note, language=page.language)
    for kind in ("article", "faq", "term"):
        listing = composer.listing(kind)
        if listing is not None:
            yield listing


@pytest.fixture(scope="module")
def phrases() -> dict[str, str]:
    found = english_phrases()
    assert {"Reviewed", "References", "Read next", "December", "How settled is this?",
            "Questions people ask", "Glossary"} <= set(found)
    return found


@pytest.fixture(scope="module")
def fixture_library() -> Library:
    return load_library([VALID_PACK, ES_PACK])


@pytest.mark.parametrize("roots", [pytest.param((VALID_PACK, ES_PACK), id="es-pack"),
                                   pytest.param((BUNDLED_PACK, BUNDLED_PACK / "es"),
                                                id="bundled")])
def test_spanish_pages_have_no_english_word_of_lanterns_own(
        roots: tuple[Path, Path], phrases: dict[str, str]) -> None:
    library = load_library(list(roots))
    composer = Composer(library.in_language("es"))
    assert composer.language == "es"
    found = []
    pages = 0
    for page in every_page(composer):
        pages += 1
        assert page.language == "es"
        found += [f"{page.address}: {hit}" for hit in lanterns_english(page.html, phrases)]
    assert pages > 5
    assert not found, "\n".join(found)


def test_the_scan_finds_lanterns_english_on_an_english_page(
        fixture_library: Library, phrases: dict[str, str]) -> None:
    article = fixture_library.in_language("en").articles[0]
    page = Composer(fixture_library).article(article)
    said = lanterns_english(page.html, phrases)
    assert any("'Reviewed'" in hit for hit in said) and \
        any("'How settled is this?'" in hit for hit in said)


def test_a_spanish_article_says_its_words_in_spanish(fixture_library: Library) -> None:
    spanish = fixture_library.in_language("es")
    page = Composer(spanish).compose(address(Kind.ARTICLE, "redes-del-cerebro"))
    assert page is not None
    html = page.html
    assert "Revisado el 22 de noviembre de 2026" in html
    assert "<b>¿Qué tan claro está esto?</b>" in html
    assert "Artículo · psilocibina · cerebro" in html
    assert '<h2 class="references">Referencias</h2>' in html
    assert '<h2 class="related">Lea también</h2>' in html
    assert '<span class="card-kind">Pregunta</span>' in html


def test_english_pages_keep_their_english_words(fixture_library: Library) -> None:
    english = fixture_library.in_language("en")
    article = english.articles[0]
    html = Composer(fixture_library).article(article).html
    day = article.reviewed
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    assert f"Reviewed {day.day} {months[day.month - 1]} {day.year}" in html
    assert "<b>How settled is this?</b>" in html
    assert "Article · " in html
    # The window speaking Spanish does not change an English page.
    messages.set_language("es")
    try:
        assert Composer(fixture_library).article(article).html == html
    finally:
        messages.set_language("en")


def test_dates_in_spanish_and_english() -> None:
    day = dt.date(2026, 12, 1)
    assert long_date(day, "es") == "1 de diciembre de 2026"
    assert long_date(day, "en") == "1 December 2026"
    assert long_date(dt.date(2026, 5, 31), "es") == "31 de mayo de 2026"
    assert long_date(day, "fr") == "1 December 2026"  # no catalogue: English


def test_counts_in_spanish_with_their_plurals() -> None:
    assert count_of(1, "article", "es") == "1 artículo"
    assert count_of(2, "article", "es") == "2 artículos"
    assert count_of(0, "faq", "es") == "0 preguntas"
    assert count_of(1, "term", "es") == "1 término del glosario"
    assert count_of(3, "term", "en") == "3 glossary terms"
    assert describe_counts({"term": 1, "faq": 2}, "es") == "1 término del glosario, 2 preguntas"
    assert describe_counts({"term": 1, "faq": 2}) == "1 glossary term, 2 questions"


def spanish_library(faqs: int, terms: int = 0) -> Library:
    return Library(
        packs=(PackInfo("Paquete", language="es", facts_checked=dt.date(2026, 12, 1)),),
        faqs=tuple(Faq(f"p{n}", f"¿Pregunta {n}?", ("t",), "Una respuesta.", Path(f"p{n}.md"),
                       language="es") for n in range(faqs)),
        terms=tuple(Term(f"t{n}", f"término {n}", "Una definición.", language="es")
                    for n in range(terms)),
    )


def test_a_spanish_home_and_its_lists_page_in_spanish() -> None:
    composer = Composer(spanish_library(5000, terms=400))
    home = composer.home().html
    assert "Datos comprobados el 1 de diciembre de 2026 (Paquete)." in home
    assert "<h2>Preguntas frecuentes</h2>" in home and "<h2>Glosario</h2>" in home
    assert "Todas las preguntas (5 000)" in home
    pages = -(-5000 // LIST_PAGE)
    second = composer.compose("lantern:list/faq/2")
    assert second is not None
    assert second.title == f"Todas las preguntas (página 2 de {pages})"
    assert "201–400 de 5 000" in second.html
    assert "‹ Anterior</a>" in second.html and "Siguiente ›</a>" in second.html


def test_the_appears_in_list_says_how_many_more_in_spanish() -> None:
    library = spanish_library(20, terms=1)
    many = {"t0": tuple(address(Kind.FAQ, f"p{n}") for n in range(14))}
    one = {"t0": tuple(address(Kind.FAQ, f"p{n}") for n in range(13))}
    html = Composer(library, appearances=many).term(library.terms[0]).html
    assert "Aparece en" in html
    assert "y 2 páginas más: busque “término 0” para verlas todas." in html
    assert "y 1 página más: busque “término 0” para verla." in \
        Composer(library, appearances=one).term(library.terms[0]).html


def test_a_spanish_content_note_in_spanish() -> None:
    page = ComposedPage("lantern:article/es/x", "Título", "", content_note="Menciona…",
                        language="es")
    html = content_note_html(page)
    assert '<p class="kind">Aviso de contenido</p>' in html
    assert "Seguir al artículo</a>" in html


def test_a_spanish_definition_ends_before_a_spanish_question() -> None:
    term = Term("x", "red", "Zonas del cerebro unidas. ¿Qué hacen? Mucho.", language="es")
    assert short_definition(term) == "Zonas del cerebro unidas."


def test_the_status_line_in_the_windows_language(fixture_library: Library,
                                                 tmp_path: Path) -> None:
    session = Session([VALID_PACK, ES_PACK], tmp_path / "cache")
    session.library = fixture_library
    session.set_language("es")
    spanish = fixture_library.in_language("es")
    assert session.status("es") == (f"{count_of(len(spanish.articles), 'article', 'es')} · "
                                    f"{count_of(len(spanish.faqs), 'faq', 'es')} · "
                                    f"{count_of(len(spanish.terms), 'term', 'es')}")
    assert "artículo" in session.status("es")
    assert "article" in session.status()  # English while nothing else is spoken
    messages.set_language("es")
    try:
        assert session.status() == session.status("es")
    finally:
        messages.set_language("en")


def test_spanish_names_are_listed_in_reading_order() -> None:
    from lantern.core.text import sort_key

    names = ["Trastorno bipolar", "Tálamo", "Zona", "Ñandú", "Nuez", "Oído", "ansiedad",
             "Éxtasis", "Estudio"]
    assert sorted(names, key=sort_key) == ["ansiedad", "Estudio", "Éxtasis", "Nuez", "Ñandú",
                                           "Oído", "Tálamo", "Trastorno bipolar", "Zona"]
    bundled = load_library([BUNDLED_PACK, BUNDLED_PACK / "es"]).in_language("es")
    terms = [t.term for t in bundled.terms]
    assert terms.index("Tálamo") < terms.index("Terapia asistida con MDMA")
