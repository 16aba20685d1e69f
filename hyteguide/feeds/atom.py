"""An Atom feed (RFC 4287) per language of the activities and events most recently added or changed.

An activity's date is the later of its organisation file's last commit (history.py) and the
organisation's `reviewed` date; an activity with neither is left out. The newest ENTRIES come
first (ties in the order of the activities' keys). Every text is plain text escaped by the XML
writer; characters XML cannot carry are dropped. The same content, history and `today` give the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.common.text import xml_text
from hyteguide.derive.guide import Guide
from hyteguide.model import Activity, Text
from hyteguide.web.i18n import Catalogue
from hyteguide.web.urls import Urls, path_of

FEED = path_to("opendata_feed")  # language-neutral path; sv/opendata/feed.atom, …
ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def changed_on(activity: Activity, guide: Guide, changed: dict[str, dt.date]) -> dt.date | None:
    """When an activity was last changed or checked: its file's last commit or `reviewed`."""
    organisation = guide.organisation_of(activity)
    dates = [d for d in (changed.get(organisation.source.path), organisation.reviewed) if d]
    return max(dates) if dates else None


def recent(guide: Guide, changed: dict[str, dt.date]) -> list[tuple[dt.date, Activity]]:
    """The listed activities with a date, newest first, at most ENTRIES."""
    dated = [(day, a) for a in guide.activities
             if (day := changed_on(a, guide, changed)) is not None]
    dated.sort(key=lambda pair: (-pair[0].toordinal(), pair[1].key))
    return dated[:ENTRIES]


def stamp(day: dt.date) -> str:
    """An Atom date-time for a day (the start of the day in UTC: the history has days only)."""
    return f"{day.isoformat()}T00:00:00Z"


class _Writer:
    """Builds the feed's elements for one language."""

    def __init__(self, guide: Guide, urls: Urls, catalogue: Catalogue, lang: str):
        self.guide, self.urls, self.say, self.lang = guide, urls, catalogue, lang
        self.view = LanguageView.of(lang, guide.content.vocabulary, urls, path_of)

    def text(self, value: Text | str | None) -> str:
        """A text in this language (LanguageView.text) that XML can carry."""
        return xml_text(self.view.text(value))

    def page(self, target: object) -> str:
        """The published URL of a page in this language."""
        return self.view.page_url(target)

    def add(self, parent: ET.Element, tag: str, text: str | None = None,
            **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    def summary(self, activity: Activity) -> str:
        """Plain text: the summary, the organiser, when in words and the next dates."""
        say = self.say
        organisation = self.guide.organisation_of(activity)
        lines = [self.text(activity.summary),
                 say("activity.organiser", organisation=self.text(organisation.name))]
        lines += [f"{say('activity.when')}: {say.schedule(rule, self.text)}"
                  for rule in activity.schedule]
        upcoming = self.guide.next_held.get(activity.key, ())
        if upcoming:
            lines.append(f"{say('activity.upcoming')}: " + ", ".join(
                say.date(o.date, "weekday") + (f" {say.time_range(o.time)}" if o.time else "")
                for o in upcoming))
        return "\n".join(xml_text(line) for line in lines)

    def entry(self, feed: ET.Element, day: dt.date, activity: Activity) -> None:
        entry = self.add(feed, "entry")
        page_path = self.urls.localised(path_of(activity), self.lang)
        self.add(entry, "id", "urn:uuid:" + self.urls.stable_id(page_path))
        self.add(entry, "title", self.text(activity.title), type="text")
        self.add(entry, "link", rel="alternate", type="text/html", href=self.page(activity))
        self.add(entry, "updated", stamp(day))
        author = self.add(entry, "author")
        organisation = self.guide.organisation_of(activity)
        self.add(author, "name", self.text(organisation.name))
        self.add(author, "uri", self.page(organisation))
        self.add(entry, "summary", self.summary(activity), type="text")
        for group, ids in (("formats", (activity.format,)), ("themes", activity.themes),
                           ("audiences", activity.audiences)):
            scheme = self.page(path_to("taxonomy", group=group))
            for term_id in ids:
                self.add(entry, "category", term=term_id, scheme=scheme,
                         label=xml_text(self.view.label(group, term_id)))


def feed(guide: Guide, urls: Urls, catalogue: Catalogue, lang: str,
         changed: dict[str, dt.date]) -> tuple[str, bytes]:
    """The feed of a language: (site path, bytes)."""
    site = guide.content.site
    w = _Writer(guide, urls, catalogue, lang)
    path = urls.localised(FEED, lang)
    entries = recent(guide, changed)
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    w.add(root, "id", "urn:uuid:" + urls.stable_id(path))
    w.add(root, "title", catalogue("opendata.feed_title", site=w.text(site.name)), type="text")
    w.add(root, "subtitle", catalogue("opendata.feed_subtitle"), type="text")
    w.add(root, "link", rel="self", type="application/atom+xml", href=urls.absolute(path))
    w.add(root, "link", rel="alternate", type="text/html", href=w.page(path_to("activities")))
    w.add(root, "updated", stamp(entries[0][0] if entries else guide.today))
    author = w.add(root, "author")
    w.add(author, "name", w.text(site.publisher or site.name))
    w.add(author, "uri", w.page(""))
    w.add(root, "rights", f"{site.data_licence.name} {site.data_licence.url}", type="text")
    w.add(root, "generator", "hyteguide")
    for day, activity in entries:
        w.entry(root, day, activity)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return path, ('<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n").encode("utf-8")
