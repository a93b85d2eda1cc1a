"""A cache of the validated, resolved model, keyed by the content of the data.

Parsing and validating a large event file takes seconds; unpickling the finished
`Timeline` takes a fraction of that. The key is a SHA-256 over every data file,
every seed article and the source of the modules that build the model, so an
edited file or a new version of the program never meets a stale entry
(`tui.cachekey`; while no file changes, the key is remembered rather than
hashed again). Entries
are written to a temporary file and renamed into place, so concurrent runs and
interrupted writes never leave a partial entry; an entry that cannot be read
(corrupt, truncated, from another Python) is deleted and the model is rebuilt.

The cache lives in `$TIMELINE_CACHE_DIR`, else `$XDG_CACHE_HOME/tui-timeline`,
else `~/.cache/tui-timeline`; `TIMELINE_CACHE_DIR=off` disables it.

Entries are pickles, and unpickling can run code: whoever can write the folder
could run code as the next user of the explorer. So the folder is created private
(0700) and used only when it is a folder owned by the current user that neither
group nor others can write, and an entry only when that user owns it; otherwise
the cache is skipped with a one-line note saying why, and the data is parsed.
Data files are read with `read_regular`, so a FIFO or a device never blocks the
key's computation.

An entry holds, after the model, what its load left for the next one (a
`tui.loading.kept.Reuse`: every valid event under its entry's text), its events
written as entry indexes naming the model's events, so that the two share them and
the second part can be read alone against a model already in memory (the
explorer's, at its first reload); a header gives where it starts. A small
pointer file per data folder and code version (`folder-<key>.latest`) names the
folder's latest entry: after an edit, the model's own entry misses, and the
loader re-checks only what changed against the latest one
(`ModelCache.read_reuse`). A pointer names an entry of the same private folder,
checked like the entries themselves.

A large model written after an edit is a patch of the whole entry the process
last read or wrote (`tui.cachepatch`): its header names that base, which is
read with it, and kept by pruning as long as a patch kept needs it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from tui.cachedir import cache_dir, note_refusal, owned_by_user, unsafe_reason
from tui.cachekey import (  # noqa: F401 - the key's parts, also used from here
    MEMO_SUFFIX,
    code_digest,
    content_key,
    folder_key,
    model_code_files,
)
from tui.cachepatch import Base, patch_of, patched
from tui.cachereuse import reuse_from, reuse_state
from tui.datafiles import DATA_FILES, DRAFTS_DIR
from tui.loading.kept import Reuse
from tui.model import Timeline
from tui.readfile import read_regular, resolved

KEEP_ENTRIES = 8  # entries kept per cache folder; older ones are pruned on write
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a run that was killed
_MAGIC = b"tui-timeline-model-6\n"
_PATCH_MAGIC = b"tui-timeline-patch-2\n"  # a patch of the entry named next (`tui.cachepatch`)
_WRITE_BYTES = 16  # random, new at every write: which write of its name an entry is
# The magic, where the reuse part starts (0: none), and the write's own bytes.
_HEADER = len(_MAGIC) + 8 + _WRITE_BYTES
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.pickle")
_NAME_BYTES = 64 + len(".pickle")
_POINTER_SUFFIX = ".latest"


@dataclass(frozen=True, slots=True)
class ModelCache:
    """The cache entry for one data folder's current content."""

    path: Path
    pointer: Path | None = None  # names the folder's latest entry (see the module docstring)
    # The data files read to work out the key, by path, and the digest the key took
    # for each (see `take_read`); and for each seed and draft (`loaded_as_keyed`).
    key_bytes: dict[Path, bytes] = field(default_factory=dict, compare=False)
    key_digests: dict[Path, str] = field(default_factory=dict, compare=False)
    seed_digests: dict[Path, str] = field(default_factory=dict, compare=False)
    draft_digests: dict[Path, str] = field(default_factory=dict, compare=False)

    @classmethod
    def for_folder(cls, data_dir: Path) -> ModelCache | None:
        """The entry for `data_dir` as it is now, or None when caching is off."""
        directory = cache_dir()
        if directory is None:
            return None
        reason = unsafe_reason(directory)
        if reason is not None:
            note_refusal(directory, reason)
            return None
        code = code_digest()
        folder = hashlib.sha256(code + str(resolved(data_dir)).encode("utf-8", "surrogatepass"))
        memo = directory / f"folder-{folder.hexdigest()}{MEMO_SUFFIX}"
        if not directory.is_dir():
            memo = directory / "nowhere" / memo.name  # not created just for the memo
        read: dict[Path, bytes] = {}
        used: dict[Path, str] = {}
        key = folder_key(data_dir, code, memo, read, used)
        data_files = {data_dir / name for name in DATA_FILES}
        drafts = data_dir / DRAFTS_DIR
        kinds: tuple[dict[Path, str], dict[Path, str], dict[Path, str]] = ({}, {}, {})
        for path, digest in used.items():
            kind = 0 if path in data_files else 2 if drafts in (path, path.parent) else 1
            kinds[kind][path] = digest
        return cls(
            directory / f"{key}.pickle",
            directory / f"folder-{folder.hexdigest()}{_POINTER_SUFFIX}",
            read,
            *kinds,
        )

    def take_read(self) -> tuple[dict[Path, bytes], bool]:
        """The bytes of the data files the key was made from, by path, for a load to
        take rather than read the files again, handed over once (the cache keeps
        none of them); and whether they are those bytes.

        A file whose digest the key took from its memo (unchanged since it was
        last hashed) is read now and hashed: when it differs, it was saved after
        the key was worked out, and the load's model must not be written under
        this key (False). One the key read is the very bytes it hashed.
        """
        taken = dict(self.key_bytes)
        self.key_bytes.clear()
        same = True
        for path, digest in self.key_digests.items():
            if path in taken:
                continue
            try:
                content = read_regular(path)
            except OSError:
                continue  # the load says why; the key took a marker for it
            taken[path] = content
            same = same and hashlib.sha256(content).hexdigest() == digest
        return taken, same

    def loaded_as_keyed(self, seeds: Mapping[Path, str]) -> bool:
        """True when the seeds a load read, and the drafts, are those the key was made from.

        `seeds` are the seed texts the load read (by path, as decoded from their
        bytes), hashed as their bytes; the drafts, which add problems and no
        events, are read again now. A file saved after the key was worked out
        gave a model that must not be written under it: the next start would take
        it for the content the key was made from.
        """
        for path, text in seeds.items():
            digest = self.seed_digests.get(path)
            if digest is None or hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
                return False
        for path, digest in self.draft_digests.items():
            try:
                content = read_regular(path)
            except OSError:
                continue  # as `take_read`: the load said why, the key took a marker
            if hashlib.sha256(content).hexdigest() != digest:
                return False
        return True

    def drop_read(self) -> None:
        """Forget the bytes the key read (the entry was there: no load needs them)."""
        self.key_bytes.clear()

    def read(self) -> Timeline | None:
        """The cached timeline, or None when there is none or it cannot be used."""
        try:
            handle = self.path.open("rb")
        except OSError:
            return None
        timeline = None
        with handle:  # streamed: never a second copy of a large entry in memory
            # Only the user's own entries are unpickled (see the module docstring).
            header = _header(handle) if owned_by_user(os.fstat(handle.fileno())) else None
            if header is not None:
                try:
                    timeline = _model_at(self.path, handle, header)
                # A damaged entry is an expected state of a cache, not a bug: every
                # way unpickling can fail means "rebuild", and the entry is removed
                # (a patch whose base is gone, too).
                except Exception:
                    timeline = None
        if isinstance(timeline, Timeline):
            return timeline
        self.path.unlink(missing_ok=True)
        return None

    def read_reuse(self) -> Reuse | None:
        """What the folder's latest entry kept for the next load, or None."""
        if self.pointer is None:
            return None
        try:
            with self.pointer.open("rb") as handle:
                if not owned_by_user(os.fstat(handle.fileno())):
                    return None
                name = handle.read(100).decode("ascii", "replace").strip()
        except OSError:
            return None
        if not _ENTRY_NAME.fullmatch(name):
            return None
        return _read_reuse(self.path.parent / name, None)

    def read_own_reuse(self, timeline: Timeline) -> Reuse | None:
        """What this entry kept for the next load, given its model (`timeline`, as read
        from it): only the second part of the entry is read. None if there is none."""
        return _read_reuse(self.path, timeline)

    def write(self, timeline: Timeline, reuse: Reuse | None = None) -> None:
        """Store `timeline` (and `reuse`) atomically; a cache that cannot be written is skipped.

        A large model whose events are nearly all those of the whole entry this
        process last read or wrote is written as a patch of it (`tui.cachepatch`).
        """
        base = _base
        patch = None
        if base is not None and base.name != self.path.name:
            if (self.path.parent / base.name).is_file():
                patch = patch_of(timeline, base)
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if unsafe_reason(self.path.parent) is not None:
                return  # replaced since it was checked: never write into it
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return  # read-only or full disk: the cache is an optimisation only
        try:
            write = os.urandom(_WRITE_BYTES)
            with os.fdopen(fd, "wb") as handle:
                if patch is None:
                    handle.write(_MAGIC + bytes(8) + write)
                    pickle.dump(timeline, handle, protocol=pickle.HIGHEST_PROTOCOL)
                else:
                    assert base is not None
                    handle.write(_PATCH_MAGIC + bytes(8) + write + base.name.encode("ascii"))
                    pickle.dump(patch, handle, protocol=pickle.HIGHEST_PROTOCOL)
                if reuse is not None:
                    start = handle.tell()
                    state = reuse_state(reuse)
                    pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
                    handle.seek(len(_MAGIC))
                    handle.write(start.to_bytes(8, "little"))
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            return
        if patch is None:
            _hold_base(Base(self.path.name, write, timeline))
        else:
            assert base is not None
            try:  # the base as new as its patch: pruned after it, never before
                os.utime(self.path.parent / base.name)
            except OSError:
                pass  # pruned meanwhile by another run: the patch will read as a miss
        if reuse is not None:
            self._point_here()
        self._prune()

    def claim(self) -> None:
        """Make this entry, just read whole, the folder's latest if it is not already.

        The entry may have been written for another folder with the same content (a
        copy) or before a later edit that was undone: without this, the folder's
        next edit would find nothing to reuse, or an entry further from it.
        """
        if self.pointer is None:
            return
        try:
            with self.pointer.open("rb") as handle:
                if handle.read(100).decode("ascii", "replace").strip() == self.path.name:
                    return
        except OSError:
            pass  # no pointer yet: write one
        try:
            with self.path.open("rb") as handle:
                if not _reuse_at(handle):
                    return  # nothing to reuse in it (written without a reuse part)
        except OSError:
            return
        self._point_here()

    def _point_here(self) -> None:
        """Make this entry the folder's latest (atomically, like the entry)."""
        if self.pointer is None:
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(self.path.name.encode("ascii"))
            os.replace(tmp, self.pointer)
        except OSError:
            Path(tmp).unlink(missing_ok=True)

    def _prune(self) -> None:
        """Remove all but the newest entries and pointers (other runs may be pruning too),
        and temporary files left long ago."""
        for pattern in ("*.pickle", f"*{_POINTER_SUFFIX}", f"*{MEMO_SUFFIX}"):
            dated = []
            for entry in self.path.parent.glob(pattern):
                try:
                    dated.append((entry.stat().st_mtime, entry))
                except FileNotFoundError:
                    continue
            newest = sorted(dated, reverse=True)
            kept = {entry.name for _, entry in newest[:KEEP_ENTRIES]}
            if pattern == "*.pickle":  # and the bases of the patches kept
                kept.update(filter(None, map(_base_name, newest[:KEEP_ENTRIES])))
            for _, old in newest[KEEP_ENTRIES:]:
                if old.name not in kept:
                    old.unlink(missing_ok=True)
        # What a run killed in the middle of a write left (a write takes seconds).
        stale = time.time() - STALE_TEMP_SECONDS
        for temp in self.path.parent.glob("*.tmp"):
            try:
                if temp.stat().st_mtime < stale:
                    temp.unlink(missing_ok=True)
            except OSError:
                continue


