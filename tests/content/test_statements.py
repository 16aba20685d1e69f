"""The accessibility statement and the privacy notice: made from site.yaml, in every language,
complete (the parts the EU model statement asks for), linked from the footer of every page,
with defaults when site.yaml leaves them out and exact problems when it gets them wrong."""

from __future__ import annotations

import datetime as dt
import re
from textwrap import dedent, indent

import pytest
from bs4 import BeautifulSoup

from hyteguide import model
from hyteguide.content.load import load_content
from hyteguide.content.schema import WCAG_21_CRITERIA
from hyteguide.web.i18n import load_catalogue
from tests.helpers import SITE_YAML, check, hints, make_site

STATEMENT = "accessibility/index.html"
NOTICE = "privacy/index.html"
SITE = "content/site.yaml"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalogues(sources, example_content):
    return {lang: load_catalogue(sources.templates, lang)
            for lang in example_content.site.languages}


def main_text(soup) -> str:  # noqa: ANN001 - a BeautifulSoup
    return " ".join(soup.find("main").get_text().split())


def words(text: str) -> str:
    return " ".join(text.split())


# -- the example's pages -----------------------------------------------------------------------

def test_the_example_fills_every_field(example_content):
    statement = example_content.site.accessibility
    assert statement.status == "partially"
    assert statement.assessed == dt.date(2026, 11, 22)
    assert statement.method == "self-assessment"
    assert [g.wcag for g in statement.known_gaps] == [("2.4.4",), ("3.1.2",), ()]
    assert [g.reason for g in statement.known_gaps] == ["non-compliance", "non-compliance",
                                                        "out-of-scope"]
    assert statement.known_gaps[1].fix_by == dt.date(2027, 6, 30)
    assert statement.feedback == model.Feedback(email="hyte-opas@example.org")
    assert statement.response_days == 14
    # the example writes out the default authority, so the two are kept the same
    assert statement.authority == model.DEFAULT_AUTHORITY
    privacy = example_content.site.privacy
    assert privacy.host == model.Text((("fi", "GitHub Pages (GitHub Inc.)"),))
    assert privacy.host_policy.startswith("https://docs.github.com/")
    assert privacy.host_logs and privacy.retention and privacy.controller
    assert {p.slug for p in example_content.pages}.isdisjoint({"saavutettavuus", "tietosuoja"})


@pytest.mark.parametrize("page", [STATEMENT, NOTICE])
def test_the_pages_exist_in_every_language_with_their_lang(built_site, catalogues, page):
    key = "accessibility.title" if page == STATEMENT else "privacy.title"
    for lang in built_site.languages:
        relative = built_site.localised(page, lang)
        soup = built_site.soup(relative)
        assert soup.html["lang"] == lang, relative
        assert soup.find("h1").get_text(strip=True) == catalogues[lang](key)
        assert soup.title.get_text().startswith(catalogues[lang](key) + " – ")
        hreflangs = {link["hreflang"] for link in soup.find_all("link", rel="alternate")}
        assert set(built_site.languages) <= hreflangs


