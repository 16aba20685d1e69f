"""The GitHub workflows and issue forms in .github/.

The YAML is read as GitHub reads it (PyYAML reads the key ``on`` as ``True``: both are accepted).
``test_pages_build_commands_run_as_written`` is the done-when of the Pages issue: it runs every
``run:`` step of the Pages build job, in order, as written in the YAML, with bash as GitHub runs
it (``bash --noprofile --norc -eo pipefail``), in a temporary copy of the repository, and then
checks the site it built.

How the install commands are run without a slow reinstall and without touching the shared
environment: the steps are README command 1 (``python3 -m venv .venv && .venv/bin/pip install -e .
&& npm ci … && .venv/bin/python build.py``) plus the base URL, and they are run unchanged.

- The copy is the working tree's files that git tracks or would track (``git ls-files -co
  --exclude-standard``), so uncommitted edits are built as they are; ``.venv``, ``node_modules``
  and ``site`` are ignored files and are not copied.
- ``.venv`` is **not** a symlink to the repository's ``.venv``: ``pip install -e .`` in the copy
  would point the shared editable install at a temporary folder that is then deleted. Instead
  the test first makes a real, empty venv in the copy with the interpreter running the tests
  and adds one ``.pth`` file naming this interpreter's site-packages. ``python3`` (first on
  PATH, like actions/setup-python) is that same interpreter, so the workflow's
  ``python3 -m venv .venv`` keeps the venv; ``.venv/bin/pip install -e .`` then finds every
  dependency already satisfied and only builds hyteguide's editable wheel into the copy's venv
  (pip refuses to uninstall the shared hyteguide, which is outside its environment; setuptools
  for the isolated build comes from pip's cache or the package index, as in the workflow).
- ``npm ci`` really runs (it empties and refills the copy's own ``node_modules``; two small
  packages, from npm's cache first: ``npm_config_prefer_offline``).

Nothing is skipped: git, bash, node and npm are what the test suite needs anyway.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from tests.helpers import read_sitemaps

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
TEST_BASE_URL = "https://example.github.io/fork-test"  # as configure-pages gives it: no slash
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
# Values for expressions in the build job's steps; anything else is an error, so a new one is
# noticed here rather than run as an empty string.
EXPRESSION_VALUES = {"steps.pages.outputs.base_url": TEST_BASE_URL}


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def triggers(workflow: dict) -> dict:
    """The `on:` mapping (YAML 1.1 readers such as PyYAML read the key `on` as True)."""
    on = workflow["on"] if "on" in workflow else workflow[True]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def readme_command(number: int) -> str:
    """The README's numbered command (`# 1. …` comment, then the command line)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^# {number}\. .*\n(.+)$", text, re.MULTILINE)
    assert match, f"README has no command {number}"
    return match.group(1).strip()


def all_uses() -> list[tuple[str, str]]:
    found = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in load(path)["jobs"].items():
            if "uses" in job:  # a reusable workflow
                found.append((f"{path.name}:{name}", job["uses"]))
            for step in job.get("steps", []):
                if "uses" in step:
                    found.append((f"{path.name}:{name}", step["uses"]))
    return found


def step_using(steps: list[dict], action: str) -> dict:
    matches = [s for s in steps if s.get("uses", "").split("@")[0] == action]
    assert len(matches) == 1, f"expected one {action} step"
    return matches[0]


# ---------------------------------------------------------------------------------------------
# Pages workflow


