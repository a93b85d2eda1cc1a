"""The cache key's memo: the key taken as it was when no file it covers changed, and
only the files that changed hashed again when some did."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import write_data_dir
from tui import cachekey
from tui.cachekey import code_digest, content_key, folder_key

CODE = b"code"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each file read and hashed is listed here."""
    calls: list[Path] = []
    real = cachekey._digest

    def counting(path: Path, read: dict[Path, bytes] | None = None) -> str:
        calls.append(path)
        return real(path, read)

    monkeypatch.setattr(cachekey, "_digest", counting)
    return calls


@pytest.fixture
def settled_soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled 10 ms after they were written (instead of 2 s)."""
    monkeypatch.setattr(cachekey, "RACY_NS", 10_000_000)


def test_an_unchanged_folder_is_not_hashed_again(
    tmp_path: Path, counted: list[Path], settled_soon: None
) -> None:
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    first = folder_key(data, CODE, memo)
    hashed = len(counted)
    assert hashed == len(cachekey.key_files(data)) > 3
    assert first == content_key(data, CODE) and memo.exists()
    counted.clear()
    assert folder_key(data, CODE, memo) == first
    assert counted == []


def test_an_edit_hashes_the_edited_file_alone(
    tmp_path: Path, counted: list[Path], settled_soon: None
) -> None:
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    before = folder_key(data, CODE, memo)
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    counted.clear()
    edited = folder_key(data, CODE, memo)
    assert counted == [events]
    assert edited == content_key(data, CODE) != before
    # Written just now, the edited file's digest is not remembered: hashed again.
    counted.clear()
    assert folder_key(data, CODE, memo) == edited
    assert counted == [events]
    time.sleep(0.05)
    counted.clear()
    assert folder_key(data, CODE, memo) == edited
    assert counted == [events]  # remembered from this look on
    counted.clear()
    assert folder_key(data, CODE, memo) == edited
    assert counted == []


@pytest.mark.parametrize(
    ("name", "edit"),
    [
        ("events.yaml", lambda text: text.replace("Talks held", "Talks hold", 1)),  # same size
        ("events.yaml", lambda text: text + "\n"),
        ("articles.yaml", lambda text: text.replace("a trade pact", "a trade deal", 1)),
    ],
)
def test_an_edit_is_seen_even_at_the_same_size(
    tmp_path: Path, settled_soon: None, name: str, edit: object
) -> None:
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    before = folder_key(data, CODE, memo)
    path = data / name
    text = path.read_text(encoding="utf-8")
    edited = edit(text)  # type: ignore[operator]
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    assert folder_key(data, CODE, memo) == content_key(data, CODE) != before


def test_a_new_or_removed_seed_is_seen(tmp_path: Path, settled_soon: None) -> None:
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    before = folder_key(data, CODE, memo)
    extra = tmp_path / "seeds" / "extra.txt"
    extra.write_text("More.\n", encoding="utf-8")
    added = folder_key(data, CODE, memo)
    assert added == content_key(data, CODE) != before
    extra.unlink()
    assert folder_key(data, CODE, memo) == before


def test_files_written_just_now_are_not_remembered(tmp_path: Path, counted: list[Path]) -> None:
    """Within the racy interval a second write could keep the same times: hash again."""
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    folder_key(data, CODE, memo)
    files = len(counted)
    folder_key(data, CODE, memo)
    assert len(counted) == 2 * files


def test_a_damaged_memo_is_ignored_and_replaced(
    tmp_path: Path, counted: list[Path], settled_soon: None
) -> None:
    data = write_data_dir(tmp_path)
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    key = folder_key(data, CODE, memo)
    memo.write_text('{"files": [', encoding="utf-8")
    files = len(counted)
    assert folder_key(data, CODE, memo) == key
    assert folder_key(data, CODE, memo) == key
    assert len(counted) == 2 * files  # once at first, once for the damaged memo


def test_another_version_of_the_code_gets_its_own_key(tmp_path: Path, settled_soon: None) -> None:
    data = write_data_dir(tmp_path)
    time.sleep(0.05)
    ours = folder_key(data, code_digest(), tmp_path / "a.stat")
    assert folder_key(data, b"another version", tmp_path / "b.stat") != ours


def test_a_file_name_that_is_not_utf8_is_keyed_not_refused(
    tmp_path: Path, settled_soon: None
) -> None:
    """A trial: a seed or a draft named in Latin-1 (unzipped from an archive made
    elsewhere) stopped every command with a traceback, named nowhere in the data."""
    import os

    data = write_data_dir(tmp_path)
    (data / "drafts").mkdir()
    (data / "drafts" / os.fsdecode(b"d\xe9.yaml")).write_text("drafts: []\n", encoding="utf-8")
    seed = data.parent / "seeds" / os.fsdecode(b"notes-caf\xe9.txt")
    seed.write_text("Notes.\n", encoding="utf-8")
    memo = tmp_path / "folder.stat"
    time.sleep(0.05)
    first = folder_key(data, CODE, memo)
    assert first == content_key(data, CODE) == folder_key(data, CODE, memo)  # the memo too
    seed.write_text("Other notes.\n", encoding="utf-8")
    assert folder_key(data, CODE, memo) != first
