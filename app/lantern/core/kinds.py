"""The kinds of page a pack holds, as readers see them named. A module of its own so the
window can label things without loading the content model before its first paint."""

KIND_LABELS = {"article": "Article", "faq": "Question", "term": "Glossary", "page": "Page"}
