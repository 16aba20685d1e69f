"""Template errors as problems (hyteguide/pages/environment.py): a template's syntax error or
undefined name ends the build with `templates/x.html:LINE:1: error[template]: message`, like a
content error, exit code 1, and the site built before is kept."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import jinja2
import pytest

from hyteguide.cli.main import main
from hyteguide.pages.environment import (
    TemplateProblem,
    make_environment,
    problems_of_templates,
    template_problem,
)
from tests.conftest import BASE_URL


def problem_of(templates: Path, name: str, **context: object):
    """The problem that rendering the template `name` raises."""
    env = make_environment(templates)
    with pytest.raises(TemplateProblem) as raised, problems_of_templates(
            templates, lambda: ["organisation", "page_title"]):
        env.get_template(name).render(context)
    [problem] = raised.value.problems
    return problem


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    (folder / "partials").mkdir(parents=True)
    (folder / "page.html").write_text(
        '{% import "partials/m.html" as m %}\nfirst\n{{ m.card() }}\n', encoding="utf-8")
    (folder / "partials" / "m.html").write_text(
        "{% macro card() %}\ncard\n{{ organisaton }}\n{% endmacro %}\n", encoding="utf-8")
    return folder


def test_an_undefined_name_is_told_at_its_own_template_and_line(templates):
    problem = problem_of(templates, "page.html")
    assert (problem.path, problem.line, problem.code) == ("templates/partials/m.html", 3,
                                                          "template")
    assert problem.message == "'organisaton' is undefined"
    assert problem.hint == "did you mean 'organisation'?"


def test_a_syntax_error_is_told_at_its_line(templates):
    (templates / "page.html").write_text("one\ntwo\n{% iff x %}\n", encoding="utf-8")
    problem = problem_of(templates, "page.html")
    assert (problem.path, problem.line) == ("templates/page.html", 3)
    assert problem.format().startswith("templates/page.html:3:1: error[template]: ")


def test_a_missing_template_is_named(templates):
    (templates / "page.html").write_text('x\n{% include "nowhere.html" %}\n', encoding="utf-8")
    problem = problem_of(templates, "page.html")
    assert (problem.path, problem.line) == ("templates/page.html", 2)
    assert "nowhere.html" in problem.message


def test_a_template_problem_comes_back_from_a_worker_whole(templates):
    """Workers send exceptions by pickling: the problem must survive it (parallel.py)."""
    problem = template_problem(jinja2.TemplateSyntaxError("bad", 4, "x.html", "x.html"),
                               templates)
    error = pickle.loads(pickle.dumps(TemplateProblem([problem])))
    assert error.problems == [problem]


@pytest.mark.parametrize(("template", "typo", "expected"), [
    # A one-letter typo in a statement: found before any page is made.
    ("organisation.html", ("{% endblock %}", "{% endblok %}"),
     r"error\[template\]: Encountered unknown tag 'endblok'"),
    # A one-letter typo in a name: found while the pages are made, in a worker.
    ("organisation.html", ("t(organisation.name)", "t(organisaton.name)"),
     r"error\[template\]: 'organisaton' is undefined\n    hint: did you mean 'organisation'\?"),
])
def test_a_typo_in_the_templates_ends_the_build_with_a_problem(tmp_path, sources, capsys,
                                                               template, typo, expected):
    templates = tmp_path / "templates"
    shutil.copytree(sources.templates, templates)
    text = (templates / template).read_text(encoding="utf-8")
    assert typo[0] in text
    broken = text.replace(typo[0], typo[1], 1)
    (templates / template).write_text(broken, encoding="utf-8")
    line = broken[:broken.index(typo[1])].count("\n") + 1
    output = tmp_path / "site"
    output.mkdir()
    (output / ".nojekyll").write_text("", encoding="utf-8")
    (output / "index.html").write_text("the site built before", encoding="utf-8")
    code = main(["build", "--content", str(sources.content), "--templates", str(templates),
                 "-o", str(output), "--today", "2026-11-23", "--base-url", BASE_URL])
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(rf"^templates/{template}:{line}:1: {expected}", err, re.M), err
    assert "Traceback" not in err and "1 error(s), 0 warning(s)" in err
    assert (output / "index.html").read_text(encoding="utf-8") == "the site built before"
