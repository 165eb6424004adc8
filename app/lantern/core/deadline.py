"""A cooperative time limit for one piece of work, such as composing one page.

The work calls `Budget.tick()` from its loops (the renderer does from Markdown's block,
inline, table and fenced-code loops and from its own tree walk); a tick reads the monotonic
clock and, every LOOK_EVERY_S, checks whether the work must stop. Nothing is ever raised
into a thread from outside: `TimeUp` and `Abandoned` come only out of `tick()`/`check()`,
at a point the work chose, so no lock, `finally` or half-updated structure is cut through
at an arbitrary instruction. A single call into C (one regular expression match) runs to
its end before the next tick, as it did with the asynchronous exception this replaces.

- `TimeUp`: the work took longer than its limit. The renderer then shows the page plainly.
- `Abandoned`: the work is no longer wanted, because `cancel()` was called (from any
  thread: a newer page was asked for) or because it used up the share of the calling
  thread's own processor time it was given (`share_s`: the window tries a page in its own
  thread for a few milliseconds, then hands it to a worker). Nothing is shown for it.
"""

from __future__ import annotations

import time

#: How often a tick checks for cancellation, the thread's share and the time limit.
LOOK_EVERY_S = 0.002


class TimeUp(Exception):
    """The work took longer than its limit."""


class Abandoned(Exception):
    """The work was cancelled, or used up its share of the calling thread's time."""


class Budget:
    """`seconds` of wall-clock time from now; optionally at most `share_s` of the calling
    thread's processor time; cancellable from any thread."""

    __slots__ = ("_cancelled", "_end", "_next_look", "_seconds", "_share_end", "started")

    def __init__(self, seconds: float, *, share_s: float | None = None) -> None:
        self._cancelled = False
        self._seconds = seconds
        self.restart(share_s)

    def restart(self, share_s: float | None = None) -> None:
        """Count from now, in the calling thread (work queued before it starts)."""
        self.started = time.monotonic()
        self._end = self.started + self._seconds
        self._share_end = None if share_s is None else time.thread_time() + share_s
        self._next_look = self.started + LOOK_EVERY_S

    def cancel(self) -> None:
        """Stop the work at its next look at the clock (safe from any thread)."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def tick(self) -> None:
        """Called often from the work's loops: `check()` every LOOK_EVERY_S."""
        if time.monotonic() >= self._next_look:
            self.check()

    def check(self) -> None:
        """Raise Abandoned or TimeUp if the work must stop now."""
        now = time.monotonic()
        self._next_look = now + LOOK_EVERY_S
        if self._cancelled:
            raise Abandoned("cancelled")
        if self._share_end is not None and time.thread_time() > self._share_end:
            raise Abandoned("its share of this thread's time is used up")
        if now > self._end:
            raise TimeUp()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

