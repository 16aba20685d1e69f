"""Work spread over the machine's cores: pages render in forked worker processes.

A forked worker inherits the parent's memory, so the Guide and the compiled templates are never
copied or pickled; only the finished files come back. Results come back in the order of the
work, so the output does not depend on which worker was faster. Where `fork` is missing
(Windows), or the work is small, it runs in this process.

Memory (what the build holds at its peak, issue 16 point 7): a forked worker shares the
parent's pages only until it touches them, since Python writes a reference count into every
object it reads; a worker that reads the whole guide comes to hold a copy of it. So:

- the work that reads the whole guide (the search index, the feeds, the open data: `heavy`
  chunks) runs in as many workers at once as the caller allows and the memory budget holds
  (`heavy_at_once`: two on this 2-core machine up to a few thousand organisations, else one;
  the build allows two only with its cache), and the worker that ran one leaves after it;
- a worker whose memory has grown by WORKER_MEMORY leaves too; a fresh fork takes the place
  of a worker that left, holding nothing apart from the parent;
- a heavy chunk running beside the pages costs about OVERLAP times the parent's memory at its
  peak: the parent, the worker's copy of the guide, the chunk's own working memory and the
  other workers (3.4 times at 30,000 organisations, bench/RESULTS.md). When that
  would pass the memory budget (`memory_budget()`: HYTEGUIDE_MEMORY in MiB, else 4 GiB), the
  heavy chunks run here, in the parent, after the pages, with no worker beside them: the
  peak is then the guide once and one chunk's working memory, at the cost of the second core
  idling while they run.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import functools
import gc
import multiprocessing
import os
import pickle
import resource
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing import connection
from multiprocessing.connection import Connection
from typing import Any, NoReturn

CHUNK = 32  # pages a worker takes at a time: enough to amortise the round trip
# A worker leaves, and a fresh fork takes its place, once its own memory has grown by this much
# (what it copied of the parent's, by reading it, is then given back).
WORKER_MEMORY = 256 * 1024 * 1024
MEMORY_BUDGET = 4096  # MiB the build should stay within at its peak, unless HYTEGUIDE_MEMORY
OVERLAP = 3.5  # the peak of a heavy chunk beside the pages, in multiples of the parent's memory
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


def memory_budget() -> int:
    """Bytes the build should stay within: HYTEGUIDE_MEMORY (MiB), else MEMORY_BUDGET."""
    wanted = os.environ.get("HYTEGUIDE_MEMORY", "")
    mib = int(wanted) if wanted.isdigit() and int(wanted) > 0 else MEMORY_BUDGET
    return mib * 1024 * 1024


def resident() -> int:
    """This process's resident memory in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except OSError:
        return 0


def heavy_beside_pages() -> bool:
    """Whether the heavy chunks can run in a worker beside the pages within the memory
    budget (else they run in the parent after the pages)."""
    return OVERLAP * resident() <= memory_budget()


def heavy_at_once(processes: int) -> int:
    """How many heavy chunks may run at the same time, each in a worker of its own: as many as
    the memory budget holds, counting the parent and, for each, OVERLAP - 1 times the parent's
    memory (its worker's copy of the guide and its working memory); at least one, at most
    processes. Two at once help a build that makes little else (a cached build after an
    edit: the pages are reused, the whole-guide tasks all run again; 83 → 70 s at 3,000
    organisations)."""
    room = (memory_budget() / max(resident(), 1) - 1) / (OVERLAP - 1)
    return max(1, min(processes, int(room)))


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
                processes: int | None = None, heavy: Sequence[Sequence[Any]] = (),
                beside: bool | None = None, at_once: int | None = None) -> Iterator[Any]:
    """work(chunk) for each chunk of tasks, in forked processes; yields the results in order:
    those of chunks, then those of heavy, the chunks that read all of the guide. beside:
    whether the heavy chunks run in workers beside the pages, or in this process after them
    (None: as the memory budget allows); at_once: how many heavy chunks may run at the same
    time, in workers (None: as the memory budget allows, heavy_at_once)."""
    processes = processes or workers()
    if processes < 2 or len(chunks) + len(heavy) < 4 or not hasattr(os, "fork"):
        for chunk in (*chunks, *heavy):
            yield from work(chunk)
        return
    if beside is None:
        beside = heavy_beside_pages()
    if beside:
        yield from _forked(work, [*chunks, *heavy], range(len(chunks), len(chunks) + len(heavy)),
                           processes, at_once or heavy_at_once(processes))
        return
    if len(chunks) >= 4:
        yield from _forked(work, chunks, (), processes)
    else:
        for chunk in chunks:
            yield from work(chunk)
    for chunk in heavy:  # with no worker beside it, the guide is held once
        yield from work(chunk)


def _forked(work: Callable[[Sequence[Any]], list[Any]], every: Sequence[Sequence[Any]],
            heavy: Iterable[int], processes: int, at_once: int = 1) -> Iterator[Any]:
    global _work
    _work = work
    # Frozen objects are left out of garbage collection, so the workers' collector never writes
    # to the pages they share with the parent (which would copy the whole guide into each).
    gc.collect()
    gc.freeze()
    pool = _Workers(every, heavy, processes, at_once)
    try:
        pool.start()
        for result in pool.results():
            yield from result
    finally:
        pool.stop()
        _work = None
        gc.unfreeze()


