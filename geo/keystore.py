"""A read-only hash file: text key -> bytes value, memory-mapped, one probe per key.

The gazetteer's name index answers hundreds of thousands of "which places could this
name be?" questions per corpus, most of them for names it has not seen yet. A SQLite
B-tree probe costs ~8-10 us from Python (statement, bind, page reads through the VFS); a
probe here is a CRC-32, a read or two of the slot table in the map and a byte compare
(~1-2 us). The file is written once, never changed, and any number of processes map the
same pages read-only (the OS shares them). Pages a process has touched count in its
resident size (up to the file's ~80 MB for the full gazetteer) but are clean page cache
the kernel can drop; ``os.pread`` instead of the map kept that at zero but took ~4.4 us a
probe against ~2.1 us.

Layout, all integers little-endian::

    header   magic b"GEOKEYS1", slot count (u32, a power of two), key count (u32),
             offset of the slot table (u64)
    records  key length (u16), value length (u32), key (UTF-8), value
    slots    (CRC-32 of the key, record offset) as two u32; offset 0 marks an empty slot

Open addressing with linear probing; at most half of the slots are used.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "demo.keys")
>>> write_keystore(path, [("fuzuli", b"148106"), ("tovuz", b"584923")])
2
>>> store = KeyStore(path)
>>> store.get("tovuz"), store.get("nowhere"), "fuzuli" in store, len(store)
(b'584923', None, True, 2)
>>> store.get_many(["nowhere", "tovuz", "fuzuli"])
[('tovuz', b'584923'), ('fuzuli', b'148106')]
>>> store.close()
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
from array import array
from pathlib import Path
from typing import Iterable
from zlib import crc32

from geo.errors import DataError

__all__ = ["KeyStore", "write_keystore"]

_MAGIC = b"GEOKEYS1"
_HEADER = struct.Struct("<8sIIQ")
_RECORD = struct.Struct("<HI")
_SLOT = struct.Struct("<II")
_EMPTY_SLOT_MAX = 0xFFFFFFFF  # the largest empty slot read as one uint64 (offset << 32 | hash, offset 0)


def write_keystore(path: str | os.PathLike, items: Iterable[tuple[str, bytes]]) -> int:
    """Write ``(key, value)`` pairs (keys unique) to a new store at ``path``; the key count.

    The same pairs in the same order give a byte-identical file.
    """
    # Hashes and offsets in flat uint32 arrays, not a list of tuples: the index build writes
    # about a million keys, and tuples cost it hundreds of MB at its peak.
    hashes, offsets = array("I"), array("I")
    with open(path, "wb") as f:
        f.write(bytes(_HEADER.size))
        offset = _HEADER.size
        for key, value in items:
            kb = key.encode("utf-8")
            if len(kb) > 0xFFFF or len(value) > 0xFFFFFFFF:
                raise ValueError(f"key or value too long for a keystore record: got key {key[:40]!r}...")
            if offset > 0xFFFFFFFF:
                raise ValueError(f"keystore records exceed 4 GiB: got {offset} bytes")
            f.write(_RECORD.pack(len(kb), len(value)))
            f.write(kb)
            f.write(value)
            hashes.append(crc32(kb))
            offsets.append(offset)
            offset += _RECORD.size + len(kb) + len(value)
        if offset > 0xFFFFFFFF:
            raise ValueError(f"keystore records exceed 4 GiB: got {offset} bytes")
        count = len(offsets)
        size = 1
        while size < 2 * count:
            size *= 2
        table = array("I", bytes(8 * size))  # (hash, offset) pairs, side by side; offset 0 = empty
        mask = size - 1
        for h, off in zip(hashes, offsets):
            i = h & mask
            while table[2 * i + 1]:
                i = (i + 1) & mask
            table[2 * i] = h
            table[2 * i + 1] = off
        if sys.byteorder != "little":  # the file is little-endian (_SLOT)
            table.byteswap()
        f.write(table.tobytes())
        f.seek(0)
        f.write(_HEADER.pack(_MAGIC, size, count, offset))
    return count


class KeyStore:
    """A store written by :func:`write_keystore`, mapped read-only."""

    __slots__ = ("path", "_file", "_map", "_table", "_mask", "_count", "_slots")

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._slots = None
        try:
            self._file = open(self.path, "rb")
        except OSError as e:
            raise DataError(f"cannot open the name index {str(self.path)!r}: {e.strerror}") from None
        try:
            self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # an empty file cannot be mapped
            self._file.close()
            raise DataError(f"not a geo name index (or a damaged one): {str(self.path)!r}; delete it to rebuild") from None
        try:
            magic, size, count, table = _HEADER.unpack_from(self._map, 0)
        except struct.error:
            magic = size = count = table = 0
        if magic != _MAGIC or size < 1 or size & (size - 1) or table + size * _SLOT.size != len(self._map):
            self.close()
            raise DataError(f"not a geo name index (or a damaged one): {str(self.path)!r}; delete it to rebuild")
        if hasattr(self._map, "madvise"):  # probes land anywhere: read no pages ahead of them
            self._map.madvise(mmap.MADV_RANDOM)
        self._table, self._mask, self._count = table, size - 1, count
        # The slot table as native uint64s, a slot each (its hash in the low half, its offset
        # in the high half: 0 when the slot is empty), read by index: cheaper than a struct
        # read per slot, or two reads of uint32s. Only where native order is the file's
        # (little-endian); else struct reads.
        self._slots = memoryview(self._map)[table:].cast("Q") if sys.byteorder == "little" else None

    def get(self, key: str, _slot=_SLOT.unpack_from, _record=_RECORD.unpack_from, _crc=crc32) -> bytes | None:
        """The value stored under ``key``, or ``None``."""
        kb = key.encode()  # (UTF-8, the default)
        h = _crc(kb)
        m, mask, slots = self._map, self._mask, self._slots
        i = h & mask
        while True:
            if slots is not None:
                slot = slots[i]
                slot_hash, off = slot & 0xFFFFFFFF, slot >> 32
            else:  # pragma: no cover - big-endian hosts
                slot_hash, off = _slot(m, self._table + 8 * i)
            if not off:
                return None
            if slot_hash == h:
                klen, vlen = _record(m, off)
                start = off + 6  # _RECORD.size
                if m[start : start + klen] == kb:
                    start += klen
                    return m[start : start + vlen]
            i = (i + 1) & mask

    def get_many(self, keys: Iterable[str], _record=_RECORD.unpack_from, _crc=crc32) -> list[tuple[str, bytes]]:
        """``(key, value)`` of each of ``keys`` the store holds, in their order: ``get`` written
        out in one loop, for callers with many keys to ask at once (a call per key costs
        about a third of a probe)."""
        slots = self._slots
        if slots is None:  # pragma: no cover - big-endian hosts
            return [(key, value) for key in keys if (value := self.get(key)) is not None]
        found = []
        m, mask = self._map, self._mask
        for key in keys:
            kb = key.encode()  # (UTF-8: the default, and the fast path without the encoding's name to look up)
            h = _crc(kb)
            i = h & mask
            slot = slots[i]
            while slot > _EMPTY_SLOT_MAX:  # (an empty slot's offset is 0: the key is not stored)
                if slot & 0xFFFFFFFF == h:
                    off = slot >> 32
                    klen, vlen = _record(m, off)
                    start = off + 6  # _RECORD.size
                    if m[start : start + klen] == kb:
                        start += klen
                        found.append((key, m[start : start + vlen]))
                        break
                i = (i + 1) & mask
                slot = slots[i]
        return found

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return self._count

    def close(self) -> None:
        if self._slots is not None:
            self._slots.release()  # (a map with a view of it open cannot close)
        self._map.close()
        self._file.close()
