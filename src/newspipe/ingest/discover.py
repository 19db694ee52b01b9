"""Turn the user's inputs (files, folders, globs) into the sorted list of files to read."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path


class InputError(ValueError):
    """An input that names nothing: a missing path or a glob that matches no file."""


@dataclass(frozen=True)
class Discovered:
    files: list[str]
    skipped: list[str]


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(folder: Path, extensions: tuple[str, ...]) -> tuple[list[Path], list[Path]]:
    taken, skipped = [], []
    for path in folder.rglob("*"):
        if not path.is_file() or _is_hidden(path, folder):
            continue
        (taken if path.suffix.lower() in extensions else skipped).append(path)
    return taken, skipped


def discover_inputs(inputs: list[str], extensions: tuple[str, ...]) -> Discovered:
    """Resolve inputs to absolute file paths, sorted and without repeats.

    A named file is always read, whatever its ending. In a folder, only files with one of
    `extensions` are read; the others are listed in `skipped` so the caller can say so.
    Hidden files and folders (a leading dot) are left out of folder walks.
    """
    if not inputs:
        raise InputError("no inputs given")
    files: set[Path] = set()
    skipped: set[Path] = set()
    for item in inputs:
        path = Path(item).expanduser()
        if path.is_dir():
            taken, passed = _walk(path.resolve(), extensions)
            files.update(taken)
            skipped.update(passed)
        elif path.is_file():
            files.add(path.resolve())
        elif glob.has_magic(item):
            matches = [Path(m) for m in glob.glob(str(path), recursive=True)]
            if not matches:
                raise InputError(f"{item}: the pattern matches no file")
            for match in matches:
                if match.is_dir():
                    taken, passed = _walk(match.resolve(), extensions)
                    files.update(taken)
                    skipped.update(passed)
                elif match.is_file():
                    files.add(match.resolve())
        else:
            raise InputError(f"{item}: no such file or folder")
    return Discovered(sorted(str(f) for f in files), sorted(str(s) for s in skipped - files))
