"""`hyteguide check --format summary`: the check's problems for editors, in their language and in
the words of the form editor (hyteguide/editor/summary.py, formpath.py).

The report is read as a reader of the pull request sees it: rendered by micromark with its GFM
extension (CommonMark plus GitHub's autolinks, tables and tag filter; in node_modules with
Decap CMS) with raw HTML allowed as GitHub allows some, then parsed, and its text compared.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hyteguide.cli.main import main
from hyteguide.common.problems import Problem
from hyteguide.editor.labels import labels
from hyteguide.editor.summary import JOINER, MAX_CHARS, format_summary, plain, summary_gaps
from tests.conftest import CONTENT, REPO

LANGUAGES = ("fi", "sv", "en")
OLOHUONE = "organisations/keravan-olohuone.md"
RENDER = """
const micromark = require('micromark');
const gfm = require('micromark-extension-gfm');
const gfmHtml = require('micromark-extension-gfm/html');
let s = '';
process.stdin.on('data', d => s += d);
process.stdin.on('end', () => process.stdout.write(micromark(s, {
  allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml]})));
"""


def render(markdown: str) -> BeautifulSoup:
    """The report as GitHub-flavoured Markdown renders it (see the module)."""
    html = subprocess.run(["node", "-e", RENDER], input=markdown, cwd=REPO, check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return BeautifulSoup(html, "html.parser")


def text(node: BeautifulSoup) -> str:
    """A node's text as read: joiners are invisible, spaces as one."""
    return " ".join(node.get_text(" ").replace(JOINER, "").split())


