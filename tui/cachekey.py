"""The model cache's key: a SHA-256 of the model's code and of every file it reads.

`content_key` hashes the source of the package and, for the three data files,
the drafts and every seed article, each file's SHA-256. At 100,000 events that
is about 50 MB read and hashed, 0.15–0.35 s of every start. `folder_key` saves
it: beside the entries it keeps, per data folder, each file's (size, mtime,
ctime, inode) with its digest, and the key they gave. When every file still has
the same, the key is taken as it was; when some changed (an edit), only those
are read and hashed again. A digest is remembered only for a file last changed
well before it was hashed.

Why that is safe: any write to a file sets its ctime to the time of the write,
which a program cannot set back. A file written after the key was worked out so
has a later ctime than the memo records. A file written *while* it was hashed,
or too close before for the clock's resolution to tell apart, is younger than
`RACY_NS` at the time the memo is written, and such a memo is never trusted (as
git does with its index). The memo is JSON, read only when the user owns it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

from tui.datafiles import ACTORS_FILE, ARTICLES_FILE, DEFAULT_SEEDS_DIR, DRAFTS_DIR, EVENTS_FILE
from tui.readfile import read_regular, resolved

# The code that decides what the cached model holds: every module of the package,
# found by pattern, so a module split or added can never leave a stale cache.
# (UI modules are hashed too: a few spurious misses are cheaper than a list kept
# by hand.)
MODEL_CODE_PATTERN = "**/*.py"
MEMO_SUFFIX = ".stat"
# A file changed less than this long before its key was worked out might have
# changed again within the clock's resolution: its memo is not trusted.
RACY_NS = 2_000_000_000

Stat = list[int] | None  # [size, mtime_ns, ctime_ns, inode] (as JSON reads it back); None: missing


def model_code_files(package: Path | None = None) -> list[Path]:
    """The source files whose code the cache key covers, in a stable order."""
    package = package or Path(__file__).resolve().parent
    return sorted(package.glob(MODEL_CODE_PATTERN))


def code_digest(package: Path | None = None) -> bytes:
    """SHA-256 of the package's source files, their names included."""
    package = package or Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in model_code_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def key_files(data_dir: Path) -> list[tuple[bytes, Path]]:
    """(label, path) of every data file the key covers, in the order it hashes them."""
    files = [(name.encode(), data_dir / name) for name in (ARTICLES_FILE, ACTORS_FILE, EVENTS_FILE)]
    drafts = data_dir / DRAFTS_DIR
    if drafts.is_dir():  # drafts are checked too: a changed draft must be checked again
        files += [(b"drafts/" + os.fsencode(p.name), p) for p in sorted(drafts.glob("*.yaml"))]
    elif drafts.exists() or drafts.is_symlink():  # a file there is a problem of the folder
        files.append((b"drafts (not a folder)", drafts))
    seeds = resolved(data_dir / DEFAULT_SEEDS_DIR)
    try:
        # Names, not paths, are sorted, and a file's type is read from its folder
        # entry where the system gives it: a thousand seeds took 8 ms with paths.
        with os.scandir(seeds) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError:  # no seeds folder (the loader reports it), or not a folder
        names = []
    # A name is labelled by its bytes: one that is not UTF-8 (from an archive made
    # elsewhere) is kept as the system gives it, not refused.
    files += [(os.fsencode(name), seeds / name) for name in names]
    return files


def content_key(data_dir: Path, code: bytes | None = None) -> str:
    """SHA-256 of the model code and of each data file's, draft's and seed's SHA-256."""
    files = key_files(data_dir)
    return _key(code if code is not None else code_digest(), files, [_digest(p) for _, p in files])


def _key(code: bytes, files: list[tuple[bytes, Path]], digests: list[str]) -> str:
    digest = hashlib.sha256(code)
    for (label, _), file_digest in zip(files, digests, strict=True):
        digest.update(label + b"\0" + file_digest.encode("ascii") + b"\0")
    return digest.hexdigest()