def test_the_statement_has_every_part_of_the_eu_model(built_site, example_content, catalogues):
    statement = example_content.site.accessibility
    authority = statement.authority
    for lang in built_site.languages:
        _ = catalogues[lang]
        relative = built_site.localised(STATEMENT, lang)
        soup = built_site.soup(relative)
        text = main_text(soup)
        headings = [h.get_text(strip=True) for h in soup.find("main").find_all("h2")]
        assert headings == [_(f"accessibility.{k}_heading") for k in
                            ("status", "gaps", "prepared", "feedback", "authority")], relative
        # which site, and who
        assert example_content.site.name.get(lang)[0] in text
        assert example_content.site.publisher.get(lang)[0] in text
        assert "example.github.io/hyteguide" in text
        # the status
        status = soup.select_one(".statement-status")
        assert status["data-status"] == "partially"
        assert words(status.get_text()) == _("accessibility.status_partially")
        # every known gap, with its criteria, its reason and when it will be fixed
        gaps = [words(li.get_text()) for li in soup.select(".known-gaps li")]
        assert len(gaps) == len(statement.known_gaps), relative
        for gap, shown in zip(statement.known_gaps, gaps, strict=True):
            assert shown.startswith(gap.text.get(lang)[0]), (relative, shown)
            for criterion in gap.wcag:
                assert criterion in shown
        assert _("accessibility.fix_by", date=_.date(dt.date(2027, 6, 30))) in text
        assert soup.find(id="gaps-non-compliance").get_text() == \
            _("accessibility.reason_non_compliance")
        assert soup.find(id="gaps-out-of-scope").get_text() == \
            _("accessibility.reason_out_of_scope")
        assert soup.find(id="gaps-disproportionate-burden") is None
        # when it was prepared, and how
        assert soup.find("main").find("time", datetime="2026-11-22")
        assert _("accessibility.prepared", date=_.date(statement.assessed)) in text
        assert _("accessibility.method_self_assessment") in text
        # the feedback channel and the response time
        feedback = soup.find("section", attrs={"aria-labelledby": "feedback-heading"})
        assert feedback.find("a", href="mailto:hyte-opas@example.org")
        assert _("accessibility.response", days=14) in text
        assert "14" in feedback.select_one(".statement-response").get_text()
        # the supervisory authority, its contact details, and the right to complain
        assert _("accessibility.authority_intro") in text
        box = soup.select_one(".statement-authority")
        assert authority.name.get(lang)[0] in box.get_text()
        assert authority.unit.get(lang)[0] in box.get_text()
        assert box.find("a", href=authority.url.get(lang)[0]), relative
        assert box.find("a", href="mailto:saavutettavuus@traficom.fi")
        assert box.find("a", href="tel:0295345000")


def test_the_authority_is_traficom_with_a_page_per_language(example_content):
    authority = example_content.site.accessibility.authority
    assert authority.name.get("fi")[0] == "Liikenne- ja viestintävirasto Traficom"
    assert authority.url.get("fi")[0] == "https://www.saavutettavuusvaatimukset.fi/"
    assert authority.url.get("sv")[0] == "https://www.tillganglighetskrav.fi/"
    assert authority.url.get("en")[0] == "https://www.webaccessibility.fi/"


def test_the_privacy_notice_says_what_is_and_is_not_collected(built_site, example_content,
                                                             catalogues):
    privacy = example_content.site.privacy
    for lang in built_site.languages:
        _ = catalogues[lang]
        relative = built_site.localised(NOTICE, lang)
        soup = built_site.soup(relative)
        text = main_text(soup)
        for key in ("no_cookies", "no_analytics", "no_third_party", "search", "links",
                    "not_used", "content", "feedback", "rights"):
            assert _(f"privacy.{key}") in text, (relative, key)
        assert _("privacy.host", host="GitHub Pages (GitHub Inc.)") in text
        assert privacy.host_logs.get(lang)[0] in text
        assert privacy.retention.get(lang)[0] in text
        assert privacy.controller.get(lang)[0] in text
        assert soup.find("main").find("a", href=privacy.host_policy)
        assert soup.find("main").find("a", href="mailto:hyte-opas@example.org")
        assert _("privacy.host_logs") not in text  # the example's own words replace these


def test_what_the_privacy_notice_claims_holds_for_the_built_site(built_site):
    """No cookies, no requests to other hosts: nothing in any page loads from elsewhere."""
    loading = re.compile(r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*?"""
                         r"""\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)
    for relative in built_site.html_files():
        html = built_site.read(relative)
        assert "document.cookie" not in html
        found = [m.group(0) for m in loading.finditer(html)
                 if 'rel="canonical"' not in m.group(0) and 'rel="alternate"' not in m.group(0)]
        assert not found, (relative, found[:3])
    for relative in built_site.files():
        if relative.endswith(".js") and "/vendor/" not in relative:
            assert "cookie" not in built_site.read(relative).lower(), relative


# -- the footer of every page ------------------------------------------------------------------

FOOTER_LINKS = re.compile(
    r'<nav class="site-footer__statements"[^>]*>\s*<ul>\s*<li><a href="([^"]+)"[^>]*>[^<]+</a>'
    r'</li>\s*<li><a href="([^"]+)"')


