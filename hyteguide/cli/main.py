"""The `hyteguide` command: init, build, check, serve, new, fields, report, import."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
from pathlib import Path

from hyteguide.build.write import UnsafeOutput
from hyteguide.common.problems import (
    ContentError,
    format_counts,
    format_github,
    format_json,
    format_report,
    has_errors,
)
from hyteguide.search.files import MissingPackage


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date YYYY-MM-DD") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="content folder (default: content)")
    parser.add_argument("--templates", type=Path, default=Path("templates"),
                        help="templates folder whose files override hyteguide's packaged "
                        "defaults, file by file (default: templates, if it exists)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hyteguide", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")

    build = commands.add_parser("build", help="build the site into site/")
    _common(build)
    build.add_argument("-o", "--output", type=Path, default=Path("site"),
                       help="output folder (default: site)")
    build.add_argument("--today", type=_date, help="the build date YYYY-MM-DD "
                       "(default: today in the site's time zone)")
    build.add_argument("--base-url", help="the published address (default: base_url of site.yaml)")
    build.add_argument("--cache", type=Path, metavar="DIR",
                       default=Path(os.environ["HYTEGUIDE_CACHE"])
                       if os.environ.get("HYTEGUIDE_CACHE") else None,
                       help="a build cache folder: make again only what changed (made if "
                            "missing; default: $HYTEGUIDE_CACHE, else no cache)")

    check = commands.add_parser("check", help="validate the content without writing anything")
    _common(check)
    check.add_argument("--format", choices=["text", "github", "json", "summary"],
                       default="text",
                       help="text (default), github (GitHub Actions annotations on stdout), "
                       "json (a document on stdout for tools) or summary (a Markdown report "
                       "for editors on stdout, in the words of the form editor)")
    check.add_argument("--lang", choices=["fi", "sv", "en"],
                       help="the summary's language (default: the site's first language)")
    check.add_argument("--today", type=_date, help="check as of YYYY-MM-DD (consent expiry; "
                       "default: today in the site's time zone)")

    serve = commands.add_parser("serve", help="preview with live reload on 127.0.0.1")
    _common(serve)
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--today", type=_date, help="pretend today is YYYY-MM-DD")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")

    report = commands.add_parser("report", help="write the coordinator's to-do list "
                                 "(report.md and report.csv)")
    _common(report)
    report.add_argument("-o", "--output", type=Path, default=Path("report"),
                        help="folder for report.md and report.csv (default: report)")
    report.add_argument("--today", type=_date, help="as of YYYY-MM-DD (default: today in the "
                        "site's time zone)")

    commands.add_parser("fields", help="print the field reference (Markdown) made from the "
                        "schema that check uses")

    new = commands.add_parser("new", help="write a commented skeleton file")
    _common(new)
    new.add_argument("kind", choices=["organisation"])
    new.add_argument("name", help='the name, e.g. "Keravan Olohuone ry"')

    init = commands.add_parser("init", help="start a region's own repository in FOLDER "
                               "(content, workflows pinned to this hyteguide, README)")
    init.add_argument("folder", type=Path, help="a new or empty folder")
    init.add_argument("--region", help='the region\'s name, e.g. "Keski-Uusimaa" '
                      "(default: from the folder's name)")
    _import_parser(commands)
    return parser


def _import_parser(commands: argparse._SubParsersAction) -> None:
    imp = commands.add_parser("import", help="import an Open Referral HSDS data package "
                              "(CSV) as organisation and place files")
    imp.add_argument("kind", choices=["hsds"], help="the kind of data: hsds")
    imp.add_argument("path", type=Path, help="the package folder (or its datapackage.json)")
    imp.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                     help="content folder to write into (default: content)")
    imp.add_argument("--overwrite", action="store_true",
                     help="replace files that exist (default: keep them)")
    imp.add_argument("--new", action="store_true", help="write site.yaml and vocabulary.yaml "
                     "when the content folder has none")
    imp.add_argument("--language", metavar="CODE", help="the language the package's texts "
                     "are in (a site language; default: the package's, else the site's first)")
    imp.add_argument("--municipality", metavar="ID", help="municipality id for places whose "
                     "city matches no municipality, and for organisations without places")
    imp.add_argument("--format", metavar="ID",
                     help="format id for activities whose taxonomy names none")
    imp.add_argument("--report-json", type=Path, metavar="FILE",
                     help="also write the report as JSON here")
    imp.add_argument("--today", type=_date, metavar="YYYY-MM-DD",
                     help="check as of YYYY-MM-DD (default: today)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = make_parser().parse_args(argv)
    try:
        if args.command == "check":
            from hyteguide.content.load import load_content

            if args.format == "text":
                content = load_content(args.content, args.today)
                warnings = content.extra.get("warnings", [])
                print(format_report(warnings) if warnings else "No problems found.",
                      file=sys.stderr)
                return 0
            try:
                problems = load_content(args.content, args.today).extra.get("warnings", [])
            except ContentError as err:
                problems = err.problems
            if args.format == "summary":
                from hyteguide.editor.summary import format_summary

                output = format_summary(problems, args.content, args.lang)
            else:
                output = (format_github if args.format == "github" else format_json)(problems)
            if output:
                print(output)
            print(format_counts(problems), file=sys.stderr)
            return 1 if has_errors(problems) else 0
        if args.command == "build":
            from hyteguide.build.pipeline import build

            report = build(args.content, args.templates, args.output, today=args.today,
                           base_url=args.base_url, cache=args.cache)
            print(report, file=sys.stderr)
            return 0
        if args.command == "serve":
            from hyteguide.preview.serve import serve

            serve(args.content, args.templates, host=args.host, port=args.port,
                  today=args.today, open_browser=not args.no_browser)
            return 0
        if args.command == "report":
            from hyteguide.content.load import load_content, today_in
            from hyteguide.derive.guide import derive
            from hyteguide.derive.report import write

            content = load_content(args.content, args.today)
            found = write(derive(content, args.today or today_in(content.site.timezone)),
                          args.output, content.extra.get("warnings", ()))
            print(f"Wrote {args.output / 'report.md'} and {args.output / 'report.csv'}: "
                  f"{len(found)} items.", file=sys.stderr)
            return 0
        if args.command == "fields":
            from hyteguide.content.fieldref import reference

            sys.stdout.write(reference())
            return 0
        if args.command == "import":
            return _import(args)
        if args.command == "init":
            from hyteguide.region.init import init_region, next_steps

            init_region(args.folder, args.region)
            print(next_steps(args.folder), file=sys.stderr)
            return 0
        if args.command == "new":
            from hyteguide.content.scaffold import new_organisation

            path = new_organisation(args.content, args.name)
            print(f"Wrote {path}. Fill it in, then run: hyteguide check", file=sys.stderr)
            return 0
    except ContentError as err:
        print(format_report(err.problems), file=sys.stderr)
        if args.command == "build":
            print("The build was stopped; the previous site was left as it was.", file=sys.stderr)
        return 1
    except (FileExistsError, UnsafeOutput, MissingPackage) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # disk full, a read-only folder, no permission: said, not a traceback
        print(f"error: {os_error(err)}", file=sys.stderr)
        if args.command == "build":
            print("The build was stopped; the previous site was left as it was.", file=sys.stderr)
        return 1
    return 2


_OS_HINTS = {
    errno.ENOSPC: "free some disk space (or build elsewhere with -o), then build again",
    errno.EDQUOT: "free some of your disk quota (or build elsewhere with -o), then build again",
    errno.EROFS: "the folder is on a read-only disk: choose an output folder you can write to "
                 "with -o",
    errno.EACCES: "you may not write there: choose an output folder you can write to with -o, "
                  "or ask for write permission",
    errno.EPERM: "you may not write there: choose an output folder you can write to with -o",
    errno.EBUSY: "the folder is in use (or is a mount point another program holds): close what "
                 "uses it, or choose another output folder with -o",
}


def os_error(err: OSError) -> str:
    """An error of the operating system as one line a maintainer can act on."""
    where = f" ({err.filename})" if err.filename else ""
    hint = _OS_HINTS.get(err.errno or 0, "")
    return f"{err.strerror or err}{where}" + (f"; {hint}" if hint else "")


def _import(args: argparse.Namespace) -> int:
    from hyteguide.importers.hsds.command import HsdsError, ImportOptions, import_hsds, write_json

    options = ImportOptions(args.overwrite, args.new, args.language, args.municipality,
                            args.format, args.today)
    try:
        result = import_hsds(args.path, args.content, options)
    except HsdsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(result.text())
    if args.report_json:
        write_json(result, args.report_json)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
