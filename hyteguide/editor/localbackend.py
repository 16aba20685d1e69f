"""The form editor's local backend: Decap CMS's "local_fs" protocol (the one its node server,
decap-server, speaks), so that the editor opened from `hyteguide serve` reads and saves the
content folder itself, with no node at preview time.

Decap POSTs `{"action": ..., "params": {...}}`; the answers have decap-server's JSON field names
and shapes (an entry is `{"data": <text>, "file": {"path", "label", "id": sha256}}`), paths are
relative to the repository root (the folder holding the content folder) with `/`.

Unlike decap-server, which serves the whole repository, only the content folder is reachable:
every path is refused (403) unless it names a file inside it, reached without `..`, a link out,
a hidden name (`.git`) or odd characters; only `.md`, `.yaml` and `.yml` files are written or
deleted. The guide has no pictures, so media is read but never written (`persistMedia` and an
entry's assets are refused with a message saying so). A file is written whole: to a temporary
file beside it, synced, then renamed over it, so the preview's file watcher never reads half.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hyteguide.content.safefiles import MAX_BYTES, RefusedFile, read_bytes

WRITTEN = (".md", ".yaml", ".yml")  # the content's formats; anything else is not an entry
DEEPEST = 16  # folders listed below a collection's folder (Decap asks for 1 unless nested)
_ODD = re.compile("[\x00-\x1f\x7f\\\\]")  # NUL, controls, backslash: no content path has them
NO_MEDIA = ("the preview's editor saves text only: the guide has no pictures, so images and "
            "other files are not uploaded (link to them on the organisation's own website)")


@dataclass(frozen=True)
class Answer:
    """What the local backend answers: the HTTP status, the JSON value, and one line for each
    change made to the content folder ("wrote content/organisations/x.md")."""

    status: int
    body: object
    changes: tuple[str, ...] = ()


def refused(status: int, message: str) -> Answer:
    """An error answer in decap-server's shape: `{"error": message}`."""
    return Answer(status, {"error": message})


