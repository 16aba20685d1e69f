"""hyteguide.web.memo: what a whole-guide task works out from a text, remembered between
builds."""

from __future__ import annotations

import json

from hyteguide.web.markup import plain_text, render_markdown, words_of
from hyteguide.web.memo import remembered, remembering


def counting():
    calls = []

    def make(text):
        def run():
            calls.append(text)
            return text.upper()
        return run
    return calls, make


def test_without_a_memo_it_is_worked_out_each_time():
    calls, make = counting()
    assert remembered("k", "a", make("a")) == "A"
    assert remembered("k", "a", make("a")) == "A"
    assert calls == ["a", "a"]


def test_a_memo_works_a_text_out_once_and_keeps_it_for_the_next_build(tmp_path):
    path = tmp_path / "memo" / "search-fi.json"
    calls, make = counting()
    with remembering(path):
        assert [remembered("k", t, make(t)) for t in ("a", "b", "a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]
    with remembering(path):
        assert remembered("k", "a", make("a")) == "A"
        assert remembered("other", "a", make("a")) == "A"  # another kind is another result
    assert calls == ["a", "b", "a"]
    kept = json.loads(path.read_text(encoding="utf-8"))
    assert len(kept) == 2  # "b" was not asked: it is gone


def test_a_memo_that_cannot_be_read_is_started_afresh(tmp_path):
    path = tmp_path / "memo.json"
    for broken in ("{", "[1, 2]", ""):
        path.write_text(broken, encoding="utf-8")
        calls, make = counting()
        with remembering(path):
            assert remembered("k", "a", make("a")) == "A"
        assert calls == ["a"]


def test_the_words_of_markdown_are_the_same_remembered_or_not(tmp_path):
    text = "**Tervetuloa** [kerhoon](https://example.org) <script>x</script> & *muut*"
    expected = plain_text(render_markdown(text))
    for _ in range(2):
        with remembering(tmp_path / "m.json"):
            assert words_of(text) == expected