def test_every_page_links_both_from_its_footer(built_site):
    missing, wrong = [], []
    for relative in [*built_site.pages(), "404.html"]:  # not the editor's (an application)
        found = FOOTER_LINKS.search(built_site.read(relative))
        if not found:
            missing.append(relative)
            continue
        lang = built_site.lang_of(relative)
        expected = [built_site.url_of(built_site.localised(page, lang))
                    for page in (STATEMENT, NOTICE)]
        if [built_site.resolve(relative, href) for href in found.groups()] != expected:
            wrong.append((relative, found.groups()))
    assert not missing, f"{len(missing)} pages without the links, e.g. {missing[:5]}"
    assert not wrong, wrong[:5]


def test_a_few_footers_parsed(built_site, catalogues, example_content):
    organisation = example_content.organisations[0].slug
    pages = ["index.html", "sv/index.html", f"en/organisations/{organisation}/index.html",
             "calendar/index.html", "sv/privacy/index.html", STATEMENT, "404.html"]
    for relative in pages:
        soup = built_site.soup(relative)
        lang = built_site.lang_of(relative)
        nav = soup.select_one("footer .site-footer__statements")
        assert nav["aria-label"] == catalogues[lang]("footer.statements")
        links = {a.get_text(strip=True): a for a in nav.find_all("a")}
        assert set(links) == {catalogues[lang]("accessibility.title"),
                              catalogues[lang]("privacy.title")}
        for a in links.values():
            target = built_site.file_of(built_site.resolve(relative, a["href"]))
            assert target in built_site.files(), (relative, a["href"])
            assert (a.get("aria-current") == "page") == (target == relative)
        # the free pages' menu is still there
        assert soup.select_one("footer nav[aria-labelledby=footer-nav-heading] li")
    assert soup.select_one(".site-footer__statements a")["href"] == "/hyteguide/accessibility/"


# -- defaults when site.yaml has no sections ---------------------------------------------------

def test_defaults_when_the_sections_are_missing(tmp_path):
    site = load_content(make_site(tmp_path)).site
    assert site.accessibility == model.AccessibilityStatement()
    assert site.accessibility.authority == model.DEFAULT_AUTHORITY
    assert site.accessibility.response_days == 14
    assert site.privacy == model.Privacy()


@pytest.fixture(scope="module")
def minimal_build(tmp_path_factory, sources):
    """The minimal test site (no accessibility or privacy section) built."""
    from hyteguide.build.pipeline import build

    root = tmp_path_factory.mktemp("minimal")
    content = make_site(root)
    build(content, sources.templates, root / "site", today=TODAY,
          base_url="https://example.org/guide/")
    return root / "site"


