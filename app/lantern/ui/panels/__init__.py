"""The panels room: the reader, the search results, the docks (glossary, references,
contents, bookmarks), the find bar, and the Qt models behind them."""
