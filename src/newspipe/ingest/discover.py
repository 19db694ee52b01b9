"""Turn the user's inputs (files, folders, globs; local or fsspec URLs such as
`s3://bucket/prefix/`) into the sorted list of files to read: the first step of ingest."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import fsspec

from newspipe.config import IngestConfig
from newspipe.ingest.streams import format_by_extension, is_url, storage_options_for


class InputError(ValueError):
    """An input that names nothing: a missing path or a glob that matches no file."""


@dataclass(frozen=True)
class Discovered:
    files: list[str]
    skipped: list[str]


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


def _local(item: str, config: IngestConfig) -> tuple[list[str], list[str]]:
    path = Path(item).expanduser()
    if path.is_file():
        return [str(path.resolve())], []
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
    files, skipped = list(named), []
    for folder in folders:
        root = str(folder.resolve())
        walked = [str(p) for p in Path(root).rglob("*") if p.is_file()]
        taken, passed = _split(walked, root, config)
        files += taken
        skipped += passed
    return files, skipped


def _remote(item: str, config: IngestConfig) -> tuple[list[str], list[str]]:
    fs, path = fsspec.core.url_to_fs(item, **storage_options_for(item, config))
    if glob.has_magic(path):
        matches = fs.glob(path)
        if not matches:
            raise InputError(f"{item}: the pattern matches no file")
        named = [m for m in matches if not fs.isdir(m)]
        folders = [m for m in matches if fs.isdir(m)]
    elif fs.isfile(path):
        return [fs.unstrip_protocol(path)], []
    elif fs.isdir(path):
        named, folders = [], [path.rstrip("/")]
    else:
        raise InputError(f"{item}: no such file or folder")
    files, skipped = [fs.unstrip_protocol(m) for m in named], []
    for folder in folders:
        taken, passed = _split(fs.find(folder), folder, config)
        files += [fs.unstrip_protocol(t) for t in taken]
        skipped += [fs.unstrip_protocol(s) for s in passed]
    return files, skipped


def discover_inputs(inputs: list[str], config: IngestConfig) -> Discovered:
    """Resolve inputs to absolute file paths and URLs, sorted and without repeats.

    A named file is always read, whatever its ending. In a folder (walked recursively) only
    files whose ending, after any .gz/.bz2/.zst, is one of a known format
    (`config.extensions`) are read; the others are listed in `skipped` so the caller can
    say so. Hidden files and folders (a leading dot) are left out of folder walks.
    """
    if not inputs:
        raise InputError("no inputs given")
    files: set[str] = set()
    skipped: set[str] = set()
    for item in inputs:
        taken, passed = _remote(item, config) if is_url(item) else _local(item, config)
        files.update(taken)
        skipped.update(passed)
    return Discovered(sorted(files), sorted(skipped - files))