def _soup(folder, relative):  # noqa: ANN001
    return BeautifulSoup((folder / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_site_without_the_sections_shows_the_defaults_and_the_site_contact(
        minimal_build, sources, lang):
    _ = load_catalogue(sources.templates, lang)
    prefix = "" if lang == "fi" else f"{lang}/"
    soup = _soup(minimal_build, prefix + STATEMENT)
    assert soup.html["lang"] == lang
    text = main_text(soup)
    assert _("accessibility.status_partially") in text
    assert _("accessibility.no_gaps") in text
    assert _("accessibility.undated") in text
    assert _("accessibility.method_self_assessment") in text
    assert soup.find("section", attrs={"aria-labelledby": "feedback-heading"}).find(
        "a", href="mailto:hyte@example.org"), "the site contact is the feedback channel"
    assert _("accessibility.response", days=14) in text
    authority = model.DEFAULT_AUTHORITY
    box = soup.select_one(".statement-authority")
    assert authority.name.get(lang)[0] in box.get_text()
    assert box.find("a", href=authority.url.get(lang)[0])
    assert "https://example.org/guide/" in soup.find("main").decode()

    notice = _soup(minimal_build, prefix + NOTICE)
    text = main_text(notice)
    assert _("privacy.host_unnamed") in text
    assert _("privacy.host_logs") in text
    assert _("privacy.retention") in text
    assert "Testiopas" in text or "Test Guide" in text or "Testguiden" in text  # controller
    assert notice.find("main").find("a", href="mailto:hyte@example.org")


def test_other_choices_are_shown(tmp_path, sources):
    from hyteguide.build.pipeline import build

    content = make_site(tmp_path, {"site.yaml": SITE_YAML + dedent("""\
        accessibility:
          status: fully
          assessed: 2026-10-01
          method: {fi: Ulkoinen auditointi syyskuussa 2026, en: External audit in September 2026}
          feedback: {url: https://example.org/palaute}
          response_days: 1
          authority:
            name: Valvova virasto
            email: valvonta@example.org
        privacy:
          host: Kunnan palvelin
        """)})
    build(content, sources.templates, tmp_path / "site", today=TODAY)
    soup = _soup(tmp_path / "site", "en/" + STATEMENT)
    _ = load_catalogue(sources.templates, "en")
    text = main_text(soup)
    assert _("accessibility.status_fully") in text
    assert _("accessibility.method_text", method="External audit in September 2026") in text
    assert _("accessibility.response_one") in text
    feedback = soup.find("section", attrs={"aria-labelledby": "feedback-heading"})
    assert feedback.find("a", href="https://example.org/palaute").get_text() == \
        _("accessibility.feedback_form")
    assert not feedback.find("a", href="mailto:hyte@example.org")
    box = soup.select_one(".statement-authority")
    assert box.find(lang="fi").get_text() == "Valvova virasto"  # untranslated: marked
    assert box.find("a", href="mailto:valvonta@example.org")
    assert "Traficom" not in text
    notice = main_text(_soup(tmp_path / "site", NOTICE))
    assert "Opas on staattinen verkkosivusto, jonka julkaisee Kunnan palvelin." in notice


# -- problems ----------------------------------------------------------------------------------

def site_with(section: str) -> dict[str, str]:
    """site.yaml of the test site plus a section (dedented); SITE_YAML has 9 lines, so the
    section starts on line 10."""
    assert SITE_YAML.count("\n") == 9
    return {"site.yaml": SITE_YAML + dedent(section)}


def statement_with(fields: str) -> dict[str, str]:
    """site.yaml with an accessibility section: status (line 11), assessed (12), then fields
    (dedented, from line 13)."""
    head = "accessibility:\n  status: partially\n  assessed: 2026-11-22\n"
    return site_with(head + indent(dedent(fields), "  "))


def test_a_status_that_is_not_a_choice(tmp_path):
    root = make_site(tmp_path, site_with("""\
        accessibility:
          status: mostly
          assessed: 2026-11-22
        """))
    assert check(root) == [
        f"{SITE}:11:11: error[bad-value]: accessibility.status: 'mostly' is not one of: fully, "
        "partially, not"]
    [hint] = hints(root)
    assert hint.startswith("fully: ") and "partially: " in hint and "not: " in hint


def test_a_misspelt_status_gets_did_you_mean(tmp_path):
    root = make_site(tmp_path, site_with("""\
        accessibility:
          status: partialy
          assessed: 2026-11-22
        """))
    assert hints(root) == ["did you mean 'partially'?"]


@pytest.mark.parametrize("days", ["-1", "0", "15", "two weeks"])
def test_response_days_from_1_to_14(tmp_path, days):
    root = make_site(tmp_path, statement_with(f"response_days: {days}\n"))
    assert check(root) == [
        f"{SITE}:13:18: error[bad-value]: accessibility.response_days: expected a whole number "
        f"from 1 to 14, found '{days}'"]
    assert "two weeks" in hints(root)[0]


def test_an_authority_without_a_name(tmp_path):
    root = make_site(tmp_path, statement_with("""\
        authority:
          url: https://valvonta.example.org/
        """))
    assert check(root) == [
        f"{SITE}:14:5: error[missing-field]: accessibility.authority.name: the supervisory "
        "authority needs 'name'"]
    assert hints(root) == ["add 'name: Liikenne- ja viestintävirasto Traficom'"]


def test_an_authority_without_any_contact(tmp_path):
    root = make_site(tmp_path, statement_with("""\
        authority:
          name: Virasto
        """))
    assert check(root) == [
        f"{SITE}:14:5: error[missing-field]: accessibility.authority: give at least one of "
        "'url' or 'email' or 'phone'"]


def test_a_statement_without_its_status_and_date(tmp_path):
    root = make_site(tmp_path, site_with("""\
        accessibility:
          method: third-party
        """))
    assert check(root) == [
        f"{SITE}:11:3: error[missing-field]: accessibility.assessed: the accessibility "
        "statement needs 'assessed'",
        f"{SITE}:11:3: error[missing-field]: accessibility.status: the accessibility statement "
        "needs 'status'",
    ]
    assert hints(root) == ["add 'assessed: 2026-11-22'", "add 'status: partially'"]


def test_known_gap_problems_all_at_once(tmp_path):
    root = make_site(tmp_path, statement_with("""\
        known_gaps:
          - text: Kartta ei toimi näppäimistöllä.
            wcag: [2.1.1, 2.4.14]
          - text: PDF-liitteet eivät ole saavutettavia.
            wcag: WCAG 1.1.1
            reason: burden
            fix_by: 30.6.2027
          - wcag: 1.4.3
        """))
    assert check(root) == [
        f"{SITE}:15:21: error[bad-value]: accessibility.known_gaps[0].wcag[1]: '2.4.14' is not a "
        "success criterion of WCAG 2.1",
        f"{SITE}:17:13: error[bad-value]: accessibility.known_gaps[1].wcag[0]: 'WCAG 1.1.1' is "
        "not a criterion number",
        f"{SITE}:18:15: error[bad-value]: accessibility.known_gaps[1].reason: 'burden' is not "
        "one of: non-compliance, disproportionate-burden, out-of-scope",
        f"{SITE}:19:15: error[bad-date]: accessibility.known_gaps[1].fix_by: '30.6.2027' is not "
        "a date",
        f"{SITE}:20:7: error[missing-field]: accessibility.known_gaps[2].text: a known gap needs "
        "'text'",
    ]
    found = hints(root)
    assert found[0] == "did you mean '2.4.4' or '2.4.1' or '2.4.10'?"
    assert found[1] == "write only the number: 1.1.1"
    assert found[2].startswith("non-compliance: ")
    assert found[3] == "write dates as YYYY-MM-DD: did you mean 2027-06-30?"


def test_wcag_criteria_are_those_of_wcag_21():
    assert len(WCAG_21_CRITERIA) == 78
    assert {"1.1.1", "1.4.13", "2.5.6", "4.1.3"} <= WCAG_21_CRITERIA
    assert not {"2.4.11", "2.5.8", "3.3.9", "1.1.2"} & WCAG_21_CRITERIA


def test_feedback_and_authority_addresses_are_checked(tmp_path):
    root = make_site(tmp_path, statement_with("""\
        feedback: {}
        authority:
          name: Virasto
          url: {fi: valvonta.example.org, sv: "https://tillsyn.example.org/"}
          email: mailto:valvonta@example.org
        """))
    assert check(root) == [
        f"{SITE}:13:13: error[missing-field]: accessibility.feedback: give at least one of "
        "'email' or 'url'",
        f"{SITE}:16:15: warning[url-without-scheme]: accessibility.authority.url.fi: "
        "'valvonta.example.org' has no https:// at the start: it is read as "
        "https://valvonta.example.org",
        f"{SITE}:17:12: error[bad-email]: accessibility.authority.email: "
        "'mailto:valvonta@example.org' is not an email address",
    ]
    assert hints(root)[1] == "write https://valvonta.example.org"


def test_privacy_problems(tmp_path):
    root = make_site(tmp_path, site_with("""\
        privacy:
          hosting: GitHub Pages
          host_policy: docs.github.com/privacy
          contact: tietosuoja(at)example.org
        """))
    assert check(root) == [
        f"{SITE}:11:3: error[unknown-key]: privacy.hosting: 'hosting' is not a field of the "
        "privacy notice",
        f"{SITE}:12:16: warning[url-without-scheme]: privacy.host_policy: "
        "'docs.github.com/privacy' has no https:// at the start: it is read as "
        "https://docs.github.com/privacy",
        f"{SITE}:13:12: error[bad-email]: privacy.contact: 'tietosuoja(at)example.org' is not an "
        "email address",
    ]
    assert hints(root)[0] == "did you mean 'host' or 'host_logs'?"


@pytest.mark.parametrize("slug", ["accessibility", "privacy"])
def test_the_page_slugs_are_reserved(tmp_path, slug):
    root = make_site(tmp_path, {f"pages/{slug}.md": "---\ntitle: Oma sivu\n---\n"})
    assert check(root) == [
        f"content/pages/{slug}.md:1:1: error[duplicate-slug]: the page slug '{slug}' is used "
        "by the site itself"]
