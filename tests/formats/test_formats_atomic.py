"""Atomic writes: an output file is the old one or the complete new one, never half of one."""

from __future__ import annotations

import os
import stat

import pytest

from eventmap.atomic import atomic_open, write_bytes, write_text
from eventmap.errors import InputError


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old content")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as fh:
            fh.write("half of the new")
            raise RuntimeError("crash while writing")
    assert target.read_text() == "old content"
    assert os.listdir(tmp_path) == ["events.csv"]


def test_complete_writes_replace_the_file_and_keep_its_permissions(tmp_path):
    target = tmp_path / "page.html"
    write_text(target, "v1")
    os.chmod(target, 0o640)
    write_text(target, "v2 – ünïcode")
    assert target.read_text(encoding="utf-8") == "v2 – ünïcode"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    write_bytes(tmp_path / "a.png", b"\x89PNG")
    assert (tmp_path / "a.png").read_bytes() == b"\x89PNG"
    assert sorted(os.listdir(tmp_path)) == ["a.png", "page.html"]


def test_new_files_are_readable_like_normal_files(tmp_path):
    umask = os.umask(0o022)
    try:
        write_text(tmp_path / "x.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "x.json").stat().st_mode) == 0o644  # not mkstemp's 0600


def test_missing_folder_or_a_folder_as_target_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="output folder .*missing does not exist"):
        write_text(tmp_path / "missing" / "x.txt", "x")
    with pytest.raises(InputError, match="is a folder"):
        write_text(tmp_path, "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_read_only_folder_is_an_input_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(InputError, match="cannot write here"):
            write_text(folder / "x.txt", "x")
    finally:
        folder.chmod(0o755)


def test_an_os_error_while_writing_becomes_an_input_error(tmp_path):
    target = tmp_path / "x.bin"
    with pytest.raises(InputError, match=r"x\.bin: cannot write: No space left on device"):
        with atomic_open(target, "wb"):
            raise OSError(28, "No space left on device")
    assert os.listdir(tmp_path) == []
