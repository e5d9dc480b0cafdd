"""Reading documents as people save them: a text file, a folder, JSONL (or .jsonl.gz), Parquet, stdin.

:func:`read_documents` yields a :class:`~geo.records.SourceDocument` per document, in a
stable order (a folder's files sorted by their path), and a :class:`~geo.records.SourceError`
for each document it cannot read (undecodable bytes, a line that is not JSON, no text, an
empty or too long text): reading goes on past it. Only a problem with the whole input (no
such path, a folder with nothing to read, a Parquet file without a text column) raises
:class:`~geo.errors.InputError` or FileNotFoundError.

The text is kept as the file has it: Windows line ends stay ``\\r\\n``, so offsets index the
text as given. With ``encoding="auto"`` (the default) a byte-order mark says UTF-8, UTF-16
or UTF-32, and a file without one is read as UTF-8.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Rain over Baku.\\r\\n", encoding="utf-16")  # with a BOM
>>> _ = (folder / "b.jsonl").write_text('{"id": "x", "text": "Snow in Tovuz."}\\nnot json\\n')
>>> for item in read_documents(str(folder)):
...     print(type(item).__name__, item.id, repr(getattr(item, "text", None) or item.reason))
SourceDocument a 'Rain over Baku.\\r\\n'
SourceDocument x 'Snow in Tovuz.'
SourceError None 'not JSON (Expecting value)'
"""

from __future__ import annotations

import codecs
import gzip
import itertools
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from geo.errors import InputError
from geo.records import SourceDocument, SourceError

__all__ = [
    "read_documents",
    "read_text",
    "folder_files",
    "estimated_characters",
    "decode",
    "sniff_encoding",
    "SourceDocument",
    "SourceError",
    "DEFAULT_MAX_CHARS",
    "TEXT_SUFFIXES",
    "JSONL_SUFFIXES",
    "PARQUET_SUFFIXES",
]

#: Documents longer than this many characters are reported, not mapped (a 2 MB text is a
#: short book; an archive's "article" that long is mostly a concatenation gone wrong).
DEFAULT_MAX_CHARS = 2_000_000
#: In a folder, files with these endings are read as one document each...
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: ...these as one document per line (``{"id", "text"}``)...
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: ...and these as one document per row (needs pyarrow: ``pip install 'geo[dask]'``).
PARQUET_SUFFIXES = (".parquet", ".pq")

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings whose bytes cannot be split into lines at b"\n" before decoding.
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


