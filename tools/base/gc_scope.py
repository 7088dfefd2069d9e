"""The cyclic garbage collector paused for a stretch of work, and restored afterwards.

Loading and checking build hundreds of thousands of small acyclic containers; the collector would walk them
again and again for nothing. The pause is scoped: whatever state the collector was in comes back, also when
the work raises, so an embedding process (``mkdocs serve``, a test run) is left as it was.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
