"""THE filter definition: which activities a visitor's choices (audience, age, theme, format,
language, municipality, free, low threshold) keep, for every page that filters.

Four pages filter in the browser (templates/assets/lib/filters.js, used by calendar.js,
handout.js, search.js and organisations.js), each with some of these filters, in this order:

- the calendar: listed occurrences carry the filters' data attributes (the HTML weeks) or
  the same values in the week's data (pages/calendardata.py, drawn by calendar.js);
- the handout: listed activities carry the data attributes;
- the search page: facets.json carries every document's values (search/files.py);
- the organisation list: listed organisations carry the expertise filter's attribute (the one
  filter of an organisation's own: what it offers partners; activities have none).

The rule is the same everywhere: within a filter any chosen value matches, across filters all
must; an activity for everyone (an audience with `everyone: true`) matches any audience
chosen; a term matches the filters for its broader terms too (vocabulary.yaml `broader`: an
activity for mielenterveyskuntoutujat is kept by a filter for aikuiset), so an item carries its
terms with their ancestors (`Filter.expanded`; the pages still show the terms as written); a
yes/no filter (free, low threshold) is a checkbox of value "1". The age filter is a
number field: the visitor types an age ("for my 9-year-old") and keeps the activities whose
range includes it (an item carries its range as written, "7-12", "65-", "-6", "9") and those
without a range, which are for any age. `browser_table()` is
this definition as the build writes it into lib/filters.js (hyteguide/web/assets.py); node and
Python give the same answers on the same items (tests/derive/test_filters.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from hyteguide.model import Activity, AgeRange, Organisation, Vocabulary

YES = "1"  # the value of a yes/no filter's checkbox
EVERYONE_ATTRIBUTE = "data-everyone"  # on an item for everyone
EVERYONE_LETTER = "e"  # the same in the calendar's week data


@dataclass(frozen=True)
class Filter:
    """One filter: what the visitor chooses and what of an activity it reads."""

    name: str  # the URL parameter and the checkboxes' name: ?audience=…
    group: str | None  # the vocabulary group its choices are terms of; None: a yes/no filter
    field: str | None  # the Activity attribute it reads; None where the guide derives it
    attribute: str | None  # the data attribute a listed item carries it in; None: not listed
    letter: str = ""  # a yes/no filter's letter in the calendar's week data
    everyone: bool = False  # an activity for everyone matches any choice
    age: bool = False  # an age typed in a number field, matched against the activity's range

    @property
    def yes_no(self) -> bool:
        return self.group is None and not self.age

    def values(self, activity: Activity | Organisation) -> tuple[str, ...]:
        """The activity's (or organisation's) values of this filter: term ids, or ("1",) for a
        yes; none for a field the item does not have (an activity's expertise)."""
        if self.field is None:
            raise ValueError(f"the guide derives the {self.name} of an activity")
        value = getattr(activity, self.field, None)
        if isinstance(value, AgeRange):
            return (value.written,)
        if value is None:
            return ()
        if isinstance(value, bool):
            return (YES,) if value else ()
        return (value,) if isinstance(value, str) else tuple(value)

    def expanded(self, activity: Activity | Organisation, vocabulary: Vocabulary
                 ) -> tuple[str, ...]:
        """The values this filter matches the activity by: its term ids with their broader
        terms (transitively); other filters' values as they are."""
        values = self.values(activity)
        return vocabulary.expand(self.group, values) if self.group else values


FILTERS = (  # in the order the forms show them
    Filter("municipality", "municipalities", None, None),
    Filter("audience", "audiences", "audiences", "data-audiences", everyone=True),
    Filter("age", None, "ages", "data-ages", age=True),
    Filter("theme", "themes", "themes", "data-themes"),
    Filter("format", "formats", "format", "data-format"),
    Filter("language", "languages", "languages", "data-languages"),
    Filter("expertise", "expertise", "expertise", "data-expertise"),  # organisations'
    Filter("free", None, "is_free", "data-free", letter="f"),
    Filter("low_threshold", None, "low_threshold", "data-low-threshold", letter="l"),
)
BY_NAME = {f.name: f for f in FILTERS}

# Which filters each page offers (the calendar's scope is its municipality; a handout is a
# municipality's and leaves out format, which its entries say).
PLACES: dict[str, tuple[str, ...]] = {
    "calendar": ("audience", "age", "theme", "format", "language", "free", "low_threshold"),
    "handout": ("audience", "age", "theme", "language", "free", "low_threshold"),
    "search": ("municipality", "audience", "age", "theme", "format", "language", "expertise",
               "free", "low_threshold"),
    "organisations": ("expertise",),
}


def of(place: str) -> tuple[Filter, ...]:
    """The filters a page offers, in order."""
    return tuple(BY_NAME[name] for name in PLACES[place])


def term_filters(place: str) -> tuple[Filter, ...]:
    """A page's filters whose choices are vocabulary terms."""
    return tuple(f for f in of(place) if f.group is not None)


def yes_no_filters(place: str) -> tuple[Filter, ...]:
    """A page's yes/no filters."""
    return tuple(f for f in of(place) if f.yes_no)


def age_filters(place: str) -> tuple[Filter, ...]:
    """A page's age filter (one, or none)."""
    return tuple(f for f in of(place) if f.age)


@dataclass(frozen=True)
class Choices:
    """What a filter form offers: per vocabulary group the term ids its activities use, and
    the yes/no filters some activity says yes to (and the age filter, when some activity has
    an age range). Templates read `choices['themes']`, `choices.free` and `choices.age`."""

    terms: Mapping[str, tuple[str, ...]]
    yes: frozenset[str]

    def __getitem__(self, key: str) -> tuple[str, ...] | bool:
        if key in BY_NAME and BY_NAME[key].group is None:
            return key in self.yes
        return self.terms.get(key, ())

    def __getattr__(self, key: str) -> tuple[str, ...] | bool:
        if key.startswith("_"):  # copy and pickle look for these: not choices
            raise AttributeError(key)
        return self[key]


def choices(place: str, activities: Iterable[Activity], order: Vocabulary | None = None,
            without: Collection[str] = ()) -> Choices:
    """What a page's filters offer for these activities: the terms of each term filter some
    activity has (with order, the vocabulary: their broader terms too, in its order; else
    sorted by id), and the yes/no filters
    some activity says yes to; the filters named in without offer nothing."""
    listed = tuple(activities)
    terms: dict[str, tuple[str, ...]] = {}
    for f in term_filters(place):
        if f.field is None or f.group is None or f.name in without:
            continue  # derived by the guide (municipality): the page offers it itself
        used = {value for a in listed
                for value in (f.expanded(a, order) if order else f.values(a))}
        ranked = [t for t in order.group(f.group) if t in used] if order else sorted(used)
        terms[f.group] = tuple(ranked)
    yes = frozenset(f.name for f in (*yes_no_filters(place), *age_filters(place))
                    if any(f.values(a) for a in listed))
    return Choices(terms, yes)


def for_everyone(activity: Activity, vocabulary: Vocabulary) -> bool:
    """Whether any of the activity's audiences means everyone."""
    return vocabulary.for_everyone(activity.audiences)


def week_values(activity: Activity, vocabulary: Vocabulary) -> list[str]:
    """An activity's filter values in the calendar's week data: each term filter's ids with
    their broader terms, space separated (in the calendar's order), then the letters of its
    yeses (e for everyone), then its age range as written when it has one (only then: most
    activities have none)."""
    letters = EVERYONE_LETTER if for_everyone(activity, vocabulary) else ""
    letters += "".join(f.letter for f in yes_no_filters("calendar") if f.values(activity))
    ages = [value for f in age_filters("calendar") for value in f.values(activity)]
    return [*(" ".join(f.expanded(activity, vocabulary)) for f in term_filters("calendar")),
            letters, *ages]


def data_attributes(place: str, activity: Activity | Organisation,
                    vocabulary: Vocabulary) -> str:
    """The data attributes a listed activity (an organisation, on the organisation list)
    carries for a page's filters, as HTML (the values are vocabulary ids, escaped all the
    same): each term filter's ids with their broader terms, space separated, then
    data-everyone, then each yes/no filter's bare attribute where the activity says yes, then
    the age range as written ("7-12") where it has one."""
    parts = [f'{f.attribute}="{escape(" ".join(f.expanded(activity, vocabulary)))}"'
             for f in term_filters(place) if f.attribute]
    if isinstance(activity, Activity) and for_everyone(activity, vocabulary):
        parts.append(EVERYONE_ATTRIBUTE)
    parts += [f.attribute for f in yes_no_filters(place) if f.attribute and f.values(activity)]
    parts += [f'{f.attribute}="{escape(value)}"' for f in age_filters(place)
              for value in f.values(activity)]
    return " ".join(parts)


def yeses(activity: Activity) -> tuple[str, ...]:
    """The names of the yes/no filters an activity says yes to (search badges and facets)."""
    return tuple(f.name for f in FILTERS if f.yes_no and f.values(activity))


def browser_table() -> dict[str, Any]:
    """The definition as lib/filters.js holds it."""
    return {
        "filters": [{"name": f.name, "attribute": f.attribute, "yesNo": f.yes_no,
                     "letter": f.letter, "everyone": f.everyone, "age": f.age}
                    for f in FILTERS],
        "places": {place: list(names) for place, names in PLACES.items()},
        "yes": YES, "everyoneAttribute": EVERYONE_ATTRIBUTE, "everyoneLetter": EVERYONE_LETTER,
    }


def matches(values: Mapping[str, tuple[str, ...]], everyone: bool,
            chosen: Mapping[str, Iterable[str]]) -> bool:
    """Whether an item with these values per filter (everyone: for everyone) passes the chosen
    values per filter name: the rule lib/filters.js applies (a test compares the two)."""
    for name, wanted in chosen.items():
        wanted = tuple(wanted)
        if not wanted or (everyone and BY_NAME[name].everyone):
            continue
        if BY_NAME[name].age:
            if not in_range(values.get(name, ()), wanted[0]):
                return False
        elif not set(wanted) & set(values.get(name, ())):
            return False
    return True


def in_range(ranges: Iterable[str], age: str) -> bool:
    """Whether an age typed (whole years, as text) is within an item's age range as written
    ("7-12", "65-", "-6", "9"); an item without a range is for any age."""
    written = tuple(ranges)
    if not written:
        return True
    years = int(age)
    for text in written:
        low, _, high = text.partition("-") if "-" in text else (text, "", text)
        if (not low or years >= int(low)) and (not high or years <= int(high)):
            return True
    return False
