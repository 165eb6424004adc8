"""Lantern's core: content, rendering and search. Never imports Qt."""
