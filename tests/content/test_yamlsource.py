"""Reading YAML and front matter: syntax errors at the right line, no aliases, no type guessing."""

from __future__ import annotations

from textwrap import dedent

import pytest

from hyteguide.content.yamlsource import parse_yaml, split_front_matter
from tests.helpers import check, hints, make_site, problems

ORG = "organisations/yhdistys.md"
PLACE = "places/kirjasto.yaml"
ORG_PATH = "content/organisations/yhdistys.md"
PLACE_PATH = "content/places/kirjasto.yaml"


# -- parse_yaml and split_front_matter on their own -------------------------------------------

def test_parse_yaml_keeps_the_text_editors_wrote():
    document, found = parse_yaml("content/x.yaml", dedent("""\
        time: 10:30-12:00
        name: NO
        phone: +358 40 123 4567
        postal_code: 04200
        when: 2026-09-15
        flag: yes
        """))
    assert found == []
    values = {k.value: v.value for k, v in document.root.value}
    assert values == {"time": "10:30-12:00", "name": "NO", "phone": "+358 40 123 4567",
                      "postal_code": "04200", "when": "2026-09-15", "flag": "yes"}


def test_document_source_positions_are_one_based_and_offset():
    document, _ = parse_yaml("content/x.md", "name: X\nsummary: Y\n", line_offset=1)
    key, value = document.root.value[1]
    assert document.source(key) == type(document.source(key))("content/x.md", 3, 1)
    assert (document.source(value).line, document.source(value).col) == (3, 10)
    assert document.source(None).line == 2


def test_parse_yaml_syntax_error_position():
    document, found = parse_yaml("content/x.yaml", "name: X\naddress: Katu 1\n  city: Kerava\n")
    assert document is None
    assert [(p.path, p.line, p.col, p.code) for p in found] == [("content/x.yaml", 3, 7,
                                                                   "yaml-syntax")]


def test_parse_yaml_rejects_aliases():
    document, found = parse_yaml("content/x.yaml", "a: &x hello\nb: *x\n")
    assert document is None
    assert [(p.line, p.col, p.code) for p in found] == [(2, 4, "yaml-syntax")]
    assert "aliases" in found[0].message
    assert "anchors" in found[0].hint


def test_split_front_matter_body_and_body_line():
    parsed, found = split_front_matter("content/x.md", "---\nname: X\n---\nBody text.\n")
    assert found == []
    assert parsed.body == "Body text.\n"
    assert parsed.body_line == 4
    assert parsed.document.line_offset == 1


def test_split_front_matter_accepts_crlf_and_bom():
    parsed, found = split_front_matter("content/x.md", "\ufeff---\r\nname: X\r\n---\r\nBody\r\n")
    assert found == []
    assert parsed.document.root.value[0][1].value == "X"
    assert parsed.body == "Body\n"


# -- YAML syntax errors in content files -------------------------------------------------------

def test_bad_indentation_in_yaml_file(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: Kirjasto
        address: Paasikivenkatu 12
          municipality: kerava
        """)})
    assert check(root) == [
        f"{PLACE_PATH}:3:15: error[yaml-syntax]: YAML syntax error: "
        "mapping values are not allowed here"]
    assert "quotes" in hints(root)[0]


def test_bad_indentation_in_front_matter_counts_the_opening_line(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
          themes: [liikunta]
        ---
        """)})
    [line] = check(root)
    assert line.startswith(f"{ORG_PATH}:5:3: error[yaml-syntax]: YAML syntax error:")


def test_colon_in_unquoted_text_in_front_matter(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Avoinna: ma-pe
        municipalities: [kerava]
        ---
        """)})
    [line] = check(root)
    assert line.startswith(f"{ORG_PATH}:3:17: error[yaml-syntax]: ")
    assert hints(root) == ["put quotes around a text that contains ': ' (a colon and a space)"]


def test_tab_indentation_in_yaml_file(tmp_path):
    root = make_site(tmp_path, {PLACE: "name: Kirjasto\naddress: Katu 1\nmunicipality: kerava\n"
                                       "accessibility:\n\t- wheelchair\n"})
    [line] = check(root)
    assert line.startswith(f"{PLACE_PATH}:5:1: error[yaml-syntax]: ")
    assert "spaces" in hints(root)[0]


def test_tab_indentation_in_front_matter(tmp_path):
    root = make_site(tmp_path, {ORG: "---\nname: Yhdistys\nsummary: Testi.\n"
                                     "municipalities:\n\t- kerava\n---\n"})
    [line] = check(root)
    assert line.startswith(f"{ORG_PATH}:5:1: error[yaml-syntax]: ")


def test_tab_indentation_hint_mentions_tabs(tmp_path):
    root = make_site(tmp_path, {PLACE: "name: Kirjasto\naddress: Katu 1\nmunicipality: kerava\n"
                                       "accessibility:\n\t- wheelchair\n"})
    assert hints(root) == ["indent with spaces, not tabs"]


def test_unclosed_quote_is_a_yaml_syntax_error(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: Kirjasto
        address: "Paasikivenkatu 12
        municipality: kerava
        """)})
    [problem] = problems(root)
    assert (problem.path, problem.code) == (PLACE_PATH, "yaml-syntax")
    assert "quoted scalar" in problem.message


