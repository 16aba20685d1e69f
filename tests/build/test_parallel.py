"""hyteguide.build.parallel: work in forked processes gives what it gives in one process, in order,
and a worker's failure reaches the caller as the same exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hyteguide.build import parallel
from hyteguide.build.parallel import WorkerError, chunked, in_parallel
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import make_site


def squares(chunk):
    import os
    import time

    time.sleep(0.005)  # long enough that both workers get chunks
    return [(n, n * n, os.getpid()) for n in chunk]


def test_results_come_back_in_order_from_several_processes():
    chunks = chunked(list(range(1000)), 10)
    found = list(in_parallel(squares, chunks, processes=2))
    assert [(n, sq) for n, sq, _ in found] == [(n, n * n) for n in range(1000)]
    assert len({pid for *_, pid in found}) >= 2  # really in other processes


def test_small_work_and_one_process_stay_in_this_process():
    import os

    assert {pid for *_, pid in in_parallel(squares, chunked([1, 2, 3]), 2)} == {os.getpid()}
    assert {pid for *_, pid in in_parallel(squares, chunked(list(range(500)), 10), 1)} == {
        os.getpid()}


def test_heavy_chunks_run_one_at_a_time_each_in_a_worker_that_then_leaves():
    heavy = [[1000 + n] for n in range(6)]
    found = list(in_parallel(timed, chunked(list(range(200)), 10), processes=2, heavy=heavy,
                             at_once=1))
    assert [n for n, *_ in found] == [*range(200), *range(1000, 1006)]
    spans = sorted((start, end) for n, _, start, end in found if n >= 1000)
    # one at a time: each starts after the one before has ended
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
    heavy_pids = [pid for n, pid, *_ in found if n >= 1000]
    assert len(set(heavy_pids)) == 6  # a worker leaves after one
    assert not set(heavy_pids) & {pid for n, pid, *_ in found if n < 1000}
    # in one process, the same results in the same order
    assert [n for n, *_ in in_parallel(timed, chunked(list(range(200)), 10), 1,
                                       heavy=heavy)] == [n for n, *_ in found]


def test_heavy_chunks_run_two_at_a_time_when_memory_allows():
    heavy = [[1000 + n] for n in range(4)]
    found = list(in_parallel(slow_heavy, chunked(list(range(40)), 10), processes=2,
                             heavy=heavy, at_once=2))
    assert [n for n, *_ in found] == [*range(40), *range(1000, 1004)]
    spans = sorted((start, end) for n, _, start, end in found if n >= 1000)
    # the first two start together (each a fresh fork: it takes a while on a busy machine)
    assert spans[1][0] < spans[0][1]
    heavy_pids = [pid for n, pid, *_ in found if n >= 1000]
    assert len(set(heavy_pids)) == 4  # each in a worker of its own, which then leaves
    assert not set(heavy_pids) & {pid for n, pid, *_ in found if n < 1000}


def slow_heavy(chunk):
    import os
    import time

    start = time.monotonic()
    time.sleep(0.5 if chunk[0] >= 1000 else 0.005)
    return [(n, os.getpid(), start, time.monotonic()) for n in chunk]


def test_the_memory_budget_decides_how_many_heavy_chunks_run_at_once(monkeypatch):
    resident = parallel.resident()
    monkeypatch.setenv("HYTEGUIDE_MEMORY", str(int(resident * 3.6) >> 20))
    assert parallel.heavy_at_once(2) == 1  # room for one beside the pages
    monkeypatch.setenv("HYTEGUIDE_MEMORY", str(int(resident * 6.2) >> 20))
    assert parallel.heavy_at_once(2) == 2  # the parent and two workers' copies and work
    assert parallel.heavy_at_once(1) == 1
    monkeypatch.setenv("HYTEGUIDE_MEMORY", str(1 << 30))
    assert parallel.heavy_at_once(2) == 2  # never more than the workers
    monkeypatch.setenv("HYTEGUIDE_MEMORY", "1")
    assert parallel.heavy_at_once(2) == 1


def test_heavy_chunks_run_in_this_process_after_the_pages_when_memory_is_short():
    import os

    heavy = [[1000 + n] for n in range(3)]
    pages = chunked(list(range(200)), 10)
    found = list(in_parallel(timed, pages, processes=2, heavy=heavy, beside=False))
    assert [n for n, *_ in found] == [*range(200), *range(1000, 1003)]
    assert {pid for n, pid, *_ in found if n >= 1000} == {os.getpid()}
    assert os.getpid() not in {pid for n, pid, *_ in found if n < 1000}  # pages in workers
    last_page = max(end for n, _, _, end in found if n < 1000)
    assert all(start >= last_page for n, _, start, _ in found if n >= 1000)  # none beside them


def test_the_memory_budget_decides_where_heavy_chunks_run(monkeypatch):
    assert parallel.resident() > 0
    monkeypatch.delenv("HYTEGUIDE_MEMORY", raising=False)
    assert parallel.memory_budget() == 4096 << 20
    monkeypatch.setenv("HYTEGUIDE_MEMORY", "lots")
    assert parallel.memory_budget() == 4096 << 20
    monkeypatch.setenv("HYTEGUIDE_MEMORY", "1")  # 1 MiB: no room for a copy beside the pages
    assert not parallel.heavy_beside_pages()
    monkeypatch.setenv("HYTEGUIDE_MEMORY", str(1 << 30))
    assert parallel.heavy_beside_pages()
    import os

    pids = {pid for n, pid, *_ in in_parallel(timed, chunked(list(range(100)), 10), 2,
                                               heavy=[[1000]]) if n >= 1000}
    assert pids != {os.getpid()}
    monkeypatch.setenv("HYTEGUIDE_MEMORY", "1")
    pids = {pid for n, pid, *_ in in_parallel(timed, chunked(list(range(100)), 10), 2,
                                               heavy=[[1000]]) if n >= 1000}
    assert pids == {os.getpid()}


def timed(chunk):
    import os
    import time

    start = time.monotonic()
    time.sleep(0.05 if chunk[0] >= 1000 else 0.005)
    return [(n, os.getpid(), start, time.monotonic()) for n in chunk]


def test_a_worker_that_has_grown_is_replaced_and_nothing_is_lost(monkeypatch):
    monkeypatch.setattr(parallel, "WORKER_MEMORY", -1)  # every worker leaves after a chunk
    found = list(in_parallel(squares, chunked(list(range(400)), 10), processes=2))
    assert [n for n, *_ in found] == list(range(400))
    assert len({pid for *_, pid in found}) == 40  # a fresh worker for every chunk


KEPT = []


def grows(chunk):
    import os

    KEPT.append(bytearray(4 << 20))  # 4 MB a chunk, kept: the worker grows
    return [(n, os.getpid()) for n in chunk]


def test_a_worker_leaving_with_a_chunk_given_to_it_leaves_nothing_undone(monkeypatch):
    import time

    monkeypatch.setattr(parallel, "WORKER_MEMORY", 6 << 20)  # leave after a chunk or two
    found = []
    for item in in_parallel(grows, chunked(list(range(300)), 10), processes=2):
        found.append(item)
        time.sleep(0.002)  # read slowly: a worker leaves before its earlier result is read
    assert [n for n, _ in found] == list(range(300))
    assert len({pid for _, pid in found}) >= 10


def test_a_worker_that_dies_is_reported_not_waited_for():
    with pytest.raises(WorkerError, match="ended without its results"):
        list(in_parallel(dies, chunked(list(range(200)), 10), processes=2))
    assert parallel._work is None


def dies(chunk):
    import os

    if 77 in chunk:
        os._exit(3)  # as if the kernel had killed it
    return list(chunk)


def test_a_failure_of_a_heavy_chunk_is_raised():
    with pytest.raises(KeyError, match="seventy-seven"):
        list(in_parallel(fails, chunked(list(range(200)), 10), processes=2, heavy=[[76, 77]]))
    assert parallel._work is None


def fails(chunk):
    if 77 in chunk:
        raise KeyError("seventy-seven")
    return list(chunk)


class Unpicklable(Exception):
    def __init__(self, a, b):
        super().__init__(a)  # pickles with one argument, so it cannot be rebuilt


def fails_oddly(chunk):
    if 77 in chunk:
        raise Unpicklable("x", "y")
    return list(chunk)


def test_a_worker_failure_is_raised_as_it_was_with_the_worker_traceback():
    with pytest.raises(KeyError, match="seventy-seven") as caught:
        list(in_parallel(fails, chunked(list(range(200)), 10), processes=2))
    assert any("In a worker process" in note and "fails" in note
               for note in caught.value.__notes__)
    with pytest.raises(WorkerError, match="Unpicklable"):
        list(in_parallel(fails_oddly, chunked(list(range(200)), 10), processes=2))
    assert parallel._work is None


def test_workers_follow_hyteguide_jobs(monkeypatch):
    monkeypatch.setenv("HYTEGUIDE_JOBS", "3")
    assert parallel.workers() == 3
    monkeypatch.setenv("HYTEGUIDE_JOBS", "zero")
    assert parallel.workers() >= 1


def test_a_build_in_one_process_equals_a_build_in_several(tmp_path, monkeypatch):
    from hyteguide.build.pipeline import build

    root = make_site(tmp_path)
    outputs = {}
    for jobs, memory in (("1", "4096"), ("2", "4096"), ("2-short", "1")):
        monkeypatch.setenv("HYTEGUIDE_JOBS", jobs[0])
        monkeypatch.setenv("HYTEGUIDE_MEMORY", memory)  # "1": the heavy tasks in this process
        out = tmp_path / f"out{jobs}"
        report = build(root, TEMPLATES, out, today=dt.date(2026, 11, 23), base_url=BASE_URL)
        outputs[jobs] = ({p.relative_to(out).as_posix(): p.read_bytes()
                          for p in sorted(Path(out).rglob("*")) if p.is_file()}, str(report))
    assert outputs["1"][0] == outputs["2"][0] == outputs["2-short"][0]
    assert len(outputs["1"][0]) > 4 * parallel.CHUNK  # enough pages to use the workers
    sizes = [line for line in outputs["1"][1].splitlines() if line.startswith("search:")]
    assert sizes == [line for line in outputs["2"][1].splitlines() if line.startswith("search:")]
