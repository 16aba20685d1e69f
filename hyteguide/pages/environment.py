"""The pages' Jinja environment, and a template's errors told as problems.

A template error ends the build as a content error does: `templates/x.html:LINE:1:
error[template]: message`, in the Problem form the commands print (common/problems.py), not
as a traceback through Jinja's machinery, which says little to someone editing a template.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import jinja2

from hyteguide.common.problems import ContentError, Problem, did_you_mean, relative_path
from hyteguide.web.dependencies import RecordingEnvironment
from hyteguide.web.sources import template_folders

TEMPLATE_CODE = "template"
_UNDEFINED_NAME = re.compile(r"'(\w+)' is undefined")


def make_environment(templates: Path) -> jinja2.Environment:
    """Autoescaping on, undefined names are errors, whitespace trimmed; what templates read is
    recorded when a cached build asks (dependencies.RecordingEnvironment)."""
    return RecordingEnvironment(
        loader=jinja2.FileSystemLoader(template_folders(templates)),  # region's, defaults
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class TemplateProblem(ContentError):
    """A template's error as a problem: the build ends with it as with content errors, and
    the site written before is kept. It comes back from a worker process as it was raised
    (it pickles with its problems; a ContentError would pickle only its message)."""

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        return type(self), (self.problems,)


def template_problem(error: jinja2.TemplateError, templates: Path,
                     names: Iterable[str] = ()) -> Problem:
    """The problem of a template error: the template file and line it arose at (the innermost
    template of the traceback: a macro's own file, not the page that called it), what Jinja
    says, and for an undefined name the closest of the names the template had (names)."""
    path, line = _position(error, templates)
    message = error.message or str(error)
    if isinstance(error, jinja2.TemplateNotFound):
        message = f"no template named '{error.name}' in the templates folder"
    hint = ""
    undefined = _UNDEFINED_NAME.fullmatch(message)
    if undefined and names:
        hint = did_you_mean(undefined.group(1), names)
    return Problem(path, line, 1, TEMPLATE_CODE, "", message, hint)


@contextmanager
def problems_of_templates(templates: Path,
                          names: Callable[[], Iterable[str]] = tuple) -> Iterator[None]:
    """Template errors raised within, as a TemplateProblem; names: the names the template
    was given, asked only on an error (for a hint at an undefined name)."""
    try:
        yield
    except jinja2.TemplateError as error:
        raise TemplateProblem([template_problem(error, templates, names())]) from error


def _absolute(path: Path | str) -> Path:
    return Path(os.path.abspath(path))


def _position(error: jinja2.TemplateError, templates: Path) -> tuple[str, int]:
    """The template file (as 'templates/x.html') and line of an error."""
    root = _absolute(templates)
    found: tuple[str, int] | None = None
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        found = error.filename, error.lineno
    else:
        for filename, line in _frames(error.__traceback__):
            if _absolute(filename).is_relative_to(root):
                found = filename, line  # the innermost template frame wins
    if found is None:
        return relative_path(root, root), 1
    return relative_path(_absolute(found[0]), root), found[1]


def _frames(tb: TracebackType | None) -> Iterator[tuple[str, int]]:
    """(file name, line) of each frame of a traceback, outermost first: Jinja rewrites a
    template's frames to name the template file and its line."""
    while tb is not None:
        yield tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
