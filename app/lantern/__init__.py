"""Lantern: an offline reading companion about psychedelic-assisted therapy."""

__version__ = "0.1.0"
