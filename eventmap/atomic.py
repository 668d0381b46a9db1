"""Atomic file writes: a crash or an error half-way never leaves a half-written output file.

Every output file of eventmap is written to a temporary file in the same folder and moved
over the target with :func:`os.replace` only once it is complete (same folder, so the move
is a rename on one file system and readers see the old file or the new one, nothing else).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eventmap.errors import InputError


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The target as a Path, or InputError when its folder is missing or it is a folder."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{target}: output folder {str(folder) or '.'} does not exist")
    if target.is_dir():
        raise InputError(f"{target}: is a folder, expected a file name")
    return target


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
) -> Iterator[IO]:
    """Open a temporary file beside `path`; on a clean exit it replaces `path`, else it is removed."""
    if mode not in ("w", "wb"):
        raise ValueError("atomic_open writes whole files: mode must be 'w' or 'wb'")
    target = check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{target}: cannot write here: {exc.strerror or exc}") from None
    try:
        kwargs = {} if mode == "wb" else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _default_mode(target))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, target is read-only ...: the user's to fix
            raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
        raise


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write `text` to `path` atomically; returns the path."""
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(path)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically; returns the path."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def _default_mode(target: Path) -> int:
    """Keep an existing file's permissions; new files get 0666 minus the umask (mkstemp uses 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