def sniff_encoding(head: bytes) -> str:
    """The encoding a byte-order mark at the start of ``head`` names, else ``"utf-8"``.

    >>> sniff_encoding("x".encode("utf-16")), sniff_encoding(b"plain")
    ('utf-16', 'utf-8')
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return "utf-8"


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding: got {encoding!r}") from None


def decode(data: bytes, encoding: str = "auto", *, source: str = "input") -> str:
    """``data`` as text; ``"auto"`` reads a byte-order mark (else UTF-8). Line ends are kept.

    A wrong encoding raises InputError with a one-line message naming the first bad byte.
    """
    name = sniff_encoding(data[:4]) if encoding == "auto" else encoding
    _codec_name(name)
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise InputError(_decode_reason(exc, data, name, source)) from None


def _decode_reason(exc: UnicodeDecodeError, data: bytes, encoding: str, source: str) -> str:
    return (f"{source}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding (for example --encoding latin-1) to read it")


def read_text(path: str, encoding: str = "auto") -> tuple[str, str]:
    """``(name, text)`` of one text file (its stem) or ``-`` (standard input, named ``stdin``)."""
    if path == "-":
        return "stdin", decode(sys.stdin.buffer.read(), encoding, source="stdin")
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory; give a file")
    return p.stem, decode(p.read_bytes(), encoding, source=path)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def folder_files(folder: Path) -> list[Path]:
    """The files a folder holds that geo reads, sorted by path; hidden (``.x``) and
    underscore (``_x``, as in ``_SUCCESS``) files and folders are left out."""
    files = []
    for f in folder.rglob("*"):
        parts = f.relative_to(folder).parts
        if any(part.startswith((".", "_")) for part in parts) or not f.is_file():
            continue
        if _kind(f) is not None:
            files.append(f)
    return sorted(files, key=lambda f: f.relative_to(folder).as_posix())


def read_documents(
    path: str,
    *,
    encoding: str = "auto",
    text_field: str = "text",
    id_field: str = "id",
    title_field: str = "title",
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[SourceDocument | SourceError]:
    """Every document in ``path``: a text file, a folder (recursively: text files, JSONL and
    Parquet files), a JSONL or JSONL.gz file, a Parquet file, or ``-`` for standard input
    (JSONL when its first line is a JSON object with the text field, else one text).

    A text file's id is its path (in a folder: relative to the folder) without its ending.
    A JSONL record's id is its ``id_field`` (made a string); without one, its line number
    (in a folder: ``file:line``). Parquet likewise, with the row number. ``max_chars``
    (None: no limit) reports longer texts instead of yielding them.
    """
    if not isinstance(max_chars, (int, type(None))) or (max_chars is not None and max_chars < 1):
        raise InputError(f"max_chars must be a positive integer or None, got {max_chars!r}")
    _codec_name("utf-8" if encoding == "auto" else encoding)  # an unknown name fails now, not per file
    fields = _Fields(text_field, id_field, title_field, max_chars)
    if path == "-":
        yield from _read_stdin(encoding, fields)
        return
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if not p.is_dir():
        yield from _read_file(p, p.stem, encoding, fields, top=True)
        return
    files = folder_files(p)
    if not files:
        raise InputError(f"{path}: the folder has no files to read "
                         f"({', '.join(TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES)})")
    for f in files:
        relative = f.relative_to(p).as_posix()
        stem = relative[: -len(_suffix(f))] if _suffix(f) else relative
        try:
            yield from _read_file(f, stem, encoding, fields, top=False)
        except InputError as exc:  # a whole file unreadable: one error, the folder goes on
            yield SourceError(None, str(f), _one_line(str(exc).removeprefix(f"{f}: ")))


@dataclass(frozen=True, slots=True)
class _Fields:
    """Where a record keeps its text, id and title, and the longest text read."""

    text: str
    id: str
    title: str
    max_chars: int | None


def _suffix(f: Path) -> str:
    name = f.name.lower()
    for suffix in JSONL_SUFFIXES + PARQUET_SUFFIXES + TEXT_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return ""


def _one_line(reason: str) -> str:
    return " ".join(reason.split())


def _checked(doc_id: str, text: Any, location: str, title: Any, fields: _Fields) -> SourceDocument | SourceError:
    if text is None:
        return SourceError(doc_id, location, f"no {fields.text!r} field")
    if not isinstance(text, str):
        return SourceError(doc_id, location, f"the {fields.text!r} field is not a string, got {type(text).__name__}")
    if not text.strip():
        return SourceError(doc_id, location, "empty text")
    if fields.max_chars is not None and len(text) > fields.max_chars:
        return SourceError(doc_id, location, f"{len(text):,} characters, over the limit of {fields.max_chars:,}")
    return SourceDocument(doc_id, text, location, title if isinstance(title, str) else None)


def _read_file(f: Path, stem: str, encoding: str, fields: _Fields, *, top: bool) -> Iterator[SourceDocument | SourceError]:
    kind = _kind(f) or "text"  # a single file named on the command line is text unless it says otherwise
    if kind == "parquet":
        yield from _read_parquet(f, fields, prefix="" if top else f"{stem}:")
        return
    if kind == "jsonl":
        opener = gzip.open if f.name.lower().endswith(".gz") else open
        with opener(f, "rb") as stream:
            yield from _read_jsonl(stream, str(f), encoding, fields, prefix="" if top else f"{stem}:")
        return
    location = str(f)
    if fields.max_chars is not None and f.stat().st_size > 4 * fields.max_chars:  # 4 bytes a character at most
        yield SourceError(stem, location, f"{f.stat().st_size:,} bytes, over the limit of {fields.max_chars:,} characters")
        return
    try:
        text = decode(f.read_bytes(), encoding, source=location)
    except InputError as exc:
        yield SourceError(stem, location, str(exc).removeprefix(f"{location}: "))
        return
    yield _checked(stem, text, location, None, fields)


def _read_stdin(encoding: str, fields: _Fields) -> Iterator[SourceDocument | SourceError]:
    stream = sys.stdin.buffer
    first = stream.readline()
    name = sniff_encoding(first[:4]) if encoding == "auto" else encoding
    if _codec_name(name) in _WIDE:
        try:
            text = decode(first + stream.read(), name, source="stdin")
        except InputError as exc:
            yield SourceError("stdin", "stdin", str(exc).removeprefix("stdin: "))
            return
        if _looks_like_jsonl(text.split("\n", 1)[0], fields.text):
            yield from _records(enumerate(text.split("\n"), 1), "stdin", fields, prefix="")
        else:
            yield _checked("stdin", text, "stdin", None, fields)
        return
    try:
        head = first.decode(name)
    except UnicodeDecodeError:
        head = ""
    if _looks_like_jsonl(head.lstrip("\ufeff"), fields.text):
        yield from _read_jsonl(_Chain(first, stream), "stdin", encoding, fields, prefix="")
        return
    data = first + stream.read()
    try:
        text = decode(data, encoding, source="stdin")
    except InputError as exc:
        yield SourceError("stdin", "stdin", str(exc).removeprefix("stdin: "))
        return
    yield _checked("stdin", text, "stdin", None, fields)


class _Chain:
    """A line already read, then the rest of a binary stream, as one stream of lines."""

    def __init__(self, first: bytes, rest: IO[bytes]):
        self._lines = itertools.chain([first], rest)

    def readline(self) -> bytes:
        return next(self._lines, b"")

    def read(self) -> bytes:
        return b"".join(self._lines)

    def __iter__(self) -> Iterator[bytes]:
        return self._lines


def _looks_like_jsonl(line: str, text_field: str) -> bool:
    if not line.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and text_field in record


def _read_jsonl(stream: Any, location: str, encoding: str, fields: _Fields, *, prefix: str) -> Iterator[SourceDocument | SourceError]:
    try:
        first = stream.readline()
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{location}: cannot be read ({_one_line(str(exc)) or type(exc).__name__})") from None
    name = sniff_encoding(first[:4]) if encoding == "auto" else encoding
    if _codec_name(name) in _WIDE:
        # UTF-16 or -32: lines cannot be split before decoding; decode the whole file.
        try:
            text = decode(first + stream.read(), name, source=location)
        except InputError as exc:
            raise InputError(str(exc)) from None
        yield from _records(enumerate(text.split("\n"), 1), location, fields, prefix=prefix)
        return
    if name == "utf-8":
        name = "utf-8-sig"  # a UTF-8 BOM on the first line is no part of the JSON

    def lines() -> Iterator[tuple[int, str | SourceError]]:
        number = 0
        raws = itertools.chain([first], stream)
        while True:
            try:
                raw = next(raws)
            except StopIteration:
                return
            except (OSError, EOFError, zlib.error) as exc:  # a damaged .gz: report it, keep what came before
                yield number + 1, SourceError(None, f"{location}:{number + 1}", "the file is damaged from here on "
                                              f"({_one_line(str(exc)) or type(exc).__name__})")
                return
            number += 1
            if not raw:
                return
            try:
                yield number, raw.decode(name if number == 1 else name.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                yield number, SourceError(None, f"{location}:{number}", f"not valid {name.removesuffix('-sig')} "
                                          f"(byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")

    yield from _records(lines(), location, fields, prefix=prefix)


def _records(lines: Iterable[tuple[int, str | SourceError]], location: str, fields: _Fields, *, prefix: str) -> Iterator[SourceDocument | SourceError]:
    for number, line in lines:
        if isinstance(line, SourceError):
            yield line
            continue
        if not line.strip():
            continue
        where = f"{location}:{number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield SourceError(None, where, f"not JSON ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(record, dict):
            yield SourceError(None, where, f"expected a JSON object, got {type(record).__name__}")
            continue
        raw_id = record.get(fields.id)
        doc_id = f"{prefix}{number}" if raw_id is None else str(raw_id)
        yield _checked(doc_id, record.get(fields.text), where, record.get(fields.title), fields)


def _read_parquet(f: Path, fields: _Fields, *, prefix: str) -> Iterator[SourceDocument | SourceError]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{f}: reading Parquet needs pyarrow: pip install 'geo[dask]' (or pip install pyarrow)") from None
    try:
        parquet = pq.ParquetFile(f)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid, OSError...: the file is unreadable
        raise InputError(f"{f}: not a readable Parquet file ({_one_line(str(exc))})") from None
    names = parquet.schema_arrow.names
    if fields.text not in names:
        raise InputError(f"{f}: no {fields.text!r} column (columns: {', '.join(names)}); choose one with --text-field")
    columns = [c for c in dict.fromkeys((fields.id, fields.text, fields.title)) if c in names]
    row = 0
    for batch in parquet.iter_batches(batch_size=256, columns=columns):
        table = batch.to_pydict()
        for i in range(batch.num_rows):
            raw_id = table[fields.id][i] if fields.id in table else None
            doc_id = f"{prefix}{row}" if raw_id is None else str(raw_id)
            title = table[fields.title][i] if fields.title in table else None
            yield _checked(doc_id, table[fields.text][i], f"{f}[{row}]", title, fields)
            row += 1


def estimated_characters(path: str) -> int | None:
    """About how many characters ``path`` holds (its bytes), for a progress bar's ETA; None
    when that cannot be told without reading it (standard input, compressed or Parquet files)."""
    if path == "-":
        return None
    p = Path(path)
    files = folder_files(p) if p.is_dir() else [p]
    if any(f.name.lower().endswith((".gz",) + PARQUET_SUFFIXES) for f in files):
        return None
    return sum(f.stat().st_size for f in files)
