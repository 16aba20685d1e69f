"""Work spread over the machine's cores: pages render in forked worker processes.

A forked worker inherits the parent's memory, so the Guide and the compiled templates are never
copied or pickled; only the finished files come back. Results come back in the order of the
work, so the output does not depend on which worker was faster. Where `fork` is missing
(Windows, and macOS' default), or the work is small, it runs in this process.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any

CHUNK = 32  # pages a worker takes at a time: enough to amortise the round trip
_work: Callable[[Sequence[Any]], list[Any]] | None = None  # set before forking


class WorkerError(Exception):
    """A worker failed with an exception that cannot be sent to the parent; the message carries
    its traceback. (Others are raised in the parent as they were, with the worker's traceback
    as a note.)"""


def workers() -> int:
    """Worker processes to use: HYTEGUIDE_JOBS, else the cores this process may run on."""
    wanted = os.environ.get("HYTEGUIDE_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(chunk: Sequence[Any]) -> tuple[bool, Any]:
    assert _work is not None
    try:
        return True, _work(chunk)
    except Exception as error:  # noqa: BLE001 - any failure goes back to the parent
        text = traceback.format_exc()
        try:
            pickle.loads(pickle.dumps(error))  # the same exception in the parent, if it travels
        except Exception:  # noqa: BLE001
            error = WorkerError(text)
        error.add_note("In a worker process:\n" + text)
        return False, error


def chunked(tasks: Sequence[Any], size: int = CHUNK) -> list[Sequence[Any]]:
    """tasks in consecutive chunks of size."""
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def in_parallel(work: Callable[[Sequence[Any]], list[Any]], chunks: Sequence[Sequence[Any]],
                processes: int | None = None) -> Iterator[Any]:
    """work(chunk) for each chunk of tasks, in forked processes; yields the results in order."""
    global _work
    processes = processes or workers()
    if processes < 2 or len(chunks) < 4 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield from work(chunk)
        return
    _work = work
    # Frozen objects are left out of garbage collection, so the workers' collector never writes
    # to the pages they share with the parent (which would copy the whole guide into each).
    gc.collect()
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for ok, result in pool.imap(_run, chunks):
                if not ok:
                    raise result
                yield from result
    finally:
        _work = None
        gc.unfreeze()


def release_memory() -> None:
    """Give memory that a large task freed back to the system (glibc keeps it otherwise, and a
    worker lives for the whole build)."""
    gc.collect()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


@functools.cache
def _glibc() -> Any:
    try:
        libc = ctypes.CDLL("libc.so.6")  # Linux with glibc; elsewhere there is nothing to trim
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None