class _Refusal(Exception):
    """A request that is answered with an error (raised deep, answered in `LocalBackend.answer`)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass(frozen=True)
class _Write:
    """A planned write: the file, its new bytes, and where it moves to (or None)."""

    path: str
    target: Path
    data: bytes
    moved_to: tuple[str, Path] | None


@dataclass(frozen=True)
class LocalBackend:
    """The protocol on the content folder `content` (an absolute path)."""

    content: Path

    @classmethod
    def of(cls, content: Path) -> LocalBackend:
        """The backend for the content folder as `hyteguide serve` was given it."""
        return cls(Path(os.path.abspath(content)))

    def answer(self, request: object) -> Answer:
        """The answer to one decoded JSON request; never raises for what a request holds."""
        if not isinstance(request, dict) or not isinstance(request.get("action"), str):
            return refused(422, '"action" is required')
        action = _ACTIONS.get(request["action"])
        if action is None:
            return refused(422, f"Unknown action {request['action']}")
        params = request.get("params", {})
        if not isinstance(params, dict):
            return refused(422, '"params" must be an object')
        try:
            return action(self, params)
        except _Refusal as refusal:
            return refused(refusal.status, refusal.message)
        except RefusedFile as error:
            return refused(403, f"{error.strerror}: {error.hint}")
        except UnicodeEncodeError:
            return refused(422, "the text is not valid Unicode (a lone surrogate)")
        except OSError as error:  # the disk's refusal (full, read-only): said, not a traceback
            return refused(500, f"{error.strerror or error}")

    # -- paths ------------------------------------------------------------------------------

    def inside(self, relative: object, key: str, folder: bool = False) -> Path:
        """The file (or with folder, the folder, which may be the content folder itself) that
        a repository-relative path names, refused unless it is in the content folder."""
        if not isinstance(relative, str) or not relative:
            raise _Refusal(422, f'"{key}" must be a path')
        if _ODD.search(relative) or relative.startswith("/") or ":" in relative:
            raise _Refusal(403, f'"{key}": {relative!r} is not a path in the content folder')
        parts = [part for part in relative.split("/") if part not in ("", ".")]
        if not parts or parts[0] != self.content.name or ".." in parts or \
                (len(parts) == 1 and not folder):
            raise _Refusal(403, f'"{key}": {relative!r} is outside the content folder '
                                f'({self.content.name}/); the editor reaches nothing else')
        if any(part.startswith(".") for part in parts):
            raise _Refusal(403, f'"{key}": {relative!r} is a hidden file (such as .git), '
                                "which the editor does not reach")
        target = self.content.joinpath(*parts[1:])
        real = os.path.realpath(self.content)
        if os.path.commonpath([real, os.path.realpath(target)]) != real:
            raise _Refusal(403, f'"{key}": {relative!r} is a link out of the content folder')
        return target

    def writable(self, relative: object, key: str) -> Path:
        """The file a path names, refused unless the editor may write or delete it."""
        target = self.inside(relative, key)
        if target.suffix not in WRITTEN:
            raise _Refusal(403, f'"{key}": {relative!r}: the editor writes only '
                                f'{", ".join(WRITTEN)} files; ' + NO_MEDIA)
        if os.path.islink(target) or os.path.lexists(target) and not target.is_file():
            raise _Refusal(403, f'"{key}": {relative!r} is a link or a folder, not an entry')
        return target

    def shown(self, path: Path) -> str:
        """A path as Decap names it: relative to the repository root, with `/`."""
        return "/".join((self.content.name, *path.relative_to(self.content).parts))

    # -- reading ----------------------------------------------------------------------------

    def entry(self, path: str, label: object = None) -> dict[str, object]:
        """An entry as decap-server gives it; a missing file has data and id null."""
        target = self.inside(path, "path")
        file: dict[str, object] = {"path": path}
        if isinstance(label, str):
            file["label"] = label
        try:
            data = read_bytes(target, self.content)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return {"data": None, "file": {**file, "id": None}}
        return {"data": data.decode("utf-8", "replace"),
                "file": {**file, "id": hashlib.sha256(data).hexdigest()}}

    def media(self, path: str) -> dict[str, object]:
        """A media file as decap-server gives it (base64)."""
        data = read_bytes(self.inside(path, "path"), self.content)
        return {"id": hashlib.sha256(data).hexdigest(),
                "content": base64.b64encode(data).decode("ascii"), "encoding": "base64",
                "path": path, "name": path.rsplit("/", 1)[-1]}

    def listed(self, folder: Path, extension: str, depth: int) -> Iterator[str]:
        """The files below folder (depth 1: only its own) whose names end with extension,
        sorted; hidden names and linked folders are passed by."""
        if depth <= 0:
            return
        try:
            children = sorted(os.scandir(folder), key=lambda child: child.name)
        except (FileNotFoundError, NotADirectoryError):
            return
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_dir(follow_symlinks=False):
                yield from self.listed(Path(child.path), extension, depth - 1)
            elif child.name.endswith(extension):
                yield self.shown(Path(child.path))

    def readable_entries(self, paths: Iterator[str]) -> list[dict[str, object]]:
        """The entries of listed files; one that is not content (a link out, a FIFO, too
        large) is left out: loading the content reports it."""
        entries = []
        for path in paths:
            with contextlib.suppress(RefusedFile, _Refusal):
                entries.append(self.entry(path))
        return entries

    # -- actions ----------------------------------------------------------------------------

    def info(self, params: dict[str, object]) -> Answer:
        """What Decap asks to detect a local backend."""
        return Answer(200, {"repo": self.content.parent.name, "publish_modes": ["simple"],
                            "type": "local_fs"})

    def entries_by_folder(self, params: dict[str, object]) -> Answer:
        """A folder collection's entries."""
        folder = self.inside(params.get("folder"), "folder", folder=True)
        extension, depth = _text(params, "extension"), params.get("depth")
        if not isinstance(depth, int | float) or isinstance(depth, bool) or \
                not math.isfinite(depth):
            raise _Refusal(422, '"depth" must be a number')
        found = self.listed(folder, extension, int(min(depth, DEEPEST)))
        return Answer(200, self.readable_entries(found))

    def entries_by_files(self, params: dict[str, object]) -> Answer:
        """A file collection's entries, in the order asked."""
        files = params.get("files")
        if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
            raise _Refusal(422, '"files" must be a list of {"path": ...}')
        return Answer(200, [self.entry(_text(f, "path"), f.get("label")) for f in files])

    def get_entry(self, params: dict[str, object]) -> Answer:
        """One entry."""
        return Answer(200, self.entry(_text(params, "path")))

    def persist_entry(self, params: dict[str, object]) -> Answer:
        """Save an entry's files (Decap sends `dataFiles`; older clients one `entry`); when
        every file has a `newPath`, each moves there. Every path is checked before any write."""
        entry, data_files = params.get("entry"), params.get("dataFiles")
        if (entry is None) == (data_files is None):
            raise _Refusal(422, 'one of "entry" and "dataFiles" is required')
        files = [entry] if data_files is None else data_files
        if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
            raise _Refusal(422, '"dataFiles" must be a list of {"path", "raw"}')
        assets = params.get("assets")
        if not isinstance(assets, list) or not isinstance(params.get("options"), dict):
            raise _Refusal(422, '"assets" (a list) and "options" are required')
        if assets:
            raise _Refusal(403, NO_MEDIA)
        moving = bool(files) and all(f.get("newPath") for f in files)
        writes = [self.planned(f, moving) for f in files]
        changes = []
        for write in writes:
            if write.moved_to is None:
                _write_whole(write.target, write.data)
                changes.append(f"wrote {write.path}")
                continue
            new_path, new_target = write.moved_to
            _write_whole(new_target, write.data)
            if new_target != write.target:
                with contextlib.suppress(FileNotFoundError):
                    write.target.unlink()
            changes.append(f"wrote {new_path} (moved from {write.path})")
        return Answer(200, {"message": "entry persisted"}, tuple(changes))

    def planned(self, file: dict[str, object], moving: bool) -> _Write:
        """One data file's write, checked: where, what, and where it moves."""
        path = _text(file, "path")
        target = self.writable(path, "path")
        raw = file.get("raw")
        if not isinstance(raw, str):
            raise _Refusal(422, '"raw" must be the text of the file')
        data = raw.encode("utf-8")
        if len(data) > MAX_BYTES:
            raise _Refusal(413, f"{path} would be larger than {MAX_BYTES // 1_000_000} MB, "
                                "more than any entry needs")
        if not moving:
            return _Write(path, target, data, None)
        new_path = _text(file, "newPath")
        new_target = self.writable(new_path, "newPath")
        if new_target != target and os.path.lexists(new_target):
            raise _Refusal(409, f"{new_path} already exists: another entry has that name")
        return _Write(path, target, data, (new_path, new_target))

    def get_media(self, params: dict[str, object]) -> Answer:
        """The files of the media folder (its own, not its subfolders')."""
        folder = self.inside(params.get("mediaFolder"), "mediaFolder", folder=True)
        found = list(self.listed(folder, "", 1))
        media = []
        for path in found:
            with contextlib.suppress(RefusedFile):
                media.append(self.media(path))
        return Answer(200, media)

    def get_media_file(self, params: dict[str, object]) -> Answer:
        """One media file."""
        path = _text(params, "path")
        try:
            return Answer(200, self.media(path))
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return refused(404, f"{path} does not exist")

    def persist_media(self, params: dict[str, object]) -> Answer:
        """Refused: the guide has no pictures."""
        return refused(403, NO_MEDIA)

    def delete_file(self, params: dict[str, object]) -> Answer:
        """Delete one entry's file (already gone: nothing to do, as decap-server)."""
        path = _text(params, "path")
        return Answer(200, {"message": f"deleted file {path}"},
                      self.deleted([(path, self.writable(path, "path"))]))

    def delete_files(self, params: dict[str, object]) -> Answer:
        """Delete files, every path checked first."""
        paths = params.get("paths")
        if not isinstance(paths, list) or not paths:
            raise _Refusal(422, '"paths" must be a list of paths')
        targets = [(_text({"path": p}, "path"), self.writable(p, "paths")) for p in paths]
        return Answer(200, {"message": f"deleted files {', '.join(p for p, _ in targets)}"},
                      self.deleted(targets))

    def deleted(self, targets: list[tuple[str, Path]]) -> tuple[str, ...]:
        """Delete the files; the lines saying which were there."""
        changes = []
        for path, target in targets:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
                changes.append(f"deleted {path}")
        return tuple(changes)

    def deploy_preview(self, params: dict[str, object]) -> Answer:
        """No deploy previews: the preview is the page itself."""
        return Answer(200, None)


def _text(params: dict[str, object], key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str):
        raise _Refusal(422, f'"{key}" must be a string')
    return value


def _write_whole(target: Path, data: bytes) -> None:
    """Write data to target whole: a temporary file beside it (a name the preview's watcher
    ignores), synced, renamed over it; the file keeps its permissions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):  # the rename itself made lasting (not on Windows)
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


_ACTIONS: dict[str, Callable[[LocalBackend, dict[str, object]], Answer]] = {
    "info": LocalBackend.info,
    "entriesByFolder": LocalBackend.entries_by_folder,
    "entriesByFiles": LocalBackend.entries_by_files,
    "getEntry": LocalBackend.get_entry,
    "persistEntry": LocalBackend.persist_entry,
    "getMedia": LocalBackend.get_media,
    "getMediaFile": LocalBackend.get_media_file,
    "persistMedia": LocalBackend.persist_media,
    "deleteFile": LocalBackend.delete_file,
    "deleteFiles": LocalBackend.delete_files,
    "getDeployPreview": LocalBackend.deploy_preview,
}
