"""Links and special files in content/ are not followed out of it (issue 21, point 4): git
stores symbolic links, so a pull request can add one, and the check workflow must neither read
nor print what it points at, nor hang on a pipe or fill memory from a device."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from hyteguide.build.pipeline import build
from hyteguide.cli.main import main
from hyteguide.common.problems import ContentError
from hyteguide.content.safefiles import MAX_BYTES
from tests.conftest import BASE_URL, TEMPLATES
from tests.helpers import ORGANISATION_MD, make_site, problems

SECRET = "TOKEN=ghp_not_for_anyone"


def _secret_file(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text(f"---\n{SECRET}: x\nname: Ulkopuolinen ry\n---\n", "utf-8")
    return secret


def test_a_link_to_a_file_outside_is_refused_and_not_printed(tmp_path, capsys):
    root = make_site(tmp_path)
    (root / "organisations" / "vuoto.md").symlink_to(_secret_file(tmp_path))
    [problem] = problems(root)
    assert (problem.path, problem.code) == ("content/organisations/vuoto.md", "refused-file")
    assert "outside the content folder" in problem.message and problem.hint
    for form in ("text", "github"):
        assert main(["check", "--content", str(root), "--format", form]) == 1
        out = capsys.readouterr()
        assert SECRET not in out.out + out.err and "ghp_" not in out.out + out.err


def test_a_linked_folder_from_outside_is_not_published(tmp_path):
    root = make_site(tmp_path)
    organisations = root / "organisations"
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "toinen.md").write_text(
        ORGANISATION_MD.replace("Keravan Yhdistys ry", "Ulkopuolinen ry"), "utf-8")
    for path in organisations.iterdir():
        path.rename(tmp_path / "elsewhere" / path.name)
    organisations.rmdir()
    organisations.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ContentError) as raised:
        build(root, TEMPLATES, tmp_path / "out", today=dt.date(2026, 12, 7), base_url=BASE_URL)
    assert {p.code for p in raised.value.problems} == {"refused-file"}
    assert not (tmp_path / "out").exists()


def test_a_link_inside_the_content_folder_is_read(tmp_path):
    root = make_site(tmp_path)
    (root / "organisations" / "yhdistys.md").rename(root / "yhdistys.source")
    (root / "organisations" / "yhdistys.md").symlink_to(root / "yhdistys.source")
    codes = [p.code for p in problems(root)]
    assert codes == ["unexpected-file"]  # the odd file at the top, not the link


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused(tmp_path, device):
    root = make_site(tmp_path)
    (root / "places" / "laite.yaml").symlink_to(device)
    assert [(p.path, p.code) for p in problems(root)] == [
        ("content/places/laite.yaml", "refused-file")]


def test_a_pipe_does_not_hang_check(tmp_path):
    root = make_site(tmp_path)
    os.mkfifo(root / "organisations" / "putki.md")
    [problem] = problems(root)  # no writer: a plain open() would wait for ever
    assert (problem.code, problem.path) == ("refused-file", "content/organisations/putki.md")
    assert "not a regular file" in problem.message


def test_a_file_larger_than_an_entry_is_refused(tmp_path):
    root = make_site(tmp_path)
    text = ORGANISATION_MD.replace("Yhdistys toimii Keravalla.",
                                   "Tekstiä. " * (MAX_BYTES // 9 + 1))
    (root / "organisations" / "yhdistys.md").write_text(text, "utf-8")
    [problem] = problems(root)
    assert problem.code == "refused-file" and "larger than 1 MB" in problem.message