@dataclass(frozen=True, slots=True)
class _Header:
    """An entry's header: where its reuse part starts (0: none), which write of its
    name it is, and its base, for a patch."""

    reuse_at: int
    write: bytes
    base: str | None = None


def _header(handle: BinaryIO) -> _Header | None:
    """Read an entry's header (None if it is no entry), leaving `handle` at its model."""
    header = handle.read(_HEADER)
    if len(header) != _HEADER:
        return None
    reuse_at = int.from_bytes(header[len(_MAGIC) : len(_MAGIC) + 8], "little")
    write = header[len(_MAGIC) + 8 :]
    if header.startswith(_MAGIC):
        return _Header(reuse_at, write)
    if header.startswith(_PATCH_MAGIC):
        name = handle.read(_NAME_BYTES).decode("ascii", "replace")
        if _ENTRY_NAME.fullmatch(name):
            return _Header(reuse_at, write, name)
    return None


def _reuse_at(handle: BinaryIO) -> int | None:
    """Read an entry's header: where its reuse part starts (0: none), None if no entry."""
    header = _header(handle)
    return None if header is None else header.reuse_at


def _base_name(dated: tuple[float, Path]) -> str | None:
    """The base an entry is a patch of (None for a whole entry, or none to be read)."""
    try:
        with dated[1].open("rb") as handle:
            header = _header(handle)
    except OSError:
        return None
    return None if header is None else header.base