def test_unclosed_quote_is_reported_at_the_opening_quote_in_yaml_file(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: Kirjasto
        address: "Paasikivenkatu 12
        municipality: kerava
        postal_code: 04200
        accessibility: [wheelchair]
        """)})
    [line] = check(root)
    assert line.startswith(f"{PLACE_PATH}:2:10: error[yaml-syntax]: ")


def test_unclosed_quote_is_reported_at_the_opening_quote_in_front_matter(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: 'Testi.
        municipalities: [kerava]
        themes: [liikunta]
        ---
        """)})
    [line] = check(root)
    assert line.startswith(f"{ORG_PATH}:3:10: error[yaml-syntax]: ")


def test_alias_is_rejected_at_the_alias_line_in_yaml_file(tmp_path):
    root = make_site(tmp_path, {PLACE: dedent("""\
        name: &name Kirjasto
        address: Paasikivenkatu 12
        municipality: kerava
        description: *name
        """)})
    assert check(root) == [
        f"{PLACE_PATH}:4:14: error[yaml-syntax]: YAML syntax error: aliases (*name) are not "
        "supported"]
    assert "(&name)" in hints(root)[0]


def test_billion_laughs_is_rejected_at_the_first_alias(tmp_path):
    root = make_site(tmp_path, {ORG: dedent("""\
        ---
        name: Yhdistys
        summary: Testi.
        municipalities: [kerava]
        a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        ---
        """)})
    [line] = check(root)
    assert line.startswith(f"{ORG_PATH}:6:8: error[yaml-syntax]: ")
    assert "aliases" in line


def test_syntax_errors_in_several_files_are_all_reported(tmp_path):
    root = make_site(tmp_path, {
        PLACE: "name: Kirjasto\naddress: Katu 1\n  municipality: kerava\n",
        ORG: "---\nname: Yhdistys\nsummary: Testi: hyvä\nmunicipalities: [kerava]\n---\n",
    })
    assert [line.split(": error")[0] for line in check(root)] == [
        f"{ORG_PATH}:3:15", f"{PLACE_PATH}:3:15"]


def test_composer_never_constructs_python_objects():
    # A python tag would be dangerous with an unsafe loader; here it is a located error (issue
    # 21: any explicit tag was read as text without a word), and nothing is constructed.
    document, found = parse_yaml("content/x.yaml", "x: !!python/object/apply:os.system [ls]\n")
    assert document is None
    assert [(p.line, p.col, p.code) for p in found] == [(1, 4, "yaml-syntax")]
    assert "'!!python/object/apply:os.system' is not supported" in found[0].message


@pytest.mark.parametrize("tagged", ["!!binary aGVsbG8=", "!custom x", "!!set {a, b}",
                                    "!<tag:example.org,2026:x> y"])
def test_an_explicit_tag_is_a_located_error(tagged):
    document, found = parse_yaml("content/x.yaml", f"a: 1\nx: {tagged}\n")
    assert document is None and [(p.line, p.code) for p in found] == [(2, "yaml-syntax")]
    assert "is not supported" in found[0].message and "remove the tag" in found[0].hint


def test_plain_and_standard_tags_are_text():
    document, found = parse_yaml("content/x.yaml", "a: !!str 12\nb: [1, 2]\nc: {d: e}\n")
    assert found == [] and document is not None


def test_half_a_character_is_a_problem_with_its_position_and_field(tmp_path):
    root = make_site(tmp_path, {"organisations/hymy.md": (
        '---\nname: "Hymy \\ud83d ry"\nsummary: Hymyä.\nmunicipalities: [kerava]\n'
        'contacts:\n  - role: "\\udc00"\n---\nKuvaus.\n')})
    assert check(root) == [
        "content/organisations/hymy.md:2:7: error[invalid-character]: name: this text has half "
        "of a character (an escape such as \\ud83d, a lone surrogate), which cannot be shown",
        "content/organisations/hymy.md:6:11: error[invalid-character]: role: this text has half "
        "of a character (an escape such as \\ud83d, a lone surrogate), which cannot be shown"]
    assert "\\U0001F642" in hints(root)[0]


def test_a_whole_character_escape_is_fine():
    document, found = parse_yaml("x.yaml", 'name: "Hymy \\U0001F642 ry"\n')
    assert not found and document.root.value[0][1].value == "Hymy 🙂 ry"
