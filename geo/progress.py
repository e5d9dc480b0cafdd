"""How far a batch run is: a tqdm bar on a terminal, a line every so often in a log, or nothing.

>>> import io
>>> log = io.StringIO()
>>> progress = Progress(stream=log, interval=0)
>>> progress.advance({"documents": 10, "failed": 1, "characters": 2_000_000})
>>> progress.close()
>>> print(log.getvalue().splitlines()[0][:47])
geo batch: 10 documents, 2.0 MB of text, 1 fail
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

__all__ = ["Progress"]

#: Seconds between two log lines when stderr is not a terminal.
LOG_INTERVAL = 30.0


class Progress:
    """Counts documents, characters and failures as shards finish, and shows them.

    ``mode``: "bar" (tqdm: documents, characters a second, ETA when ``total_chars`` is
    known), "log" (one line every ``interval`` seconds and one at the end), "quiet";
    default: a bar when ``stream`` is a terminal, else log lines.
    """

    def __init__(self, *, stream: IO[str] | None = None, mode: str | None = None, total_chars: int | None = None,
                 interval: float | None = None):
        self.stream = stream if stream is not None else sys.stderr
        if mode is None:
            mode = "bar" if _is_terminal(self.stream) else "log"
        if mode not in ("bar", "log", "quiet"):
            raise ValueError(f"progress mode must be bar, log or quiet, got {mode!r}")
        self.mode, self.total_chars = mode, total_chars
        self.interval = LOG_INTERVAL if interval is None else interval
        self.documents = self.failed = self.characters = 0
        self._resumed_chars = 0  # done by an earlier run: counted, but not in the rate
        self.started = self._last = time.monotonic()
        self._bar = None
        self._closed = False
        if mode == "bar":
            from tqdm import tqdm

            # Characters are the honest unit of work (a long text costs more): the bar counts
            # them; documents and failures go in its postfix.
            self._bar = tqdm(total=total_chars, unit="char", unit_scale=True, file=self.stream,
                             desc="geo batch", dynamic_ncols=True, mininterval=0.5)

    def advance(self, counts: dict[str, Any], *, resumed: bool = False) -> None:
        """A shard is done (``resumed``: was done by an earlier run): add its counts."""
        self.documents += counts.get("documents", 0)
        self.failed += counts.get("failed", 0)
        chars = counts.get("characters", 0)
        self.characters += chars
        if resumed:
            self._resumed_chars += chars
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.documents:,} docs, {self.failed:,} failed", refresh=False)
            self._bar.update(chars)
        elif self.mode == "log" and time.monotonic() - self._last >= self.interval:
            self._log()

    def _log(self, closing: bool = False) -> None:
        self._last = now = time.monotonic()
        seconds = max(now - self.started, 1e-9)
        line = (f"geo batch: {self.documents:,} documents, {self.characters / 1e6:.1f} MB of text, {self.failed:,} failed, "
                f"{(self.characters - self._resumed_chars) / seconds / 1e6:.2f} MB/s, {seconds:.0f} s")
        if self.total_chars and not closing:  # an estimate (JSON counted too): no share on the last line
            line += f", {min(self.characters / self.total_chars, 1):.0%}"
        print(line, file=self.stream, flush=True)

    def close(self) -> None:
        """The last word: the bar closed at its end, or a closing log line (once, however often called)."""
        if self._closed:
            return
        self._closed = True
        if self._bar is not None:
            if self._bar.total and self._bar.n < self._bar.total:  # the estimate counted JSON too: end at 100 %
                self._bar.total = self._bar.n
                self._bar.refresh()
            self._bar.close()
            self._bar = None
        elif self.mode == "log" and self.documents:  # nothing done (an early error): nothing to say
            self._log(closing=True)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
