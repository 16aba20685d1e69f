"""What a page was made from: recorded while it renders, so that the build cache (buildcache.py)
can tell, on the next build, whether the page would come out the same.

A page's output is a function of the code and templates, the site-wide content (site.yaml,
vocabulary.yaml), its own page data (render.PageSpec, compared by `ident`) and whatever the
rendering reached besides. That last part is recorded here, as *dependencies*:

- ("file", path): a content file whose object (organisation, activity, place, partnership,
  free page) the rendering read an attribute of, in a template or through the guide;
- ("item", name, key) / ("has", name, key): one entry of one of the guide's indexes
  (guide.place_by_slug[slug], slug in guide.hidden), compared by `ident`;
- ("attr", name): a whole attribute of the guide (compared by `ident`: which objects, in
  which order; their content is recorded as files when read);
- ("today",): the build day itself;
- ("whole",): everything (a method of the guide whose reading is not known): every content
  file and the build day;
- ("day", activity key): the parts of an activity's structured data that follow the build
  day (jsonldschedule.day_parts), compared by value.

Recording happens only while a `recording()` block is open in this process (a page rendered
for a cached build); otherwise the guide's view and the environment pass everything through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import jinja2
import jinja2.meta
from markupsafe import Markup

from hyteguide.model import Activity, Organisation, Page, Partnership, Place, Text

Dependency = tuple

# The content objects that have a file of their own: reading one reads its file.
SOURCED = (Organisation, Activity, Place, Partnership, Page)
_SOURCED = frozenset(SOURCED)

_current: set[Dependency] | None = None  # the open recording of this process, if any


@contextmanager
def recording(shared: bool = False) -> Iterator[set[Dependency]]:
    """Record what is read until the block ends; the set is filled in as rendering goes.
    shared: add the set to the recording open around this one too, if any (a part of a page
    rendered once and reused, helpers.once, replays the set later)."""
    global _current
    found: set[Dependency] = set()
    outer, _current = _current, found
    try:
        yield found
    finally:
        _current = outer
        if shared and outer is not None:
            outer |= found


def record(dependency: Dependency) -> None:
    """Add a dependency to the open recording (none open: nothing happens)."""
    if _current is not None:
        _current.add(dependency)


def record_objects(value: Any) -> None:
    """Record the files of a content object, or of the content objects in a list of them."""
    if _current is None:
        return
    if type(value) in _SOURCED:
        _current.add(("file", value.source.path))
    elif isinstance(value, (tuple, list)):
        for item in value:
            if type(item) in _SOURCED:
                _current.add(("file", item.source.path))


class RecordingEnvironment(jinja2.Environment):
    """A Jinja environment that records the content objects templates read attributes of.

    Jinja compiles `x.name` to environment.getattr(x, "name") and `x[key]` to
    environment.getitem(x, key); these are Jinja's own two methods with one line added."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if _current is not None and type(obj) in _SOURCED:
            _current.add(("file", obj.source.path))
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if _current is not None and type(obj) in _SOURCED:
            _current.add(("file", obj.source.path))
        return super().getitem(obj, argument)


# -- the guide as templates see it --------------------------------------------------------------

# The guide's values that are looked up by key (dictionaries) or asked for membership (sets):
# each lookup is recorded with its key, not the whole index.
MAPPINGS = frozenset({"place_by_slug", "organisation_by_slug", "activity_municipalities",
                      "activities_at_place", "partnerships_of", "taxonomies", "upcoming",
                      "next_held", "co_organised"})
SETS = frozenset({"hidden", "stale"})
# Site-wide values: part of the build's fingerprint (buildcache.Fingerprint), not recorded.
SITE_WIDE = frozenset({"vocabulary", "site"})


class GuideView:
    """The guide (derive.Guide) as templates see it: the same values, with what is read
    recorded while a recording is open."""

    __slots__ = ("_guide",)

    def __init__(self, guide: Any):
        object.__setattr__(self, "_guide", guide)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._guide, name)
        if _current is None:
            return value
        if name in MAPPINGS:
            return RecordingMapping(name, value)
        if name in SETS:
            return RecordingSet(name, value)
        if name == "today":
            _current.add(("today",))
        elif name in ("organisation_of", "organisers_of"):  # what they give is all they read
            return _recorded_call(value)
        elif name == "content":
            return ContentView(value)
        elif callable(value):  # another method: what it reads is not known here
            _current.add(("whole",))
        else:
            _current.add(("attr", name))
        return value


