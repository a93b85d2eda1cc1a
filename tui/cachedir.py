"""Where the model cache lives, and whether a folder is safe to hold its entries.

Entries are unpickled, so only a folder the user alone can write is used (a
folder others can write could hold an entry made to run code), and only entries
the user owns are read. `TIMELINE_CACHE_DIR` names the folder (`off` switches
the cache off); else `$XDG_CACHE_HOME/tui-timeline` or `~/.cache/tui-timeline`.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from tui.safetext import visible

CACHE_ENV = "TIMELINE_CACHE_DIR"


def cache_dir() -> Path | None:
    """Where cache entries live, or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.lower() in ("off", "0", "no", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tui-timeline"


def owned_by_user(info: os.stat_result) -> bool:
    """True when the file `info` describes belongs to the current user (or there are no users)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def unsafe_reason(directory: Path) -> str | None:
    """Why `directory` must not hold cache entries, or None when it may.

    A folder that does not exist yet is fine: it is created private.
    """
    try:
        info = os.stat(directory)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"it cannot be examined ({exc.strerror})"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if not owned_by_user(info):
        return "it belongs to another user"
    if info.st_mode & 0o022:
        return f"group or others can write it (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


_noted: set[Path] = set()


def note_refusal(directory: Path, reason: str) -> None:
    """Say once per folder why the cache is not used (the load still succeeds)."""
    if directory in _noted:
        return
    _noted.add(directory)
    sys.stderr.write(
        visible(f"timeline: not using the model cache in {directory}: {reason}")
        + f"\n    hint: use a private folder (chmod 700) or set {CACHE_ENV}=off\n"
    )