class _Workers:
    """Forked worker processes, each given chunk numbers through a pipe and sending back
    their results. A worker leaves after sending a result when its memory has grown by
    WORKER_MEMORY (the pages it has copied from the parent by reading them, and what it made)
    or when the chunk was a heavy one, and a fresh fork takes its place."""

    def __init__(self, chunks: Sequence[Sequence[Any]], heavy: Iterable[int], processes: int,
                 at_once: int = 1):
        self.chunks = chunks
        self.processes = processes
        self.heavy = frozenset(heavy)
        self.at_once = at_once  # heavy chunks that may run at the same time
        # the heavy chunks first: they are the long ones, and run (up to at_once of them)
        # while pages render
        self.waiting = collections.deque(sorted(range(len(chunks)),
                                                key=lambda n: n not in self.heavy))
        self.given: dict[Connection, list[int]] = {}  # a worker's pipe → its chunks, in order
        self.pids: dict[Connection, int] = {}
        self.heavy_running = 0

    def start(self) -> None:
        for _ in range(self.processes):
            self._fork()

    def _fork(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        pid = os.fork()
        if pid == 0:  # the worker: it never returns
            code = 1
            try:
                ours.close()
                for other in self.pids:  # so that each pipe's end closes when its worker does
                    other.close()
                _serve(theirs, self.chunks)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        self.pids[ours] = pid
        self.given[ours] = []
        self._give(ours)
        self._give(ours)  # the next chunk waits in the pipe while one is rendered

    def _next(self, worker: Connection) -> int | None:
        """The first waiting chunk this worker may take: a heavy one only alone, and only
        while fewer than at_once heavy ones run."""
        alone = self.heavy_running < self.at_once and not self.given[worker]
        for position, number in enumerate(self.waiting):
            if alone or number not in self.heavy:
                del self.waiting[position]
                return number
        return None

    def _give(self, worker: Connection) -> None:
        if self.given[worker] and self.given[worker][-1] in self.heavy:
            return  # it leaves after a heavy chunk
        number = self._next(worker)
        if number is None:
            return
        heavy = number in self.heavy
        self.heavy_running += heavy
        self.given[worker].append(number)
        # A worker that has just left (its last result, which says so, not yet read here)
        # cannot take it: it is given again when that result is read.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            worker.send((number, heavy))

    def results(self) -> Iterator[list[Any]]:
        """Each chunk's results, in the chunks' order."""
        done: dict[int, list[Any]] = {}
        following = 0
        while following < len(self.chunks):
            busy = [worker for worker, numbers in self.given.items() if numbers]
            for worker in connection.wait(busy):
                assert isinstance(worker, Connection)
                self._received(worker, done)
            while following in done:
                yield done.pop(following)
                following += 1

    def _received(self, worker: Connection, done: dict[int, list[Any]]) -> None:
        try:
            number, ok, result, leaving = worker.recv()
        except (EOFError, OSError):
            self._died(worker)
        if not ok:
            raise result
        self.given[worker].remove(number)
        done[number] = result
        if number in self.heavy:
            self.heavy_running -= 1
        if leaving:
            self.waiting.extendleft(reversed(self.given[worker]))  # not rendered: given again
            os.waitpid(self.pids[worker], 0)
            self._forget(worker)
            self._fork()
        else:
            self._give(worker)
        if self.heavy_running < self.at_once:  # another worker may take a heavy chunk now
            for other in self.given:
                if not self.given[other]:
                    self._give(other)

    def _died(self, worker: Connection) -> NoReturn:
        pid = self.pids[worker]
        _, status = os.waitpid(pid, 0)
        self._forget(worker)
        raise WorkerError(f"a worker process (pid {pid}) ended without its results (wait "
                          f"status {status}); was it killed for lack of memory?") from None

    def _forget(self, worker: Connection) -> None:
        worker.close()
        del self.pids[worker], self.given[worker]

    def stop(self) -> None:
        """End the workers: those still rendering are stopped."""
        for worker, pid in list(self.pids.items()):
            with contextlib.suppress(OSError):
                worker.send(None)
            if self.given[worker]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            self._forget(worker)


def _serve(pipe: Connection, chunks: Sequence[Sequence[Any]]) -> None:
    """A worker's loop: render the chunks it is given, until None, or until it has grown by
    WORKER_MEMORY (counted as the pages it first wrote: minor page faults)."""
    gc.freeze()
    page = resource.getpagesize()
    start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    while True:
        given = pipe.recv()
        if given is None:
            return
        number, leaving = given
        ok, result = _run(chunks[number])
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start) * page
        leaving = leaving or grown > WORKER_MEMORY
        pipe.send((number, ok, result, leaving))
        if leaving:
            return


def release_memory() -> None:
    """Give memory that a large task freed back to the system (glibc keeps it otherwise, and a
    build without workers goes on in the same process)."""
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
