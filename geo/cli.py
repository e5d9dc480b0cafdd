"""The command line: arguments, reading inputs, writing outputs, errors -> exit codes.

Everything here is the edge of the program; the work is done by the library
(geo.pipeline and the writers), which knows nothing of argv or exit codes.

Exit codes: 0 success; 1 nothing found where something was asked for (lookup), or the
output could not be written (a full disk, no permission);
2 bad input or usage (missing file, undecodable bytes, bad option value), or no document
of the input could be read or mapped; 3 finished, but some documents failed (each is one
line on stderr, or in ``_errors.jsonl`` for ``geo batch``; the others were all mapped).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from geo.errors import GeoError, InputError, UnknownNameError

__all__ = ["main", "run", "build_parser"]

EXTRACT_FORMATS = ("jsonl", "json", "geojson", "csv")
#: Exit code of a run that finished but could not map some of its documents.
EXIT_SOME_FAILED = 3
MAP_FORMATS = ("html", "png", "svg", "geojson")
TABLE_FORMATS = ("table", "json")


# ---------------------------------------------------------------- reading input
# (geo.inputs reads every kind of input; the commands here only report what it could not.)


def _read_source(path: str, encoding: str) -> tuple[str, str]:
    """(name, text) of a path or ``-`` for standard input."""
    from geo.inputs import read_text

    return read_text(path, encoding)


# ---------------------------------------------------------------- commands


def _open_output(path: str | None) -> TextIO:
    if path in (None, "-"):
        return sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="")


def _home(args: argparse.Namespace):
    """The place --near names, or None (an unknown name is an InputError, before any output is opened)."""
    from geo.pipeline import find_home

    if args.near is None:
        return None
    try:
        return find_home(args.near)
    except InputError as exc:
        raise InputError(f"--near: {exc}") from None


def _is_corpus(path: str) -> bool:
    """Whether ``geo map`` draws one map of many documents: a folder, a JSONL or a Parquet file."""
    from geo.inputs import JSONL_SUFFIXES, PARQUET_SUFFIXES

    p = Path(path)
    return path != "-" and (p.is_dir() or p.name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES))


def cmd_map(args: argparse.Namespace) -> int:
    from geo.pipeline import map_text

    fmt = args.format or _format_from_suffix(args.output) or "html"
    if fmt not in MAP_FORMATS:
        raise UnknownNameError("map format", fmt, MAP_FORMATS)
    if _is_corpus(args.input):
        return _map_corpus(args, fmt)
    name, text = _read_source(args.input, args.encoding)
    home = _home(args)
    if not text.strip():
        print(f"warning: {name}: the text is empty; the map will show no places", file=sys.stderr)
    document = map_text(text, doc_id=name, home=home)
    if not document.places and text.strip():
        print(f"warning: {name}: no places found", file=sys.stderr)
    output = _write_map(args, fmt, name, document, home)
    print(f"{output}: {len(document.places)} places, {len(document.mentions)} mentions", file=sys.stderr)
    return 0


def _map_corpus(args: argparse.Namespace, fmt: str) -> int:
    """One map of every place the documents of a folder, a JSONL or a Parquet file name."""
    from geo.batch import AUTO
    from geo.corpus import caption, map_documents
    from geo.gazetteer import default_gazetteer
    from geo.inputs import read_documents

    p = Path(args.input)
    name = p.resolve().name if p.is_dir() else p.name.split(".")[0]
    home = _home(args)
    items = read_documents(args.input, encoding=args.encoding, text_field=args.text_field, id_field=args.id_field,
                           title_field=args.title_field)
    first = next(items, None)  # a missing file or an empty folder fails here, before any output is written
    if first is None:
        raise InputError(f"{args.input}: no documents")
    corpus = map_documents(itertools.chain([first], items), corpus_id=name, gazetteer=default_gazetteer(),
                           home=home, jobs=AUTO)
    failures = _Failures()
    failures.mapped = corpus.document_count
    for error in corpus.errors:
        failures.report(error)
    if not corpus.document_count:
        return failures.exit_code()  # nothing could be read: no map, exit 2
    if not corpus.places:
        print(f"warning: {name}: no places found in {corpus.document_count} documents", file=sys.stderr)
    output = _write_map(args, fmt, name, corpus, home)
    print(f"{output}: {caption(corpus)}", file=sys.stderr)
    return failures.exit_code()


def _write_map(args: argparse.Namespace, fmt: str, name: str, source, home) -> str:
    """Write the map of a Document or a CorpusMap where -o says (default maps/NAME.FORMAT); return the path."""
    output = args.output or str(Path("maps") / f"{name}.{fmt}")
    title = args.title if args.title is not None else name
    if home is not None:  # the reader should know the map leaned towards a home area
        title += f" (home area: {home.name})"
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        from geo.html_map import to_html

        kwargs = {"tiles": args.tiles} if args.tiles else {}
        Path(output).write_text(to_html(source, title=title, **kwargs), encoding="utf-8")
    elif fmt in ("png", "svg"):
        from geo import corpus, static_map
        from geo.records import CorpusMap

        writer = corpus if isinstance(source, CorpusMap) else static_map
        render = writer.to_png if fmt == "png" else writer.to_svg
        Path(output).write_bytes(render(source, title=title, width=args.width, height=args.height, dpi=args.dpi))
    else:
        from geo.geojson import dumps_geojson

        Path(output).write_text(dumps_geojson(source, indent=1), encoding="utf-8")
    return output


def _format_from_suffix(path: str | None) -> str | None:
    if not path or path == "-":
        return None
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"htm": "html", "json": "geojson"}.get(suffix, suffix) if suffix else None


def _keep(document):
    return document


class _Failures:
    """Counts what a run could not map and says so, one line each, on stderr."""

    def __init__(self) -> None:
        self.failed = 0
        self.mapped = 0

    def report(self, error) -> None:
        self.failed += 1
        where = error.location if error.id is None else f"{error.location} (id {error.id})"
        print(f"geo: skipped {where}: {error.reason}", file=sys.stderr)

    def exit_code(self) -> int:
        if not self.failed:
            return 0
        total = self.failed + self.mapped
        print(f"geo: {self.mapped} of {total} documents mapped, {self.failed} failed", file=sys.stderr)
        return EXIT_SOME_FAILED if self.mapped else 2


def _reading_options(args: argparse.Namespace) -> dict:
    if args.max_chars < 0:
        raise InputError(f"--max-chars must be 0 (no limit) or more, got {args.max_chars!r}")
    return {"encoding": args.encoding, "text_field": args.text_field, "id_field": args.id_field,
            "max_chars": args.max_chars or None}


def cmd_extract(args: argparse.Namespace) -> int:
    from geo import tables
    from geo.batch import AUTO, default_jobs, map_each
    from geo.gazetteer import default_gazetteer
    from geo.inputs import read_documents
    from geo.records import SourceError

    if args.format not in EXTRACT_FORMATS:
        raise UnknownNameError("extract format", args.format, EXTRACT_FORMATS)
    if args.jobs is None:
        jobs = AUTO  # workers only for an input big enough to repay starting them
    elif args.jobs < 0:
        raise InputError(f"--jobs must be 0 (one per CPU) or more, got {args.jobs!r}")
    else:
        jobs = args.jobs or default_jobs()
    options = _reading_options(args)
    home = _home(args)
    items = read_documents(args.input, **options)
    first = next(items, None)  # a missing file or an empty folder fails here, before any output is opened
    if first is None:
        raise InputError(f"{args.input}: no documents")
    failures = _Failures()

    def results(render, outlines=False):
        for result in map_each(itertools.chain([first], items), render=render, jobs=jobs, outlines=outlines,
                               gazetteer=default_gazetteer(), home=home):
            if isinstance(result, SourceError):
                failures.report(result)
            else:
                failures.mapped += 1
                yield result

    out = _open_output(args.output)
    try:
        if args.format == "jsonl":
            # One line per document, flushed as it is done: a long run loses nothing on interrupt.
            for record in results(tables.extract_record):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
        elif args.format == "json":
            json.dump([tables.to_json_document(d) for d in results(_keep)], out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif args.format == "csv":
            tables.write_csv(results(_keep), out)
        else:
            from geo.geojson import to_geojson

            features = [f for d in results(_keep, outlines=True) for f in to_geojson(d)["features"]]
            json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return failures.exit_code()


def cmd_batch(args: argparse.Namespace) -> int:
    from geo.batch import run_batch
    from geo.gazetteer import Gazetteer
    from geo.progress import Progress
    from geo.inputs import estimated_characters

    if args.jobs is not None and args.jobs < 0:
        raise InputError(f"--jobs must be 0 (one per CPU) or more, got {args.jobs!r}")
    options = _reading_options(args)
    home = _home(args)
    gazetteer = Gazetteer(cache_dir=args.cache_dir)
    if args.input != "-" and not Path(args.input).exists():  # before a cluster is started for nothing
        raise FileNotFoundError(f"{args.input}: no such file")
    runner = None
    if args.dask:
        from geo.dask import shard_runner

        runner = shard_runner(args.dask, cache_dir=args.cache_dir)
    progress = Progress(mode="quiet" if args.quiet else None,
                        total_chars=estimated_characters(args.input) if Path(args.input).exists() else None)
    try:
        manifest = run_batch(args.input, args.output, shard_format=args.format, shard_size=args.shard_size,
                             jobs=args.jobs or None, runner=runner, overwrite=args.overwrite, home=home,
                             gazetteer=gazetteer, progress=progress, **options)
    finally:
        progress.close()
        if runner is not None:
            runner.close()
    mapped, failed = manifest.get("mapped", 0), manifest.get("failed", 0)
    total = mapped + failed
    resumed = f" ({manifest['resumed_shards']} already done)" if manifest["resumed_shards"] else ""
    errors = f", {failed} failed (see {Path(args.output) / '_errors.jsonl'})" if failed else ""
    print(f"geo batch: {mapped} of {total} documents mapped{errors}; {manifest['shards']} shard{'' if manifest['shards'] == 1 else 's'}{resumed} in "
          f"{args.output}, {manifest['seconds']:.1f} s", file=sys.stderr)
    if not failed:
        return 0
    return EXIT_SOME_FAILED if mapped else 2


def _place_row(place) -> dict:
    return {
        "place_id": place.id,
        "name": place.name,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
    }


def _print_table(rows: list[dict], columns: list[str]) -> None:
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for r in rows:
        print("  ".join(str(r[c]).ljust(widths[c]) for c in columns))


def cmd_lookup(args: argparse.Namespace) -> int:
    from geo.gazetteer import default_gazetteer

    if args.limit < 1:
        raise InputError(f"--limit must be at least 1, got {args.limit!r}")
    places = default_gazetteer().lookup(args.name, limit=args.limit)
    if not places:
        print(f"geo: no place named {args.name!r} in the gazetteer", file=sys.stderr)
        return 1
    rows = [_place_row(p) for p in places]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        _print_table(rows, ["place_id", "name", "kind", "lat", "lon", "country_code", "admin1", "population"])
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from geo.gazetteer import default_gazetteer

    info = default_gazetteer().info()
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=1))
    else:
        for key, value in info.items():
            if isinstance(value, dict):
                print(f"{key}:")
                for k, v in value.items():
                    print(f"  {k:<12} {v:>9,}" if isinstance(v, int) else f"  {k:<12} {v}")
            else:
                print(f"{key:<14} {value:,}" if isinstance(value, int) else f"{key:<14} {value}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from geo import evaluate, tables
    from geo.gazetteer import default_gazetteer
    from geo.pipeline import map_text

    if not Path(args.gold).exists():
        raise FileNotFoundError(f"{args.gold}: no such file")
    gold = evaluate.load_gold(args.gold)
    gazetteer = default_gazetteer()

    def extract(doc_id: str, text: str) -> dict:
        return tables.extract_record(map_text(text, gazetteer=gazetteer, doc_id=doc_id, outlines=False))

    scores = evaluate.evaluate(gold, extract)
    if args.format == "json":
        print(json.dumps(scores.as_dict(), indent=1))
    else:
        print(evaluate.format_table(scores))
    return 0


# ---------------------------------------------------------------- parser


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    from geo.inputs import DEFAULT_MAX_CHARS

    p.add_argument("--encoding", default="auto", help="text encoding of INPUT (default auto: a byte-order mark "
                   "says UTF-8, UTF-16 or UTF-32, else UTF-8)")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="the JSONL field or Parquet column holding the text (default text)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="the JSONL field or Parquet column holding the id (default id; else the line or row number)")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"report documents longer than N characters instead of mapping them "
                   f"(default {DEFAULT_MAX_CHARS:,}; 0 = no limit)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geo", description="Find the places a text names and map them, offline."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("map", help="map the places a text names (HTML, PNG, SVG or GeoJSON)",
                       description="Map the places a text names, or every place a corpus (a folder, a .jsonl or a .parquet file) names, "
                       "markers sized by the number of documents. The default output is maps/<input stem>.html.")
    p.add_argument("input", metavar="INPUT", help="a text file or - (standard input): one document; a folder, or a "
                   ".jsonl(.gz) or .parquet file of {\"id\", \"text\", \"title\"} records: one map of every place "
                   "the documents name")
    p.add_argument("-o", "--output", help="output file (its extension may imply --format)")
    p.add_argument("--format", choices=MAP_FORMATS, help="output format (default: from -o, else html)")
    p.add_argument("--title", help="map title (default: the input's name)")
    p.add_argument("--tiles", choices=("osm",), help="use web map tiles (needs network); default: offline outlines")
    p.add_argument("--width", type=float, default=10.0, help="PNG/SVG width in inches (default 10)")
    p.add_argument("--height", type=float, default=6.0, help="PNG/SVG height in inches (default 6)")
    p.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    p.add_argument("--encoding", default="auto", help="text encoding of INPUT (default auto: a byte-order mark "
                   "says UTF-8, UTF-16 or UTF-32, else UTF-8)")
    p.add_argument("--near", metavar="PLACE", help="the readers' home area, e.g. \"Tennessee\" or \"Columbus, Ohio\": "
                   "ambiguous names lean towards it (a local paper's \"Paris\")")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="corpus input: the JSONL field or Parquet column holding the text (default text)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="corpus input: the field holding the document id (default id; else the line or row number)")
    p.add_argument("--title-field", default="title", metavar="NAME",
                   help="corpus input: the field holding the document title the popups show (default title; "
                   "else the id)")
    p.set_defaults(handler=cmd_map)

    p = sub.add_parser("extract", help="list every place mention as JSONL, JSON, GeoJSON or CSV",
                       description="Extract place mentions from a text file, a folder of .txt files, a .jsonl "
                       "file of {\"id\", \"text\"} records, or - (standard input, text or jsonl).")
    p.add_argument("input", metavar="INPUT", help="a text file, folder, .jsonl(.gz) or .parquet file, or -")
    p.add_argument("--format", default="jsonl", help="jsonl (default), json, geojson or csv")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    _add_reading_options(p)
    p.add_argument("--jobs", type=int, default=None,
                   help="worker processes (default: one per CPU for inputs over 200 kB, else 1; 0 = one per CPU)")
    p.add_argument("--near", metavar="PLACE", help="the readers' home area, e.g. \"Tennessee\" or \"Columbus, Ohio\": "
                   "ambiguous names lean towards it (a local paper's \"Paris\")")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("batch", help="map an archive into a folder of shards, resumably, here or on Dask",
                       description="Map every document of INPUT (a text file, a folder, .jsonl(.gz) or .parquet) into "
                       "OUTDIR: part-NNNNN.jsonl shards (the geo extract --format jsonl records), _errors.jsonl and a "
                       "_SUCCESS manifest. Rerun the same command to finish an interrupted run. Exit 0: all mapped; "
                       "3: finished, some documents failed (see _errors.jsonl); 2: bad input, or nothing mapped.")
    p.add_argument("input", metavar="INPUT", help="a text file, folder, .jsonl(.gz) or .parquet file")
    p.add_argument("-o", "--output", metavar="OUTDIR", required=True, help="the output folder")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="shard format (default jsonl)")
    p.add_argument("--shard-size", type=int, default=1000, metavar="N", help="documents per shard (default 1000)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default 0: one per CPU; 1: this process)")
    p.add_argument("--dask", metavar="ADDRESS", help="map the shards on a Dask cluster (a scheduler address, or "
                   "'local' for a LocalCluster here); needs pip install 'geo[dask]'")
    p.add_argument("--cache-dir", metavar="DIR", help="where the gazetteer index is built and kept (default "
                   "$GEO_CACHE_DIR, else ~/.cache/geo); on a cluster, a folder on each worker's machine")
    p.add_argument("--overwrite", action="store_true", help="start again in an OUTDIR that holds another run")
    p.add_argument("--quiet", action="store_true", help="no progress bar or progress lines")
    _add_reading_options(p)
    p.add_argument("--near", metavar="PLACE", help="the readers' home area (as for extract)")
    p.set_defaults(handler=cmd_batch)

    p = sub.add_parser("lookup", help="show the gazetteer's places for a name",
                       description="Show the places a name could refer to, best prior first.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--limit", type=int, default=10, help="at most this many places (default 10)")
    p.add_argument("--format", choices=TABLE_FORMATS, default="table")
    p.set_defaults(handler=cmd_lookup)

    p = sub.add_parser("info", help="what the bundled gazetteer holds", description="Counts of the bundled gazetteer.")
    p.add_argument("--format", choices=TABLE_FORMATS, default="table")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("evaluate", help="score geo against a gold JSONL corpus",
                       description="Run geo on a gold corpus (only id and text reach the pipeline) and print "
                       "recognition P/R/F1, acc@161 km, mean/median error and AUC.")
    p.add_argument("gold", metavar="GOLD.jsonl")
    p.add_argument("--format", choices=TABLE_FORMATS, default="table")
    p.set_defaults(handler=cmd_evaluate)
    return parser


def run(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv``; return the exit code (tests call this in-process)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.handler(args)
    except FileNotFoundError as exc:
        print(f"geo: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    except (InputError, UnknownNameError) as exc:
        print(f"geo: {exc}", file=sys.stderr)
        return 2
    except GeoError as exc:
        print(f"geo: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `geo extract ... | head` closes our stdout early: not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a folder without write permission: one line, not a traceback
        print(f"geo: {str(exc.filename) + ': ' if exc.filename else ''}{exc.strerror or exc}", file=sys.stderr)
        return 1


def main() -> None:
    sys.exit(run())
