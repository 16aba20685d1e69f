"""What templates see besides their page's data: display helpers and the build's values.

Most helpers depend only on the language (`language_helpers`, made once per language); a few
depend on where the page is (`page_helpers`: relative links).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from hyteguide.common.language import LanguageView
from hyteguide.common.routes import path_to
from hyteguide.derive.feedscopes import CHOICE_GROUP, FeedChoice, choices, feed_activities
from hyteguide.derive.filters import data_attributes
from hyteguide.derive.guide import sort_key
from hyteguide.model import Activity, Organisation, Term, Text
from hyteguide.pages.qr import img as qr_img
from hyteguide.search.files import BROWSER_SCRIPTS
from hyteguide.web.dependencies import GuideView, record, record_objects, recording
from hyteguide.web.markup import render_markdown
from hyteguide.web.urls import FEED_GROUPS, feed_path, path_of

if TYPE_CHECKING:
    from hyteguide.build.render import Renderer

REPORT_TEMPLATE = "vanhentunut-tieto.yml"  # .github/ISSUE_TEMPLATE/: outdated information
FRAGMENTS = 20_000  # parts of pages a worker keeps for reuse (`once`): about 30 MB at most

# What an iCalendar feed is of: the region (None), an organisation, an activity, a term, or a
# municipality and a target group.
FeedTarget = Organisation | Activity | Term | FeedChoice | None


@lru_cache(maxsize=4096)
def _markdown(text: str) -> str:
    return render_markdown(text)


def short_url(url: str) -> str:
    """An address as printed for a reader to type: without its scheme (browsers add it);
    assets/handout.js shortens the address of a selection the same way."""
    return url.partition("://")[2] or url


def language_helpers(renderer: Renderer, lang: str) -> dict[str, Any]:
    """The helpers and values that are the same on every page of a language."""
    catalogue = renderer.catalogues[lang]
    urls, guide, site = renderer.urls, renderer.guide, renderer.site
    vocabulary = guide.content.vocabulary
    view = GuideView(guide)  # what templates read of the guide is recorded (a cached build)
    language = LanguageView.of(lang, vocabulary, urls, path_of)
    text = language.text

    def t(value: Text | str | None) -> Markup:
        """A text in this language, marked with its own language when it fell back."""
        shown, written = language.written(value)
        if written == lang:
            return escape(shown)
        return Markup(f'<span lang="{escape(written)}">{escape(shown)}</span>')

    def md(value: Text | None) -> Markup:
        if value is None:
            return Markup("")
        shown, written = language.written(value)
        attributes = Markup(f' lang="{written}"') if written != lang else Markup("")
        return Markup('<div class="prose"{}>\n{}\n</div>').format(
            attributes, Markup(_markdown(shown)))

    def term(group: str, term_id: str) -> Markup:
        return t(vocabulary.term(group, term_id).label)

    def terms(group: str, ids: tuple[str, ...]) -> list:
        found = [vocabulary.term(group, i) for i in ids]
        return sorted(found, key=lambda x: sort_key(text(x.label)))

    def by_name(items: Any, attribute: str = "name") -> list:
        return sorted(items, key=lambda x: sort_key(text(getattr(x, attribute))))

    def for_everyone(activity: Any) -> bool:
        return vocabulary.for_everyone(activity.audiences)

    def filter_attributes(activity: Activity | Organisation, place: str) -> Markup:
        """' data-audiences="…" … data-free': what a listed activity (or organisation) carries
        for the page's filters (derive/filters.py says which, in which order)."""
        return Markup(" " + data_attributes(place, activity, vocabulary))  # values escaped there

    absolute_url = language.page_url  # the published address of a page in this language

    def report_url(target: Any) -> str | None:
        """A new issue in the content repository, prefilled for outdated information."""
        if not site.repository:
            return None
        name = target.title if isinstance(target, Activity) else target.name
        query = urlencode({"template": REPORT_TEMPLATE,
                           "title": f"{catalogue('entry.report_title')}: {text(name)}",
                           "page": absolute_url(target)})
        return f"{site.repository.rstrip('/')}/issues/new?{query}"

    def report_mail(target: Any) -> str | None:
        """An e-mail to the guide's contact about outdated information, prefilled with the
        entry and its page (issue 20: reporting needs no GitHub account); None without one."""
        if not site.contact.email:
            return None
        name = target.title if isinstance(target, Activity) else target.name
        subject = f"{catalogue('entry.report_title')}: {text(name)}"
        body = catalogue("entry.report_body", page=absolute_url(target)).replace("\n", "\r\n")
        return f"mailto:{site.contact.email}?subject={quote(subject)}&body={quote(body)}"

    said: dict[Any, Markup] = {}  # each rule is on its activity's page and in its cards

    def schedule(rule: Any) -> Markup:
        if rule not in said:
            words = escape(catalogue.schedule(replace(rule, note=None)))
            said[rule] = words + Markup("; ") + t(rule.note) if rule.note else words
        return said[rule]

    def qr(target: object, label: str = "qr.label") -> Markup:
        """The QR code of a page's published address (or of an absolute URL) as an inline PNG,
        for the print view; label: the message key of its text alternative."""
        url = target if isinstance(target, str) else absolute_url(target)
        return Markup(qr_img(url, catalogue(label)))

    def json_ld(target: object, occurrences: Any = ()) -> Markup:
        """The page's schema.org JSON-LD script element (see jsonld.py)."""
        return Markup(renderer.linked_data_script(target, lang, occurrences))

    def last_changed(target: Any) -> Any:
        record_objects(target)
        return renderer.changed.get(target.source.path)

    def once(*key: Any, caller: Any) -> Markup:
        """`{% call once(name, ...) %}…{% endcall %}`: a part of pages that comes out the same
        wherever its key is the same (the frame: header, menus and footer, keyed by `frame`),
        rendered once a language in a worker and then reused (Renderer.fragments). The key
        must hold everything the part shows that is not the same all through the build. The
        frame took an eighth of each page's time. (Cards were tried too: a page's cards are
        seldom shown again with the same link in the same worker, and `call` costs more than
        it saves.) What the part read is recorded again wherever it is reused (a cached
        build)."""
        fragments = renderer.fragments
        found = fragments.get((lang, *key))
        if found is None:
            with recording(shared=True) as read:
                markup = Markup(caller())
            if len(fragments) >= FRAGMENTS:  # a bound on the memory of a worker
                fragments.clear()
            found = fragments[(lang, *key)] = (markup, tuple(read))
        else:
            for dependency in found[1]:
                record(dependency)
        return found[0]

    def feed_count(target: object | None) -> int:
        """How many activities a feed holds (feedscopes.feed_activities)."""
        return len(feed_activities(view, target))

    def feed_choices(municipality: str | None) -> list[tuple[Any, object, int]]:
        """The target groups that have a feed of their own on a calendar page, in vocabulary
        order, as (term, the feed's target, its count): with the municipality (a FeedChoice),
        or on the region's calendar the group's own term feed."""
        if municipality is None:
            found = ((e.term, e.term) for e in view.taxonomies[CHOICE_GROUP].values()
                     if e.activities)
        else:
            found = ((c.term, c) for c in choices(view.taxonomies, vocabulary, municipality))
        return [(term, target, feed_count(target)) for term, target in found]

    everyone = vocabulary.everyone()

    def feed_scope(target: Organisation | Term | FeedChoice | None) -> str:
        """A feed's scope in words: 'Kerava, target group Older people'."""
        if target is None:
            return catalogue("feed.scope_region", region=text(site.region))
        if isinstance(target, FeedChoice):
            return catalogue("feed.scope_choice", municipality=text(target.municipality.label),
                             label=text(target.term.label))
        if isinstance(target, Term) and target.group != "municipalities":
            return catalogue(f"feed.scope_{target.group}", label=text(target.label))
        return text(target.label if isinstance(target, Term) else target.name)

    def feed_words(target: FeedTarget) -> str:
        """What a feed holds, said before subscribing ('In this calendar: Kerava, target
        group Older people – 14 activities.'); for a target group's feed, that activities
        marked only for everyone are not in it (the calendar's filter shows them)."""
        if isinstance(target, Activity):
            return catalogue("feed.what_activity")
        n = feed_count(target)
        words = catalogue("feed.what", scope=feed_scope(target), count=catalogue(
            "count.activities_one" if n == 1 else "count.activities", n=n))
        term = target.term if isinstance(target, FeedChoice) else target
        if isinstance(term, Term) and term.group == CHOICE_GROUP and everyone is not None \
                and term.id != everyone.id:
            words += " " + catalogue("feed.audience_only", everyone=text(everyone.label))
        return words

    # Templates see the guide through a view that records what they read (a cached build).
    return {"once": once, "_": catalogue, "lang": lang, "guide": view, "site": site,
            "menu": renderer.menu, "route": path_to,
            "today": guide.today, "json_ld": json_ld, "feed_groups": FEED_GROUPS,
            "absolute_url": absolute_url, "qr": qr, "short_url": short_url,
            "for_everyone": for_everyone, "filter_attributes": filter_attributes,
            "t": t, "text": text, "md": md, "term": term, "terms": terms, "by_name": by_name,
            "schedule": schedule, "search_scripts": BROWSER_SCRIPTS[lang],
            "edit_url": renderer.edit_url, "report_url": report_url, "report_mail": report_mail,
            "last_changed": last_changed, "feed_count": feed_count,
            "feed_choices": feed_choices, "feed_words": feed_words, "everyone_term": everyone}