def _digest(path: Path, read: dict[Path, bytes] | None = None) -> str:
    """SHA-256 of a file's bytes, or of a marker when it cannot be read (the loader
    reports why). With `read`, the bytes of a file read are put there under its path."""
    try:
        content = read_regular(path)
    except OSError as exc:
        content = f"\0unreadable: {type(exc).__name__}\0".encode()
    else:
        if read is not None:
            read[path] = content
    return hashlib.sha256(content).hexdigest()


def _stat(path: Path) -> Stat:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def folder_key(
    data_dir: Path,
    code: bytes,
    memo: Path,
    read: dict[Path, bytes] | None = None,
    used: dict[Path, str] | None = None,
) -> str:
    """`content_key(data_dir, code)`, taking from the memo at `memo` what did not change.

    The memo is written again whenever a digest is worked out (and the cache
    folder, already checked private by the caller, can be written). With `read`,
    the bytes of the data files read to work out their digests are put there, by
    path, for the load that follows: it then reads the very bytes the key was
    made from (not a later version of a file written in between), and a 53 MB
    events file is read once, not twice. With `used`, the digest the key took for
    each file (from the memo or worked out) is put there, by path: a load of a
    file the key did not read checks it against that (`ModelCache.take_read`,
    `ModelCache.loaded_as_keyed`).
    """
    files = key_files(data_dir)
    labels = [label.decode("utf-8", "surrogateescape") for label, _ in files]
    stats = [_stat(path) for _, path in files]
    remembered = _read_memo(memo)
    known: dict[str, tuple[object, str]] = {}
    data_files = {data_dir / name for name in (ARTICLES_FILE, ACTORS_FILE, EVENTS_FILE)}
    if remembered is not None:
        entries = remembered.get("digests")
        if isinstance(entries, list):
            for entry in entries:
                if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str):
                    known[str(entry[0])] = (entry[1], entry[2])
        if remembered.get("files") == [[*pair] for pair in zip(labels, stats, strict=True)]:
            key = remembered.get("key")
            if isinstance(key, str) and all(label in known for label, (_, path)
                                            in zip(labels, files, strict=True)
                                            if path in data_files):
                if used is not None:
                    used.update((path, known[label][1]) for label, (_, path)
                                in zip(labels, files, strict=True) if label in known)
                return key
    started = time.time_ns()
    digests: list[str] = []
    for label, stat, (_, path) in zip(labels, stats, files, strict=True):
        had = known.get(label)
        digests.append(
            had[1] if had is not None and had[0] == stat
            else _digest(path, read if path in data_files else None)
        )
    key = _key(code, files, digests)
    if used is not None:
        used.update((path, digest) for (_, path), digest in zip(files, digests, strict=True))
    now = [_stat(path) for _, path in files]
    kept = [
        [label, stat, digest]
        for label, stat, digest, again in zip(labels, stats, digests, now, strict=True)
        if stat is not None and stat == again and _settled(stat, started)
    ]
    data: dict[str, object] = {"digests": kept}
    if len(kept) == len(files):
        data.update(files=[[*pair] for pair in zip(labels, stats, strict=True)], key=key)
    _write_memo(memo, data)
    return key


def _settled(stat: list[int], started: int) -> bool:
    """True when a file with `stat` was last changed well before `started` (ns)."""
    return max(stat[1], stat[2]) < started - RACY_NS


def _read_memo(memo: Path) -> dict[str, object] | None:
    try:
        with memo.open("rb") as handle:
            getuid = getattr(os, "getuid", None)
            if getuid is not None and os.fstat(handle.fileno()).st_uid != getuid():
                return None
            data = json.loads(handle.read(1 << 24))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_memo(memo: Path, data: dict[str, object]) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=memo.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # `dumps`, whose one-shot encoder is in C: `dump` encodes in Python,
            # about 40 ms with a thousand seeds, after every edit.
            handle.write(json.dumps(data))
        os.replace(tmp, memo)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
