"""The window's thread gets the interpreter lock back quickly from a busy worker."""

from __future__ import annotations

import sys

from lantern.ui.app import SWITCH_INTERVAL_S, create_app


def test_the_app_lets_the_window_thread_take_the_interpreter_lock_within_a_millisecond(qapp):
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        assert create_app() is qapp
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S <= 0.001
    finally:
        sys.setswitchinterval(before)
