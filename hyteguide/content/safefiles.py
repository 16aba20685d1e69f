"""Reading a content file only when it is one: a regular file inside the content folder, of a
size an entry can have. Git stores symbolic links, so a pull request can add a link to
/etc/passwd, /dev/zero or a file outside the repository, and the check workflow would read it
(and print it in its messages, which `--format github` turns into annotations); a FIFO would
hang it. Every reader of content bytes goes through `read_bytes`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# The largest content file read. The example's largest entry is 9 kB; 3,000 organisations'
# real data stays far below this. A larger file is a mistake (a pasted export, an image).
MAX_BYTES = 1_000_000


class RefusedFile(OSError):
    """A path in the content folder that is not read, with why (`strerror`) and a fix."""

    def __init__(self, reason: str, hint: str):
        super().__init__(reason)
        self.strerror = reason
        self.hint = hint


def read_bytes(path: Path, root: Path) -> bytes:
    """The bytes of the content file at path, or RefusedFile (an OSError) when it is a link
    out of root, not a regular file, or larger than MAX_BYTES; other OSErrors as open gives."""
    inside = os.path.realpath(root)
    target = os.path.realpath(path)
    if os.path.commonpath([inside, target]) != inside:
        raise RefusedFile("it is a link to a file outside the content folder, which is not read",
                          "replace the link with the file itself (git stores links as links)")
    # O_NONBLOCK: opening a FIFO for reading would wait for a writer.
    handle = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise RefusedFile("it is not a regular file (a device, pipe or socket)",
                              "remove it from the content folder")
        data = file.read(MAX_BYTES + 1)  # a file may grow while read: read no more than this
    if len(data) > MAX_BYTES:
        raise RefusedFile(f"the file is larger than {MAX_BYTES // 1_000_000} MB, more than any "
                          "entry needs", "keep long texts on the organisation's own website "
                          "and link to it; remove pasted exports or images")
    return data
