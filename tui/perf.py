"""Helpers for building large immutable structures quickly."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses = 0  # builds under way (`gc_paused`), in any thread
_enabled_before = False  # whether the collector ran before the first of them
_pauses_lock = threading.Lock()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a large model or index.

    Building or unpickling a timeline allocates hundreds of thousands of objects
    and no garbage cycles; the collector would walk them all again and again
    (measured: a 100,000-event cache read takes 3.1 s with it, 0.9 s without).
    Pauses in several threads overlap: the collector is back when the last one
    ends (the explorer reads the whole timeline in one worker while another
    indexes its head; the first to end must not start the collector under the
    other).
    """
    global _pauses, _enabled_before
    with _pauses_lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _enabled_before:
                gc.enable()


def refreeze() -> None:
    """Free what is garbage now, and move everything alive out of the collector's reach.

    For a running explorer that has just replaced its timeline: a model read
    while widgets are alive is not frozen as it is read (`open_folder`), since
    widgets frozen with it would never be freed once replaced, nor the timeline
    they hold. Once the old widgets are gone, everything frozen before is put
    back, one full collection frees what the replacement left (about 0.5 s at
    100,000 events, once, right after the new timeline is shown), and what is
    alive is frozen again. Left to Python, the first full collection over the
    new model came in the middle of a keystroke.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


INTERACTIVE_THRESHOLDS = (50_000, 10, 10)
"""The collector's thresholds in the explorer (Python's are 700, 10, 10)."""

IDLE_COLLECT = 2_000
"""Young objects made since the last collection from which an idle explorer
collects them (`collect_when_idle`)."""


def interactive_collector() -> None:
    """Collect young objects about seventy times less often than Python does by default.

    Drawing a frame makes thousands of short-lived objects (strips, segments and
    their caches): with Python's threshold of 700 a keystroke ran a dozen young
    collections and, every few seconds, a full one of 10-50 ms in the middle of
    it. Measured over the same session of keys on the shipped data: 65 pauses,
    217 ms in all, before; 4 pauses, 93 ms in all, at a threshold of 10,000.
    At 50,000, a keystroke at 100,000 events (10,000-20,000 young objects) is
    rarely interrupted, and the explorer runs what is due between frames
    (`collect_when_idle`). Objects freed by their reference count (nearly all of
    a frame's) are freed at once either way.
    """
    gc.set_threshold(*INTERACTIVE_THRESHOLDS)


def collect_when_idle() -> None:
    """Run the collection the collector would run next, now, while nothing waits.

    For the explorer when it is idle, a frame drawn: a young collection costs
    5-11 ms at 100,000 events, whatever it finds, because the young objects
    include the filter's new containers of 100,000 positions (the listed
    events, the rows, where the search text first occurs), each walked whole.
    Left to the thresholds, one came in the middle of about every other search
    letter. From `IDLE_COLLECT` young objects, the generation the collector
    would choose by its thresholds is collected here instead, so that the next
    keystroke starts with a collection less due.
    """
    young, middle, old = gc.get_count()
    if young < IDLE_COLLECT or _pauses or not gc.isenabled():
        return  # too little to collect, or a model is being built
    # As CPython chooses: the oldest generation whose count is over its threshold.
    # (A full collection may run where CPython would skip it, having too few
    # objects that survived since the last: here it costs time nobody waits for.)
    _, middle_limit, old_limit = gc.get_threshold()
    if old > old_limit:
        gc.collect(2)
    elif middle > middle_limit:
        gc.collect(1)
    else:
        gc.collect(0)