# The whole entry this process last read or wrote: the base of the patches it
# writes (`tui.cachepatch`). It keeps that model alive until the next whole entry
# (a running explorer's, after reloads: one timeline more, and the table of its
# events' places, about 6 MB at 100,000 events).
_base: Base | None = None


def _hold_base(base: Base) -> None:
    global _base
    _base = base


def _model_at(entry: Path, handle: BinaryIO, header: _Header) -> Timeline | None:
    """The model of `entry` (its header read from `handle`), its base read if a patch.

    Raises what unpickling a damaged entry raises; None when it is not a model.
    """
    if header.base is None:
        whole = _whole(entry, handle, header)
        return None if whole is None else whole.timeline
    patch = pickle.load(handle)
    base = _base_of(entry.parent / header.base)
    return None if base is None else patched(base, patch)


def _base_of(entry: Path) -> Base | None:
    """The whole entry `entry`, the base of a patch (held if it was the last one read
    or written)."""
    held = _base
    if held is not None and held.name == entry.name:
        return held
    handle = _open_owned(entry)
    if handle is None:
        return None
    with handle:
        header = _header(handle)
        if header is None or header.base is not None:
            return None  # a base is always a whole entry
        return _whole(entry, handle, header)


def _whole(entry: Path, handle: BinaryIO, header: _Header) -> Base | None:
    """The model of the whole entry `entry` (`handle` at its model), held as the base
    of the patches this process writes next; None when it is not a model."""
    model = pickle.load(handle)
    if not isinstance(model, Timeline):
        return None
    base = Base(entry.name, header.write, model)
    _hold_base(base)
    return base


def _open_owned(entry: Path) -> BinaryIO | None:
    """`entry` open for reading; None when it cannot be opened or is not the user's
    own (only those are unpickled: see the module docstring)."""
    try:
        handle = entry.open("rb")
    except OSError:
        return None
    if not owned_by_user(os.fstat(handle.fileno())):
        handle.close()
        return None
    return handle


def _read_reuse(entry: Path, model: Timeline | None) -> Reuse | None:
    """The reuse part of `entry`, its events taken from `model` (read from it if None)."""
    handle = _open_owned(entry)
    if handle is None:
        return None
    with handle:
        header = _header(handle)
        if header is None or not header.reuse_at:
            return None
        # As in `read`: a damaged or older entry means "check everything".
        try:
            if model is None:
                model = _model_at(entry, handle, header)
                if model is None:
                    return None  # not a model, or a patch whose base is gone
            else:
                handle.seek(header.reuse_at)
            return reuse_from(pickle.load(handle), model)
        except Exception:
            return None