def _recorded_call(method: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        found = method(*args)
        record_objects(found)
        return found
    return call


class ContentView:
    """guide.content as templates see it: the site-wide parts pass, the rest is recorded."""

    __slots__ = ("_content",)

    def __init__(self, content: Any):
        object.__setattr__(self, "_content", content)

    def __getattr__(self, name: str) -> Any:
        if name not in SITE_WIDE:
            record(("content", name))
        return getattr(self._content, name)


class _Recorded:
    """One of the guide's values as templates see it: asking whether a key is in it records
    that key (as `member`); going through all of it records the whole value."""

    member = "item"

    def __init__(self, name: str, inner: Any):
        self.name = name
        self.inner = inner

    def __contains__(self, key: object) -> bool:
        record((self.member, self.name, key))
        return key in self.inner

    def __iter__(self) -> Iterator[Any]:
        record(("attr", self.name))
        return iter(self.inner)

    def __len__(self) -> int:
        record(("attr", self.name))
        return len(self.inner)


class RecordingMapping(_Recorded, Mapping):
    """One of the guide's indexes: each key looked up is recorded, with the objects found."""

    def __getitem__(self, key: Any) -> Any:
        record(("item", self.name, key))
        found = self.inner[key]
        record_objects(found)
        return found

    def get(self, key: Any, default: Any = None) -> Any:
        record(("item", self.name, key))
        found = self.inner.get(key, default)
        record_objects(found)
        return found


class RecordingSet(_Recorded):
    """One of the guide's sets of slugs: each membership asked is recorded."""

    member = "has"


def using_today(env: jinja2.Environment, names: Iterable[str]) -> dict[str, bool]:
    """Whether each template, or any template it extends, includes or imports, names `today`
    (the build day: such a page is made again on each day)."""
    own: dict[str, tuple[bool, tuple[str, ...]]] = {}

    def read(name: str) -> tuple[bool, tuple[str, ...]]:
        if name not in own:
            assert env.loader is not None
            tree = env.parse(env.loader.get_source(env, name)[0])
            own[name] = ("today" in jinja2.meta.find_undeclared_variables(tree),
                         tuple(t for t in jinja2.meta.find_referenced_templates(tree) if t))
        return own[name]

    def uses(name: str) -> bool:
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                direct, referenced = read(current)
                if direct:
                    return True
                todo.extend(referenced)
        return False

    return {name: uses(name) for name in names}


# -- comparing values ---------------------------------------------------------------------------

class Unknown(TypeError):
    """A value of a kind `ident` does not know how to compare: the cache cannot be sure."""


def ident(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """A plain value (tuples, strings, numbers) that is equal for two values exactly when the
    pages made from them would be: content objects by which object they are (their kind,
    file and key: their content is compared by their file), anything else by what it holds."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind in _SOURCED:
        return (kind.__name__, value.source.path, _key(value))
    if kind in (dt.date, dt.time, dt.datetime):
        return value.isoformat()
    if kind is Markup:
        return ("Markup", str(value))
    if kind is Text:
        return ("Text", value.items)
    if memo is not None and id(value) in memo:
        return memo[id(value)][1]
    if kind in (tuple, list):
        found: Any = tuple(ident(item, memo) for item in value)
    elif kind is dict or isinstance(value, Mapping):
        found = ("dict", tuple((ident(k, memo), ident(v, memo)) for k, v in value.items()))
    elif kind in (set, frozenset):
        found = ("set", tuple(sorted(repr(ident(item, memo)) for item in value)))
    elif dataclasses.is_dataclass(value):
        found = (kind.__name__, tuple(ident(getattr(value, f.name), memo)
                                      for f in dataclasses.fields(value)))
    elif hasattr(value, "ident"):  # paging.Ordered and the like say what they are
        found = (kind.__name__, ident(value.ident(), memo))
    elif callable(value) and hasattr(value, "__qualname__"):
        found = ("function", value.__module__, value.__qualname__)
    else:
        raise Unknown(f"cannot compare a {kind.__name__} between builds")
    if memo is not None and (dataclasses.is_dataclass(value) if kind not in (tuple, list)
                             else len(value) > SHORT):
        # A value many pages share (a term's whole list, an occurrence) by its fingerprint,
        # made once: each page's own fingerprint is then made of a few short values. (Kept
        # with the value, so that its id is not reused while the memo lives. A page's own
        # dictionaries are not kept: they are made anew for each page.)
        found = ("#", digest(found))
        memo[id(value)] = (value, found)
    return found


SHORT = 8  # lists up to this long are compared as they are, longer ones by their fingerprint


def _key(value: Any) -> str:
    return value.key if type(value) is Activity else value.slug


def digest(value: Any) -> bytes:
    """A short fingerprint of a plain value made by `ident`."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).digest()
