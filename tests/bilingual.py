"""An English pack and a Spanish one as one library, for the search tests.

The Spanish pack is the small accented one of tests/fixtures/es-search-pack: questions,
articles and glossary terms that translate pages of the bundled English pack, under the
Spanish slugs the bundled Spanish pack uses, and a help page.
"""

from __future__ import annotations

from pathlib import Path

from lantern.core.content import load_library
from lantern.core.model import Library

from tests.conftest import FIXTURES

SPANISH_FIXTURE = FIXTURES / "es-search-pack"


def bilingual_library(english: Path, spanish: Path = SPANISH_FIXTURE) -> Library:
    """The English pack with the Spanish one on top, as one library."""
    return load_library([english, spanish])
