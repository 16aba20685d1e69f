"""hyteguide.parallel: work in forked processes gives what it gives in one process, in order,
and a worker's failure reaches the caller as the same exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import BASE_URL, TEMPLATES
from helpers import make_site

from hyteguide import parallel
from hyteguide.parallel import WorkerError, chunked, in_parallel


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
    from hyteguide.pipeline import build

    root = make_site(tmp_path)
    outputs = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("HYTEGUIDE_JOBS", jobs)
        out = tmp_path / f"out{jobs}"
        report = build(root, TEMPLATES, out, today=dt.date(2026, 11, 23), base_url=BASE_URL)
        outputs[jobs] = ({p.relative_to(out).as_posix(): p.read_bytes()
                          for p in sorted(Path(out).rglob("*")) if p.is_file()}, str(report))
    assert outputs["1"][0] == outputs["2"][0]
    assert len(outputs["1"][0]) > 4 * parallel.CHUNK  # enough pages to use the workers
    sizes = [line for line in outputs["1"][1].splitlines() if line.startswith("search:")]
    assert sizes == [line for line in outputs["2"][1].splitlines() if line.startswith("search:")]
