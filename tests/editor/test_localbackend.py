"""hyteguide.editor.localbackend: Decap's local_fs protocol on a copy of the example content.

Requests are shaped as Decap 3.16's proxy backend sends them (decap-cms-backend-proxy
implementation.ts: `{branch, action, params: {branch, ...}}`), answers are compared with
decap-server's (localFs/index.ts, utils/entries.ts). Every path that is not a content file is
refused, and nothing outside the content folder is read, written or deleted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from hyteguide.editor.localbackend import LocalBackend

REPO = Path(__file__).resolve().parents[2]
OPTIONS = {"collectionName": "organisations", "commitMessage": "Update", "useWorkflow": False,
           "status": ""}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository folder holding a copy of the example's content/ and a file beside it."""
    root = tmp_path / "guide"
    shutil.copytree(REPO / "content", root / "content")
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return root


def call(repo: Path, action: str, **params: object) -> tuple[int, object]:
    """(status, JSON answer) for one request, after a JSON round trip both ways."""
    request = json.loads(json.dumps({"branch": "master", "action": action,
                                     "params": {"branch": "master", **params}}))
    answer = LocalBackend.of(repo / "content").answer(request)
    return answer.status, json.loads(json.dumps(answer.body))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root (links as where they point), to see that nothing changed."""
    return {str(p.relative_to(root)): (os.readlink(p).encode() if p.is_symlink() else
                                       p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_symlink() or p.is_file()}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_info_is_what_decap_detects_a_local_backend_by(repo):
    assert call(repo, "info") == (200, {"repo": "guide", "publish_modes": ["simple"],
                                        "type": "local_fs"})
    # Decap's detection sends no params at all
    assert LocalBackend.of(repo / "content").answer({"action": "info"}).status == 200


def test_entries_by_folder_lists_a_collection(repo):
    status, entries = call(repo, "entriesByFolder", folder="content/organisations",
                           extension="md", depth=1)
    assert status == 200
    files = sorted((repo / "content" / "organisations").glob("*.md"))
    assert [e["file"]["path"] for e in entries] == \
        [f"content/organisations/{f.name}" for f in files]
    first = files[0].read_bytes()
    assert entries[0] == {"data": first.decode("utf-8"),
                          "file": {"path": f"content/organisations/{files[0].name}",
                                   "id": sha(first)}}


def test_entries_by_folder_depth_extension_and_missing_folder(repo):
    def paths(**params: object) -> list[str]:
        status, entries = call(repo, "entriesByFolder", **params)
        assert status == 200
        return [e["file"]["path"] for e in entries]

    assert paths(folder="content", extension="yaml", depth=1) == \
        ["content/site.yaml", "content/vocabulary.yaml"]
    deeper = paths(folder="content/", extension="yaml", depth=2)
    assert "content/places/hyrylan-kirjasto.yaml" in deeper and "content/site.yaml" in deeper
    assert paths(folder="content/organisations", extension="md", depth=0) == []
    assert paths(folder="content/nothing-here", extension="md", depth=1) == []
    assert call(repo, "entriesByFolder", folder="content", extension="md",
                depth="1")[0] == 422


def test_entries_by_files_and_get_entry(repo):
    site = (repo / "content" / "site.yaml").read_bytes()
    status, entries = call(repo, "entriesByFiles", files=[
        {"path": "content/site.yaml", "label": "Site"}, {"path": "content/missing.yaml"}])
    assert status == 200
    assert entries == [
        {"data": site.decode("utf-8"),
         "file": {"path": "content/site.yaml", "label": "Site", "id": sha(site)}},
        {"data": None, "file": {"path": "content/missing.yaml", "id": None}}]
    assert call(repo, "getEntry", path="content/site.yaml") == \
        (200, {"data": site.decode("utf-8"), "file": {"path": "content/site.yaml",
                                                      "id": sha(site)}})
    # a new entry's slug is free when its file does not exist (Decap's entryExist)
    assert call(repo, "getEntry", path="content/organisations/uusi.md")[1]["data"] is None


def test_persist_entry_writes_exactly_the_raw_text(repo):
    target = repo / "content" / "organisations" / "keravan-olohuone.md"
    target.chmod(0o640)
    raw = target.read_text(encoding="utf-8").replace("name: ", "name: Muokattu ", 1) + "ä\r\n"
    status, answer = call(repo, "persistEntry", assets=[], options=OPTIONS, dataFiles=[
        {"slug": "keravan-olohuone", "path": "content/organisations/keravan-olohuone.md",
         "raw": raw}])
    assert (status, answer) == (200, {"message": "entry persisted"})
    assert target.read_bytes() == raw.encode("utf-8")  # UTF-8, newlines as given
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # permissions kept
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []
    backend = LocalBackend.of(repo / "content")
    changes = backend.answer({"action": "persistEntry", "params": {
        "assets": [], "options": OPTIONS,
        "entry": {"slug": "uusi", "path": "content/organisations/uusi.md", "raw": "x"}}})
    assert changes.changes == ("wrote content/organisations/uusi.md",)
    assert (repo / "content" / "organisations" / "uusi.md").read_text() == "x"
    assert oct((repo / "content" / "organisations" / "uusi.md").stat().st_mode & 0o777) == \
        oct(0o644)


def test_persist_entry_moves_to_new_path(repo):
    folder = repo / "content" / "pages"
    status, _ = call(repo, "persistEntry", assets=[], options=OPTIONS, dataFiles=[
        {"slug": "tietoa", "path": "content/pages/tietoa.md",
         "newPath": "content/pages/sub/meista.md", "raw": "moved\n"}])
    assert status == 200
    assert not (folder / "tietoa.md").exists()
    assert (folder / "sub" / "meista.md").read_text() == "moved\n"
    assert (folder / "jarjestoille.md").exists()  # siblings stay where they are


def test_persist_entry_refuses_to_move_onto_another_entry(repo):
    before = snapshot(repo)
    status, answer = call(repo, "persistEntry", assets=[], options=OPTIONS, dataFiles=[
        {"slug": "tietoa", "path": "content/pages/tietoa.md",
         "newPath": "content/pages/jarjestoille.md", "raw": "x"}])
    assert status == 409 and "already exists" in answer["error"]
    assert snapshot(repo) == before


@pytest.mark.parametrize("params, status, words", [
    ({"dataFiles": [{"path": "content/site.json", "raw": "{}"}]}, 403, "writes only"),
    ({"dataFiles": [{"path": "content/pages/x.html", "raw": "<script>"}]}, 403, "writes only"),
    ({"dataFiles": [{"path": "content/pages/x.md", "raw": "x" * 1_000_001}]}, 413, "1 MB"),
    ({"dataFiles": [{"path": "content/pages/x.md", "raw": 5}]}, 422, "raw"),
    ({"dataFiles": [{"path": "content/pages/x.md", "raw": "x"}],
      "assets": [{"path": "content/media/a.png", "content": "AA==", "encoding": "base64"}]},
     403, "pictures"),
    ({"dataFiles": [{"path": "content/pages/x.md", "raw": "x"}],
      "entry": {"path": "content/pages/x.md", "raw": "x"}}, 422, "one of"),
    ({"dataFiles": [{"path": "content/pages/ok.md", "raw": "x"},
                    {"path": "content/../pyproject.toml", "raw": "x"}]}, 403, "outside"),
    ({"dataFiles": [{"path": "content/pages/x.md", "raw": "\ud800"}]}, 422, "Unicode"),
])
def test_persist_entry_refusals_write_nothing(repo, params, status, words):
    before = snapshot(repo)
    got, answer = call(repo, "persistEntry", **{"assets": [], "options": OPTIONS, **params})
    assert got == status and words in answer["error"], answer
    assert snapshot(repo) == before


def test_a_failed_write_leaves_the_file_whole(repo, monkeypatch):
    """The file is replaced by a rename, so a failure before it leaves the old text, and no
    temporary file behind (the preview's watcher would otherwise see them)."""
    before = snapshot(repo)

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    status, answer = call(repo, "persistEntry", assets=[], options=OPTIONS, dataFiles=[
        {"path": "content/site.yaml", "raw": "broken"}])
    assert (status, answer) == (500, {"error": "No space left on device"})
    assert snapshot(repo) == before


def test_media_is_read_but_not_written(repo):
    media = repo / "content" / "media"
    media.mkdir()
    (media / "logo.png").write_bytes(b"\x89PNG\r\n")
    expected = {"id": sha(b"\x89PNG\r\n"), "content": base64.b64encode(b"\x89PNG\r\n").decode(),
                "encoding": "base64", "path": "content/media/logo.png", "name": "logo.png"}
    assert call(repo, "getMedia", mediaFolder="content/media") == (200, [expected])
    assert call(repo, "getMedia", mediaFolder="content/none") == (200, [])
    assert call(repo, "getMediaFile", path="content/media/logo.png") == (200, expected)
    assert call(repo, "getMediaFile", path="content/media/none.png")[0] == 404
    before = snapshot(repo)
    status, answer = call(repo, "persistMedia", options={"commitMessage": "Upload"}, asset={
        "path": "content/media/new.png", "content": "AA==", "encoding": "base64"})
    assert status == 403 and "pictures" in answer["error"]
    assert snapshot(repo) == before


def test_delete_file_and_files(repo):
    pages = repo / "content" / "pages"
    assert call(repo, "deleteFile", path="content/pages/tietoa.md",
                options={"commitMessage": "Delete"}) == \
        (200, {"message": "deleted file content/pages/tietoa.md"})
    assert not (pages / "tietoa.md").exists()
    assert call(repo, "deleteFile", path="content/pages/tietoa.md",
                options={"commitMessage": "Delete"})[0] == 200  # already gone, as decap-server
    before = snapshot(repo)
    status, _ = call(repo, "deleteFiles", options={"commitMessage": "Delete"},
                     paths=["content/pages/jarjestoille.md", ".git/config"])
    assert status == 403 and snapshot(repo) == before  # every path is checked first
    assert call(repo, "deleteFiles", paths=["content/pages/jarjestoille.md"],
                options={"commitMessage": "Delete"}) == \
        (200, {"message": "deleted files content/pages/jarjestoille.md"})
    assert list(pages.iterdir()) == []
    assert call(repo, "deleteFile", path="content/places",
                options={"commitMessage": "Delete"})[0] == 403  # a folder is no entry


def test_deploy_preview_is_null_and_unknown_actions_are_422(repo):
    assert call(repo, "getDeployPreview", collection="organisations", slug="x") == (200, None)
    assert call(repo, "unpublishedEntries") == \
        (422, {"error": "Unknown action unpublishedEntries"})
    backend = LocalBackend.of(repo / "content")
    for request in ({}, [], "info", {"action": 5}, {"action": "getEntry", "params": []}):
        assert backend.answer(request).status == 422, request


ESCAPES = ["../pyproject.toml", "/etc/passwd", "content/../pyproject.toml",
           "content/organisations/../../pyproject.toml", ".git/config", "content/.git/config",
           "content/organisations/x\x00.md", "content\\organisations\\x.md", "C:/x.md",
           "pyproject.toml", "content", "content/linked/secret.md",
           "content/organisations/link.md", "content/organisations/.hidden.md"]


@pytest.fixture
def links(repo: Path) -> Path:
    """Links out of the content folder: a file and a folder, with a secret outside."""
    outside = repo.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("TOP-SECRET-TEXT\n", encoding="utf-8")
    (repo / "content" / "organisations" / "link.md").symlink_to(outside / "secret.md")
    (repo / "content" / "linked").symlink_to(outside)
    (repo / "content" / ".git").mkdir()
    (repo / "content" / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    return repo


@pytest.mark.parametrize("path", ESCAPES)
def test_every_action_refuses_paths_out_of_the_content_folder(links, path):
    repo = links
    before = snapshot(repo.parent)
    requests = [
        ("getEntry", {"path": path}),
        ("entriesByFiles", {"files": [{"path": path}]}),
        ("persistEntry", {"assets": [], "options": OPTIONS,
                          "dataFiles": [{"path": path, "raw": "pwned"}]}),
        ("persistEntry", {"assets": [], "options": OPTIONS, "dataFiles": [
            {"path": "content/pages/tietoa.md", "newPath": path, "raw": "pwned"}]}),
        ("deleteFile", {"path": path, "options": {"commitMessage": "x"}}),
        ("deleteFiles", {"paths": [path], "options": {"commitMessage": "x"}}),
        ("getMediaFile", {"path": path}),
    ]
    if path != "content":  # the content folder is a folder that may be listed
        requests += [("entriesByFolder", {"folder": path, "extension": "", "depth": 1}),
                     ("getMedia", {"mediaFolder": path})]
    for action, params in requests:
        status, answer = call(repo, action, **params)
        assert status == 403, (action, path, answer)
        assert "TOP-SECRET" not in json.dumps(answer)
    assert snapshot(repo.parent) == before


def test_listings_leave_out_links_out_and_hidden_files(links):
    status, entries = call(links, "entriesByFolder", folder="content", extension="md",
                           depth=3)
    assert status == 200
    paths = [e["file"]["path"] for e in entries]
    assert "content/organisations/keravan-olohuone.md" in paths
    assert not [p for p in paths if "link" in p or "/." in p]
    assert "TOP-SECRET" not in json.dumps(entries)
