"""When and how work is spread over processes: one fork-based pool policy for loading and rules.

Callers pass ``workers`` explicitly (library default 1: serial); the command line decides how many. A pool is
used only when there are at least ``min_items`` items, because below that the fork and the transfer of results
cost more than they save. Nothing here reads the environment.

State the workers need (the loaded model, the root) is handed to each worker once, through the pool's
initializer: with the fork start method the worker inherits it without pickling, and only the worker
process ever holds it in ``_STATE``; the parent's module state never changes.
"""
from __future__ import annotations

import multiprocessing
from typing import Callable, Iterable, Iterator

MIN_ITEMS = 400  # measured (tools bench): below this a pool costs more than it saves
_STATE: tuple = ()  # set in a worker process only, by _init


def fork_context():
    """A multiprocessing context that forks (workers inherit the parent's imports and model), or None where the
    platform cannot fork: then callers stay serial."""
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def pool_size(workers: int, items: int, min_items: int = MIN_ITEMS) -> int:
    """How many processes to use for ``items`` pieces of work: 1 (serial) unless a pool pays and can fork."""
    if workers <= 1 or items < max(1, min_items) or fork_context() is None:
        return 1
    return workers


def _init(fn, state, setup):
    global _STATE
    _STATE = (fn, state)
    if setup is not None:
        setup()


def _call(item):
    fn, state = _STATE
    return fn(state, item)


def fork_map(fn: Callable, state, items: Iterable, workers: int, chunksize: int = 1,
             setup: Callable | None = None) -> Iterator:
    """``fn(state, item)`` for every item, in order, in ``workers`` forked processes (``setup`` runs once in
    each worker first). ``fn`` must be a module-level function; results are pickled back to the parent."""
    ctx = fork_context()
    with ctx.Pool(workers, initializer=_init, initargs=(fn, state, setup)) as pool:
        yield from pool.imap(_call, items, chunksize=chunksize)
