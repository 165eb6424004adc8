"""Run in a child process by the hostile-pack tests: load the packs given as the window
does (through the library cache), build their index, compose every page, and print one
JSON line saying what loaded. The parent measures this process's peak memory."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from lantern.core import paths
    from lantern.core.compose import Composer
    from lantern.core.library_cache import load_library_cached
    from lantern.core.search import open_index

    roots = [Path(a) for a in argv]
    library = load_library_cached(roots, paths.cache_dir())
    index = open_index(library, paths.cache_dir())
    composer = Composer(library)
    addresses = [f"lantern:article/{a.slug}" for a in library.articles]
    addresses += [f"lantern:faq/{f.slug}" for f in library.faqs]
    addresses += [f"lantern:term/{t.id}" for t in library.terms]
    addresses += [f"lantern:page/{p.name}" for p in library.pages]
    for address in addresses:
        composer.compose(address)
    found = index.search("default mode network")
    print(json.dumps({
        "articles": sorted(a.slug for a in library.articles),
        "terms": sorted(t.id for t in library.terms),
        "composed": len(addresses),
        "found": [r.id for r in found.results],
    }))
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
