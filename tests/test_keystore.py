"""The name store: a read-only hash file that maps text keys to bytes."""

from __future__ import annotations

import pytest

from geo.errors import DataError
from geo.keystore import KeyStore, write_keystore


@pytest.fixture()
def pairs():
    # Non-ASCII keys, an empty key and value, long values, and enough keys that probes
    # run into each other in the table.
    items = [(f"key {i}", f"value {i}".encode() * (i % 7)) for i in range(5000)]
    items += [("füzuli", b"\x00\xff"), ("", b"empty key"), ("naïve x" * 300, b"v" * 70_000)]
    return items


def test_every_key_gives_its_value_and_others_give_none(pairs, tmp_path):
    path = tmp_path / "s.keys"
    assert write_keystore(path, pairs) == len(pairs)
    store = KeyStore(path)
    assert len(store) == len(pairs)
    assert all(store.get(k) == v for k, v in pairs)
    assert [store.get(k) for k in ("key 5000", "fuzuli", "Key 1", "key 1 ")] == [None] * 4
    assert "füzuli" in store and "key -1" not in store
    store.close()


def test_struct_reads_answer_as_the_slot_view_does(pairs, tmp_path):
    # Hosts whose byte order is not the file's read the slot table with struct: same answers.
    write_keystore(tmp_path / "s.keys", pairs)
    store = KeyStore(tmp_path / "s.keys")
    keys = [k for k, _ in pairs[::7]] + ["key 5000", "fuzuli", "key 1 "]
    by_view = ([store.get(k) for k in keys], store.get_many(keys))
    view, store._slots = store._slots, None
    assert ([store.get(k) for k in keys], store.get_many(keys)) == by_view
    store._slots = view
    store.close()


def test_the_same_pairs_write_the_same_bytes(pairs, tmp_path):
    write_keystore(tmp_path / "a", pairs)
    write_keystore(tmp_path / "b", iter(pairs))
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_an_empty_store_answers_none(tmp_path):
    assert write_keystore(tmp_path / "e", []) == 0
    store = KeyStore(tmp_path / "e")
    assert store.get("anything") is None and len(store) == 0


@pytest.mark.parametrize("content", [b"", b"not a store at all", b"GEOKEYS1" + bytes(16)])
def test_a_damaged_file_is_a_data_error(tmp_path, content):
    path = tmp_path / "bad"
    path.write_bytes(content)
    with pytest.raises(DataError, match="delete it to rebuild"):
        KeyStore(path)


def test_a_truncated_store_is_a_data_error(pairs, tmp_path):
    path = tmp_path / "s"
    write_keystore(path, pairs)
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(DataError, match="damaged"):
        KeyStore(path)


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot open the name index"):
        KeyStore(tmp_path / "nowhere")


def test_get_many_is_get_of_each_key(tmp_path):
    from geo.keystore import KeyStore, write_keystore

    path = tmp_path / "many.keys"
    items = [(f"k{i}", str(i).encode()) for i in range(300)] + [("", b"empty"), ("é", b"")]
    write_keystore(path, items)
    store = KeyStore(path)
    asked = [f"k{i}" for i in range(0, 400, 3)] + ["", "é", "e", "k0"]
    assert store.get_many(asked) == [(k, store.get(k)) for k in asked if store.get(k) is not None]
    store.close()