def page_helpers(renderer: Renderer, lang: str, here: str, rooted: bool = False
                 ) -> dict[str, Any]:
    """The helpers of the page at here (its site path in lang): links relative to it, or from
    the site's root when rooted (the 404 page, shown at any address)."""
    urls = renderer.urls
    constant = renderer.language_helpers(lang)

    def url(target: object, to_lang: str | None = None) -> str:
        full = urls.localised(path_of(target), to_lang or lang)
        return urls.rooted(full) if rooted else urls.relative(here, full)

    def feed_url(target: FeedTarget = None, webcal: bool = False, absolute: bool = False,
                 pattern: bool = False) -> str:
        """A feed's link from this page; webcal: its webcal: address, which calendar apps
        subscribe to; absolute: its https address (to copy into an app); pattern: the link
        of the feed of a term (or choice) with {id} for the term's id (a calendar page's
        script puts a chosen term's id there)."""
        if pattern and isinstance(target, FeedChoice):
            target = replace(target, term=replace(target.term, id="{id}"))
        elif pattern and isinstance(target, Term):
            target = replace(target, id="{id}")
        full = urls.localised(feed_path(target), lang)
        if webcal:  # calendar apps subscribe to webcal: links; it needs the full address
            return "webcal://" + urls.absolute(full).split("://", 1)[1]
        if absolute:
            return urls.absolute(full)
        return urls.rooted(full) if rooted else urls.relative(here, full)

    def link(name: str, /, **params: object) -> str:
        """`{{ link('handout', municipality=id) }}`: this page's link to a route's page
        (routes.py), the way templates name the site's own pages instead of writing paths."""
        return url(path_to(name, **params))

    def asset(name: str) -> str:
        return url(path_to("asset", file=name), renderer.languages[0])

    def editor_url(organisation: Organisation) -> str | None:
        """The organisation's entry in the form editor (its page in this language), when the
        site has the editor."""
        if not renderer.has_editor:
            return None
        return url(path_to("editor")) + f"#/collections/organisations/entries/{organisation.slug}"

    return {**constant, "url": url, "link": link, "asset": asset, "feed_url": feed_url,
            "editor_url": editor_url,
            "frame": (url(""), frame_section(urls.split_language(here)[1]))}


def frame_section(path: str) -> str:
    """What the frame of the page at path (language-neutral) shows of where it is, besides the
    depth of its links: the page itself when it is the home page, a top-level page ('themes/')
    or a file ('404.html'), else its top-level section ('themes/…'). The menus mark the current
    top-level page or section (macro `current`), and a link to a top-level page is written
    relative to the page's own section; so pages with the same language, root link and section
    have the same frame (`once`)."""
    top, _, rest = path.partition("/")
    return f"{top}/…" if rest else path