def test_pages_triggers_permissions_and_concurrency():
    pages = load(WORKFLOWS / "pages.yml")
    on = triggers(pages)
    assert on["push"]["branches"] == ["main"]
    crons = [entry["cron"] for entry in on["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert (day, month, weekday) == ("*", "*", "*"), "the site must be rebuilt every night"
    assert 0 <= int(hour) <= 4, "before the day starts in Finland (UTC+2/+3)"
    assert 0 <= int(minute) <= 59
    assert "workflow_dispatch" in on
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"]["group"] == "pages"
    assert pages["concurrency"].get("cancel-in-progress") is not True


def test_pages_build_job_uses_the_official_actions():
    build = load(WORKFLOWS / "pages.yml")["jobs"]["build"]
    steps = build["steps"]
    assert build["runs-on"] == "ubuntu-latest"
    checkout = step_using(steps, "actions/checkout")
    assert checkout["uses"] == "actions/checkout@v4"
    assert checkout["with"]["fetch-depth"] == 0  # full history for the last-changed dates
    python = step_using(steps, "actions/setup-python")
    assert python["uses"] == "actions/setup-python@v5"
    assert str(python["with"]["python-version"]) == "3.11"
    assert python["with"]["cache"] == "pip"
    node = step_using(steps, "actions/setup-node")
    assert node["uses"] == "actions/setup-node@v4"
    assert str(node["with"]["node-version"]) == "20"
    assert node["with"]["cache"] == "npm"
    configure = step_using(steps, "actions/configure-pages")
    assert configure["uses"] == "actions/configure-pages@v5"
    assert configure["id"] == "pages"
    cache = step_using(steps, "actions/cache")
    assert cache["uses"] == "actions/cache@v4"
    build_step = next(s for s in steps if "run" in s)
    assert cache["with"]["path"] == build_step["env"]["HYTEGUIDE_CACHE"]
    assert "github.run_id" in cache["with"]["key"]  # a new entry each run: entries never change
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    upload = step_using(steps, "actions/upload-pages-artifact")
    assert upload["uses"] == "actions/upload-pages-artifact@v3"
    assert upload["with"]["path"] == "site"
    order = [s.get("uses", "run").split("@")[0] for s in steps]
    assert order.index("actions/configure-pages") < order.index("run")
    assert order.index("actions/cache") < order.index("run")
    assert order.index("run") < order.index("actions/upload-pages-artifact")


def test_pages_deploy_job():
    deploy = load(WORKFLOWS / "pages.yml")["jobs"]["deploy"]
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    assert deploy["environment"]["name"] == "github-pages"
    step = step_using(deploy["steps"], "actions/deploy-pages")
    assert step["uses"] == "actions/deploy-pages@v4"
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


def test_pages_build_is_readme_command_1_with_the_pages_base_url():
    """The workflow builds exactly as README command 1 does, plus the Pages address."""
    runs = [s["run"] for s in load(WORKFLOWS / "pages.yml")["jobs"]["build"]["steps"] if "run" in s]
    expected = readme_command(1) + ' --base-url "${{ steps.pages.outputs.base_url }}/"'
    assert [r.strip() for r in runs] == [expected]
    assert "--today" not in expected  # the build day: today in the site's time zone


# ---------------------------------------------------------------------------------------------
# Pull-request workflow


def test_check_workflow():
    check = load(WORKFLOWS / "check.yml")
    on = triggers(check)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    job = check["jobs"]["check"]
    assert job["runs-on"] == "ubuntu-latest"
    steps = job["steps"]
    assert step_using(steps, "actions/checkout")["uses"] == "actions/checkout@v4"
    python = step_using(steps, "actions/setup-python")["with"]
    assert (str(python["python-version"]), python["cache"]) == ("3.11", "pip")
    node = step_using(steps, "actions/setup-node")["with"]
    assert (str(node["node-version"]), node["cache"]) == ("20", "npm")
    runs = [s["run"].strip() for s in steps if "run" in s]
    assert any("chromium" in r and "default-jre-headless" in r for r in runs)
    assert any(r.endswith("hyteguide check --format github") for r in runs)
    assert runs[-1] == readme_command(2), "the tests run exactly as README command 2"


# ---------------------------------------------------------------------------------------------
# All workflows


def test_every_action_is_official_and_pinned_to_a_major_version():
    uses = all_uses()
    assert uses
    for where, action in uses:
        assert re.fullmatch(r"actions/[a-z0-9-]+@v\d+", action), f"{where}: {action}"


def test_workflows_use_only_known_expressions_in_pages_build():
    build = load(WORKFLOWS / "pages.yml")["jobs"]["build"]
    for step in build["steps"]:
        for expression in EXPRESSION.findall(step.get("run", "")):
            assert expression in EXPRESSION_VALUES, expression


# ---------------------------------------------------------------------------------------------
# Issue forms


@pytest.mark.parametrize("name", ["uusi-jarjesto.yml", "vanhentunut-tieto.yml"])
def test_issue_forms(name):
    form = load(ISSUE_TEMPLATES / name)
    assert form["name"] and form["description"] and form["labels"]
    ids = [item.get("id") for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and all(ids)
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] != "markdown":
            assert item["attributes"]["label"]
        if item["type"] == "dropdown":
            assert item["attributes"]["options"]
    required = {item["id"] for item in form["body"]
                if item.get("validations", {}).get("required")}
    assert required


def test_new_organisation_form_fields():
    form = load(ISSUE_TEMPLATES / "uusi-jarjesto.yml")
    ids = {item.get("id") for item in form["body"]}
    assert {"name", "business_id", "municipality", "email", "website", "activities",
            "source"} <= ids
    vocabulary = load(ROOT / "content" / "vocabulary.yaml")
    municipality = next(i for i in form["body"] if i.get("id") == "municipality")
    options = [o.split(" / ")[0] for o in municipality["attributes"]["options"]]
    names = [m["fi"] for m in vocabulary["municipalities"].values()]
    assert options[:-1] == names, "the municipalities of content/vocabulary.yaml, then 'Muu'"


def test_outdated_information_form_fields():
    form = load(ISSUE_TEMPLATES / "vanhentunut-tieto.yml")
    ids = {item.get("id") for item in form["body"]}
    assert {"page", "outdated", "correct", "source"} <= ids


def test_issue_template_config():
    config = load(ISSUE_TEMPLATES / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config.get("contact_links", []):
        assert link["name"] and link["about"] and link["url"].startswith("https://")


# ---------------------------------------------------------------------------------------------
# The done-when: run the Pages build commands as written


def substitute(text: str) -> str:
    return EXPRESSION.sub(lambda m: EXPRESSION_VALUES[m.group(1)], text)


def copy_working_tree(target: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout
    for name in sorted(set(listed.decode().split("\0")) - {""}):
        source = ROOT / name
        if source.is_file():  # tracked files deleted in the working tree are left out
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def prepare_venv(repo: Path, bin_dir: Path) -> None:
    """A real venv in the copy that sees this interpreter's packages; `python3` is this one."""
    base = Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(base)
    subprocess.run([str(base), "-m", "venv", str(repo / ".venv")], check=True,
                   capture_output=True)
    purelib = subprocess.run([str(repo / ".venv" / "bin" / "python"), "-c",
                              "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    ours = sysconfig.get_paths()
    lines = dict.fromkeys([ours["purelib"], ours["platlib"]])
    (Path(purelib) / "zz-hyteguide-test-deps.pth").write_text("\n".join(lines) + "\n")


def test_pages_build_commands_run_as_written(tmp_path):
    workflow = load(WORKFLOWS / "pages.yml")
    job = workflow["jobs"]["build"]
    steps = [s for s in job["steps"] if "run" in s]
    assert steps, "the Pages build job has no run steps"

    repo = tmp_path / "repo"
    repo.mkdir()
    copy_working_tree(repo)
    assert not (repo / "site").exists() and not (repo / "node_modules").exists()
    bin_dir = tmp_path / "bin"
    prepare_venv(repo, bin_dir)

    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_"))}
    env.update({"PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", "CI": "true",
                "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(repo),
                "PIP_DISABLE_PIP_VERSION_CHECK": "1", "npm_config_prefer_offline": "true"})
    for scope in (workflow, job):
        env.update({k: substitute(str(v)) for k, v in (scope.get("env") or {}).items()})
    for step in steps:
        step_env = dict(env, **{k: substitute(str(v)) for k, v in (step.get("env") or {}).items()})
        cwd = repo / step.get("working-directory", ".")
        assert step.get("shell", "bash") == "bash"
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                                 substitute(step["run"])], cwd=cwd, env=step_env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, (
            f"step {step.get('name', step['run'])!r} failed ({result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")

    site = repo / "site"
    assert (site / "index.html").is_file()
    assert (repo / ".cache/hyteguide/manifest.json").is_file()  # the cache the next run restores
    assert (site / ".nojekyll").is_file()  # Pages serves _-prefixed files as they are
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                 "x": "http://www.w3.org/1999/xhtml"}
    parts = read_sitemaps(site, TEST_BASE_URL + "/")
    addresses = [e.text for tree in parts for e in tree.iterfind("s:url/s:loc", namespace)]
    addresses += [e.get("href") for tree in parts
                  for e in tree.iterfind("s:url/x:link", namespace)]
    assert len(addresses) > 100
    for address in addresses:
        assert address.startswith(TEST_BASE_URL + "/"), address
        assert not address.startswith(TEST_BASE_URL + "//"), address
    assert f"{TEST_BASE_URL}/" in addresses  # the home page
    # The shared environment was not touched: hyteguide is still imported from this checkout.
    import hyteguide

    assert Path(hyteguide.__file__).resolve().parent == ROOT / "hyteguide"


# ---------------------------------------------------------------------------------------------
# The check's report for editors: the run's summary and one comment on the pull request

MARKER = "<!-- hyteguide-check-summary -->"
FAKE_GH = """\
#!{python}
# A stand-in for the GitHub CLI's `gh api`: answers GET from pulls.json or comments.json
# (through jq, as --jq does), records every call in calls.jsonl.
import json, os, pathlib, subprocess, sys
state = pathlib.Path(os.environ["FAKE_GH_STATE"])
args, call = sys.argv[1:], {{"method": "GET", "fields": {{}}, "paginate": False,
                            "token": os.environ.get("GH_TOKEN")}}
assert args.pop(0) == "api", args
while args:
    arg = args.pop(0)
    if arg == "--method":
        call["method"] = args.pop(0)
    elif arg == "--jq":
        call["jq"] = args.pop(0)
    elif arg == "--paginate":
        call["paginate"] = True
    elif arg == "-f":  # a raw string field (a query parameter of a GET)
        name, value = args.pop(0).split("=", 1)
        call["fields"][name] = value
    elif arg == "-F":
        name, value = args.pop(0).split("=", 1)
        call["fields"][name] = (pathlib.Path(value[1:]).read_text() if value.startswith("@")
                                else value)
    else:
        call["path"] = arg
with (state / "calls.jsonl").open("a") as log:
    log.write(json.dumps(call) + "\\n")
if call["method"] == "GET":
    out = (state / ("pulls.json" if "/pulls" in call["path"] else "comments.json")).read_text()
    if "jq" in call:
        out = subprocess.run(["jq", "-r", call["jq"]], input=out, text=True, check=True,
                             capture_output=True).stdout
    sys.stdout.write(out)
else:
    sys.stdout.write("{{}}")
"""


def check_step(job: str, name: str, workflow: str = "check.yml") -> dict:
    steps = [s for s in load(WORKFLOWS / workflow)["jobs"][job]["steps"]
             if s.get("name") == name]
    assert len(steps) == 1, f"{job}: one step named {name!r}"
    return steps[0]


def run_step(step: dict, cwd: Path, env: dict[str, str], values: dict[str, str]
             ) -> subprocess.CompletedProcess:
    """A run: step as GitHub runs it (bash -eo pipefail), its env's expressions replaced by
    values (an expression not in values is an error); the script itself has none."""
    assert not EXPRESSION.search(step["run"]), "values go in through env, never into the script"
    step_env = dict(env, **{key: EXPRESSION.sub(lambda m: values[m.group(1)], str(value))
                            for key, value in (step.get("env") or {}).items()})
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env=step_env, capture_output=True, text=True, timeout=300)


def test_report_jobs_permissions_and_conditions():
    check = load(WORKFLOWS / "check.yml")
    assert check["permissions"] == {"contents": "read"}
    jobs = check["jobs"]
    assert "permissions" not in jobs["check"] and "permissions" not in jobs["explain"]
    keep = check_step("explain", "Keep the report for the pull request's comment")
    assert keep["uses"] == "actions/upload-artifact@v4"
    assert keep["with"]["name"] == "check-summary" and keep["with"]["path"] == "check-summary.md"
    assert "pull_request" in keep["if"]
    comment = load(WORKFLOWS / "comment.yml")
    assert triggers(comment) == {"workflow_run": {"workflows": ["Check"],
                                                  "types": ["completed"]}}
    assert comment["permissions"] == {}
    job = comment["jobs"]["comment"]
    # Only this job may write to pull requests (a fork's too: its own run cannot).
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    # Nothing from the pull request runs: no checkout, only the official artifact download.
    assert [step.get("uses") for step in job["steps"] if "uses" in step] == [
        "actions/download-artifact@v4"]
    fetch = job["steps"][0]["with"]
    assert fetch["run-id"] == "${{ github.event.workflow_run.id }}"
    # No step fails a run by itself: the check job's exit code decides.
    for step in (check_step("explain", "Write the report for editors"), keep, *job["steps"]):
        assert step["continue-on-error"] is True


def report_of_broken_content(tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """The explain job's report step run as written in a folder whose content has a wrong time
    in the second rule of an activity; hyteguide is this checkout (its install step is the
    same pip install as the check job's)."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    organisation = repo / "content" / "organisations" / "keravan-olohuone.md"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace('time: "17:00-19:00"', 'time: "25:00"', 1), "utf-8")
    (repo / ".venv" / "bin").mkdir(parents=True)
    wrapper = repo / ".venv" / "bin" / "hyteguide"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m hyteguide "$@"\n')
    wrapper.chmod(0o755)
    (tmp_path / "summary.md").write_text("An earlier step's summary.\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update({"PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
                "GITHUB_OUTPUT": str(tmp_path / "output"), "CI": "true"})
    result = run_step(check_step("explain", "Write the report for editors"), repo, env, {})
    return result, tmp_path


def test_the_report_step_writes_the_summary_and_the_output(tmp_path):
    result, folder = report_of_broken_content(tmp_path)
    assert result.returncode == 0, result.stderr  # the check found an error; the step is fine
    summary = (folder / "summary.md").read_text(encoding="utf-8")
    earlier, report = summary.split("\n", 1)
    assert earlier == "An earlier step's summary."
    assert report.startswith("## Sisällön tarkistus: 1 korjattava asia")  # (and any notes)
    assert r"Toiminta: Olohuone › Aikataulu 2 \(Kuukausittain\) › Kellonaika (rivi 40)" in report
    assert "Kellonaika ei ole oikeassa muodossa" in report
    assert (folder / "repo" / "check-summary.md").read_text(encoding="utf-8") == report


def test_the_comment_step_posts_one_comment_then_updates_it(tmp_path):
    result, folder = report_of_broken_content(tmp_path)
    # What a pull request could put in the report reaches the script only as a file, and a
    # branch name only as a value: never as commands.
    report = (folder / "repo" / "check-summary.md").read_text(encoding="utf-8") + \
        '\n$(touch pwned) `touch pwned` "; touch pwned; "\n'
    bin_dir, state = tmp_path / "bin", tmp_path / "gh"
    bin_dir.mkdir()
    state.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH.format(python=sys.executable))
    (bin_dir / "gh").chmod(0o755)
    someone = {"id": 5, "user": {"login": "maija"}, "body": f"{MARKER}\nnot ours"}
    (state / "comments.json").write_text(json.dumps([someone]))
    (state / "pulls.json").write_text(json.dumps([{"number": 7}]))
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update({"PATH": f"{bin_dir}{os.pathsep}{env['PATH']}", "FAKE_GH_STATE": str(state)})
    values = {"github.token": "the-token", "github.repository": "alue/opas",
              "github.event.workflow_run.head_repository.owner.login": "maija",
              "github.event.workflow_run.head_branch": "cms/organisations/x$(touch pwned)"}
    step = check_step("comment", "Comment the report on the pull request", "comment.yml")
    work = tmp_path / "work"
    work.mkdir()
    (work / "check-summary.md").write_text(report, encoding="utf-8")  # the artifact

    def calls() -> list[dict]:
        lines = (state / "calls.jsonl").read_text().splitlines()
        (state / "calls.jsonl").unlink()
        return [json.loads(line) for line in lines]

    first = run_step(step, work, env, values)
    assert first.returncode == 0, first.stderr
    found, listed, posted = calls()
    assert (found["method"], found["path"], found["fields"]) == (
        "GET", "repos/alue/opas/pulls",
        {"state": "open", "head": "maija:cms/organisations/x$(touch pwned)"})
    assert (listed["method"], listed["path"], listed["paginate"]) == (
        "GET", "repos/alue/opas/issues/7/comments", True)
    assert (posted["method"], posted["path"]) == ("POST", "repos/alue/opas/issues/7/comments")
    assert posted["fields"]["body"] == f"{MARKER}\n\n{report}"
    assert {listed["token"], posted["token"]} == {"the-token"}
    assert not list(work.rglob("pwned")) and not list(tmp_path.glob("pwned"))

    ours = {"id": 42, "user": {"login": "github-actions[bot]"}, "body": f"{MARKER}\n\nold"}
    (state / "comments.json").write_text(json.dumps([someone, ours]))
    second = run_step(step, work, env, values)
    assert second.returncode == 0, second.stderr
    _, listed, patched = calls()
    assert (patched["method"], patched["path"]) == ("PATCH", "repos/alue/opas/issues/comments/42")
    assert patched["fields"]["body"] == f"{MARKER}\n\n{report}"

    (state / "pulls.json").write_text("[]")  # the pull request was closed meanwhile
    third = run_step(step, work, env, values)
    assert third.returncode == 0, third.stderr
    assert [call["path"] for call in calls()] == [found["path"]]
