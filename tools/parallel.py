"""When and how the lint uses more than one core: one fork-based process pool policy for loading and rules."""
from __future__ import annotations

import os

# Above this many items (files to parse, records to check) work is spread over a pool of forked processes;
# below it the fork and the transfer of results cost more than they save. TOOLS_PARALLEL_MIN overrides it.
MIN_ITEMS = int(os.environ.get("TOOLS_PARALLEL_MIN", "400"))


def fork_context():
    """A multiprocessing context that forks (workers inherit the parent's imports and model), or None where the
    platform cannot fork: then the caller stays serial."""
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None
