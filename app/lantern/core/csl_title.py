"""CSL's rich text in titles, parsed as HTML: the parser behind `references.title_markup`,
imported only for a title that holds markup."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

_KEPT_TAGS = {"i", "b", "sup", "sub"}


class TitleMarkup(HTMLParser):
    """CSL's title markup (`<i>`, `<b>`, `<sup>`, `<sub>`, `<span class="nocase">`, small
    caps) kept as safe HTML; any other tag is dropped and its text kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html: list[str] = []
        self.text: list[str] = []
        self.open: list[tuple[str, str]] = []  # (tag in the title, tag written or "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = tag if tag in _KEPT_TAGS else ""
        if tag == "span" and "small-caps" in (dict(attrs).get("style") or ""):
            self.html.append('<span style="font-variant: small-caps">')
            written = "span"
        elif written:
            self.html.append(f"<{written}>")
        self.open.append((tag, written))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                for _, written in reversed(self.open[index:]):
                    if written:
                        self.html.append(f"</{written}>")
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        self.html.append(escape(data, quote=False))
        self.text.append(data)

    def close(self) -> None:
        super().close()
        self.html.extend(f"</{written}>" for _, written in reversed(self.open) if written)
        self.open.clear()
