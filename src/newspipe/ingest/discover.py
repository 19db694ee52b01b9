"""Turn the user's inputs (files, folders, globs; local or fsspec URLs such as
`s3://bucket/prefix/`) into the sorted list of files to read: the first step of ingest."""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import fsspec

from newspipe.config import IngestConfig
from newspipe.ingest.streams import (
    describe_special,
    format_by_extension,
    is_url,
    storage_options_for,
)


class InputError(ValueError):
    """An input that names nothing: a missing path or a glob that matches no file."""


@dataclass(frozen=True)
class Discovered:
    """The files to read; the paths passed over (`skipped`: no known format ending, a link
    to a folder); and the entries that look like inputs but cannot be read (`refused`: a
    FIFO, a dangling link, a link loop), each with the reason, for a quarantined row."""

    files: list[str]
    skipped: list[str]
    refused: list[tuple[str, str]] = field(default_factory=list)


def _is_hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in PurePosixPath(relative).parts)


def _split(paths: list[str], root: str, config: IngestConfig) -> tuple[list[str], list[str]]:
    """Files of a folder walk with a known format ending, and the others; hidden files and
    folders (a leading dot) are left out of both."""
    taken, skipped = [], []
    for path in paths:
        if _is_hidden(path[len(root) :].lstrip("/")):
            continue
        wanted = format_by_extension(path, config) and not path.lower().endswith(
            tuple(config.skip_in_folders)
        )
        (taken if wanted else skipped).append(path)
    return taken, skipped


def refusal(path: Path) -> str | None:
    """Why an existing entry that is not a folder cannot be read as a file, or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return f"dangling symbolic link to {os.readlink(path)}" if path.is_symlink() else None
    except OSError as exc:
        if path.is_symlink():
            return f"symbolic link that cannot be followed: {exc.strerror}"
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"not a regular file: {describe_special(str(path))}"


def _walk(root: str) -> tuple[list[str], list[str]]:
    """Every entry under `root` that is not a folder, and the links to folders (not
    followed: a link back up would walk forever)."""
    entries, folder_links = [], []
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):
                folder_links.append(os.path.join(folder, name))
        entries += [os.path.join(folder, name) for name in files]
    return entries, folder_links


def _local(item: str, config: IngestConfig) -> tuple[list[str], list[str], list]:
    path = Path(item).expanduser()
    if path.is_file():
        return [str(path.resolve())], [], []
    if (reason := refusal(path)) is not None:
        return [], [], [(str(path.absolute()), reason)]
    folders = [path] if path.is_dir() else []
    named = []
    if not folders and glob.has_magic(item):
        matches = [Path(m) for m in glob.glob(str(path), recursive=True)]
        if not matches:
            raise InputError(f"{item}: the pattern matches no file")
        folders = [m for m in matches if m.is_dir()]
        named = [str(m.resolve()) for m in matches if m.is_file()]
    elif not folders:
        raise InputError(f"{item}: no such file or folder")
    files, skipped, refused = list(named), [], []
    for folder in folders:
        root = str(folder.resolve())
        entries, folder_links = _walk(root)
        taken, passed = _split(entries, root, config)
        for entry in taken:
            reason = refusal(Path(entry))
            if reason is None:
                files.append(entry)
            else:
                refused.append((entry, reason))
        skipped += passed + folder_links
    return files, skipped, refused


def _remote(item: str, config: IngestConfig) -> tuple[list[str], list[str]]:
    fs, path = fsspec.core.url_to_fs(item, **storage_options_for(item, config))
    if glob.has_magic(path):
        matches = fs.glob(path)
        if not matches:
            raise InputError(f"{item}: the pattern matches no file")
        named = [m for m in matches if not fs.isdir(m)]
        folders = [m for m in matches if fs.isdir(m)]
    elif fs.isfile(path):
        return [fs.unstrip_protocol(path)], [], []
    elif fs.isdir(path):
        named, folders = [], [path.rstrip("/")]
    else:
        raise InputError(f"{item}: no such file or folder")
    files, skipped = [fs.unstrip_protocol(m) for m in named], []
    for folder in folders:
        taken, passed = _split(fs.find(folder), folder, config)
        files += [fs.unstrip_protocol(t) for t in taken]
        skipped += [fs.unstrip_protocol(s) for s in passed]
    return files, skipped, []


def discover_inputs(inputs: list[str], config: IngestConfig) -> Discovered:
    """Resolve inputs to absolute file paths and URLs, sorted and without repeats.

    A named file is always read, whatever its ending. In a folder (walked recursively) only
    files whose ending, after any .gz/.bz2/.zst, is one of a known format
    (`config.extensions`) are read; the others are listed in `skipped` so the caller can
    say so. Hidden files and folders (a leading dot) are left out of folder walks. Entries
    with a known ending that cannot be read as files (a FIFO, a dangling link, a link loop)
    are listed in `refused` with the reason; links to folders are not followed.
    """
    if not inputs:
        raise InputError("no inputs given")
    files: set[str] = set()
    skipped: set[str] = set()
    refused: dict[str, str] = {}
    for item in inputs:
        taken, passed, cannot = _remote(item, config) if is_url(item) else _local(item, config)
        files.update(taken)
        skipped.update(passed)
        refused.update(cannot)
    return Discovered(sorted(files), sorted(skipped - files), sorted(refused.items()))