def edit(path: Path, old: str, new: str) -> None:
    written = path.read_text(encoding="utf-8")
    assert old in written, old
    path.write_text(written.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the example content with four mistakes in Keravan Olohuone ry: a wrong time in
    the second rule of its first activity, an unknown theme, a Swedish summary of its second
    activity that looks empty (only an invisible mark, as a paste can leave), and a contact
    with a name but no basis."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    file = content / OLOHUONE
    edit(file, 'time: "17:00-19:00"', 'time: "25:00"')
    edit(file, "themes: [mielenterveys, vertaistuki]\nexpertise",
         "themes: [mielenterveys, tuntematon]\nexpertise")
    edit(file, "      sv: Sluten kamratstödsgrupp för vuxna som återhämtar sig från depression "
               "eller ångest.", '      sv: "\\u200b"')
    edit(file, "  - role: Toiminnanjohtaja\n",
         "  - role: Toiminnanjohtaja\n    name: Maija Meikäläinen\n")
    return content


def summary(content: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str]:
    status = main(["check", "--content", str(content), "--format", "summary",
                   "--today", "2026-12-07", *more])
    return status, capsys.readouterr().out


def items(page: BeautifulSoup) -> list[str]:
    return [text(li) for li in page.find_all("li")]


def test_the_finnish_report_names_the_fields_as_the_form_does(broken, capsys):
    status, report = summary(broken, capsys)
    assert status == 1
    page = render(report)
    assert text(page.h2) == "Sisällön tarkistus: 4 korjattavaa asiaa"
    assert [text(h) for h in page.find_all("h3")] == ["Keravan Olohuone ry · Järjestöt"]
    assert f"Tiedosto: content/{OLOHUONE}" in text(page)
    found = items(page)
    assert len(found) == 4
    theme, contact, time, swedish = found
    assert theme.startswith("Korjattava: Teemat 2 (rivi 13) "
                            "Valintaa ei ole oppaan luokituksessa.")
    assert "Tarkemmin: 'tuntematon' is not in 'themes' in vocabulary.yaml" in theme
    assert "Vihje: did you mean" in theme
    assert contact.startswith("Korjattava: Yhteyshenkilöt 1 › Henkilön nimi (rivi 17) "
                              "Yhteyshenkilön nimelle puuttuu julkaisemisen peruste.")
    assert time.startswith("Korjattava: Toiminta: Olohuone › Aikataulu 2 (Kuukausittain) › "
                           "Kellonaika (rivi 41) Kellonaika ei ole oikeassa muodossa")
    assert "'25:00' is not a time of day" in time
    assert swedish.startswith("Korjattava: Toiminta: Toipujien keskusteluryhmä › Lyhyt kuvaus "
                              "› ruotsiksi (rivi 46) Kentässä on vain välilyöntejä")
    assert text(page.find_all("p")[-1]) == ("Tarkempi kuvaus ja vihje ovat englanniksi. "
                                            "Rivinumero auttaa, jos muokkaat tiedostoa suoraan.")
    assert page.find("strong") and text(page.find("strong")) == "Korjattava:"


def test_the_swedish_and_english_reports(broken, capsys):
    _, report = summary(broken, capsys, "--lang", "sv")
    page = render(report)
    assert text(page.h2) == "Innehållskontroll: 4 saker att rätta"
    assert [text(h) for h in page.find_all("h3")] == ["Keravan Olohuone ry · Organisationer"]
    time = items(page)[2]
    assert time.startswith("Att rätta: Verksamhet: Vardagsrummet › Tidtabell 2 (Varje månad) › "
                           "Klockslag (rad 41) Klockslaget har fel form")
    assert items(page)[3].startswith("Att rätta: Verksamhet: Samtalsgrupp för återhämtning › "
                                     "Kort beskrivning › på svenska (rad 46)")
    assert "Detaljerna och tipset är på engelska." in text(page)

    _, report = summary(broken, capsys, "--lang", "en")
    page = render(report)
    assert text(page.h2) == "Content check: 4 things to fix"
    # The activity has no English title: the form's list shows the Finnish one.
    assert items(page)[2].startswith("To fix: Activities: Olohuone › Schedule 2 (Every month) › "
                                     "Time (line 41) The time is not in the right form")
    assert items(page)[3].startswith("To fix: Activities: Recovery talk group › Summary › "
                                     "in Swedish (line 46)")


def test_the_default_language_is_the_sites_first(broken, capsys):
    edit(broken / "site.yaml", "languages: [fi, sv, en]", "languages: [sv, fi, en]")
    _, report = summary(broken, capsys)
    assert report.startswith("## Innehållskontroll: ")


def test_all_clear_and_warnings_only(tmp_path, capsys):
    status, report = summary(CONTENT, capsys)
    assert (status, text(render(report).h2)) == (0, "Sisällön tarkistus: ei korjattavaa")
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    edit(content / OLOHUONE, "reviewed: 2026-09-15", "reviewed: 2027-01-15")
    status, report = summary(content, capsys)
    page = render(report)
    assert (status, text(page.h2)) == (0, "Sisällön tarkistus: 1 huomautus")
    assert items(page)[0].startswith("Huomautus: Tiedot tarkistettu (rivi 18) "
                                     "Tarkistuspäivä on tulevaisuudessa.")


def test_a_file_that_cannot_be_read_is_named_by_its_file_name(broken, capsys):
    (broken / "places" / "rikki.yaml").write_text("name: [rikki\n", encoding="utf-8")
    (broken / "site.yaml").write_text((broken / "site.yaml").read_text("utf-8")
                                      + "colour: red\n", encoding="utf-8")
    _, report = summary(broken, capsys)
    page = render(report)
    headings = [text(h) for h in page.find_all("h3")]
    assert "rikki.yaml · Paikat" in headings and "site.yaml" in headings
    found = items(page)
    assert any(i.startswith("Korjattava: Koko tiedosto (rivi 2) Tiedoston rakenteessa on virhe")
               for i in found), found
    # Outside the form's collections the field is named as written.
    assert any(i.startswith("Korjattava: colour (rivi") for i in found), found


HOSTILE = ("<script>alert(1)</script><img src=x onerror=alert(2)> **lihava** _kurs_ `koodi` "
           "[a](https://evil.example) www.evil.example @octocat "
           "jo@evil.example #12 GH-3 | b | $x^2$ ~~yli~~ &amp; \\")


def test_values_written_by_editors_are_plain_text(broken, capsys):
    file = broken / OLOHUONE
    edit(file, "name: Keravan Olohuone ry", f"name: {json.dumps(HOSTILE, ensure_ascii=False)}")
    edit(file, "title: {fi: Olohuone, sv: Vardagsrummet}",
         "title: {fi: '@octocat <b>Olohuone</b> [x](https://evil.example)'}")
    edit(file, "email: toimisto@olohuone.example.org", "email: '<i>@octocat</i>'")
    _, report = summary(broken, capsys)
    page = render(report)
    assert page.find_all("h3") and text(page.find_all("h3")[0]) == f"{HOSTILE} · Järjestöt"
    assert "Toiminta: @octocat <b>Olohuone</b> [x](https://evil.example) › Aikataulu 2" \
        in text(page)
    # Nothing but the report's own markup: no HTML, links, emphasis, code, tables or strikes.
    tags = {tag.name for tag in page.find_all(True)}
    assert tags <= {"h2", "h3", "p", "ul", "li", "strong", "hr", "br"}, tags
    assert len(page.find_all("strong")) == len(page.find_all("li"))
    # No @mention, #reference or address GitHub would link: each is broken by a joiner.
    raw = page.get_text()
    for word in ("@octocat", "@evil", "#12", "GH-3", "https://", "www.evil"):
        assert word not in raw, word


def test_plain_keeps_one_line_and_shows_controls():
    assert plain("a\nb\r\n  c") == "a b c"
    assert plain("x\u202ey") == "x\\\\u202ey"  # shown as \u202e, its backslash escaped
    assert plain("*") == "\\*"


def test_a_long_report_stops_before_githubs_limit(broken):
    many = [Problem(f"content/{OLOHUONE}", line, 1, "bad-value", "email", "x" * 500, "y" * 900)
            for line in range(1, 400)]
    report = format_summary(many, broken, "fi")
    assert len(report) < MAX_CHARS + 1_000 < 65_536
    page = render(report)
    told = len(page.find_all("li"))
    assert 0 < told < 399
    assert f"{399 - told} muuta asiaa ei mahdu tähän." in text(page)


# -- every problem code has a sentence -------------------------------------------------------

def emitted_codes() -> set[str]:
    """Every problem code hyteguide/content can emit, read from its source: the code argument
    of ctx.error(node, where, CODE, …), loader.problem(path, CODE, …) and Problem(…), a field
    type's `code` (attribute, keyword or default), `code = …` assignments, and the
    `duplicate-<key>` of each list with unique keys (ListOf(key=…))."""
    codes: set[str] = set()

    def constant(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            codes.add(node.value)

    for path in sorted((REPO / "hyteguide" / "content").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                starred = bool(node.args) and isinstance(node.args[0], ast.Starred)
                if name == "Problem":  # (path, line, col, code, …): the code follows them
                    stars = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
                    at = stars[-1] + 1 if stars else 3
                    if len(node.args) > at:
                        constant(node.args[at])
                elif name in ("error", "problem"):
                    at = {"error": 2, "problem": 1}[name] - (1 if starred else 0)
                    if len(node.args) > at:
                        constant(node.args[at])
                for keyword in node.keywords:
                    if keyword.arg == "code":
                        constant(keyword.value)
                    if keyword.arg == "key" and name == "ListOf" \
                            and isinstance(keyword.value, ast.Constant):
                        codes.add(f"duplicate-{keyword.value.value}")
            elif isinstance(node, ast.FunctionDef):
                positional = node.args.args[len(node.args.args) - len(node.args.defaults):]
                for arg, default in zip(positional, node.args.defaults, strict=True):
                    if arg.arg == "code":
                        constant(default)
            elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "code" \
                    and node.value is not None:
                constant(node.value)
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple) \
                    and isinstance(node.value, ast.Tuple):
                for target, value in zip(node.targets[0].elts, node.value.elts, strict=False):
                    if getattr(target, "id", "") == "code":
                        constant(value)
    return codes


def test_the_codes_are_found_in_the_source():
    codes = emitted_codes()
    assert {"bad-time", "unknown-term", "named-contact-basis", "invisible-text",
            "stale-review", "hidden-stale", "reviewed-future", "duplicate-id", "date-order",
            "yaml-syntax", "no-content", "encoding", "bad-slug", "bad-value"} <= codes
    assert all(code.replace("-", "").isalpha() and code == code.lower() for code in codes), codes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_sentence(lang):
    table = labels(lang)
    assert summary_gaps(table, emitted_codes()) == []
    left_over = set(table["problems"]) - emitted_codes()
    assert left_over == set(), "sentences for codes that nothing emits"


def test_a_new_code_without_a_sentence_is_named():
    table = labels("sv")
    del table["problems"]["bad-time"]
    table["report"]["hint"] = ""
    assert summary_gaps(table, [*emitted_codes(), "new-code"]) == [
        "problems.bad-time: missing", "problems.new-code: missing", "report.hint: missing"]
