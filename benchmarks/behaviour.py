"""The behavioural suite's pass rate per capability and overall (issue 12).

Usage (from the project root)::

    python benchmarks/behaviour.py          # one line per capability, then the whole suite
    python benchmarks/behaviour.py -v       # and every failing case: what was expected, what was found
    python benchmarks/behaviour.py -k case  # only the capabilities whose name contains "case"
    python benchmarks/behaviour.py --floors # and the measured rates as floors.py lines, to raise the ratchet

The cases live in ``tests/behaviour/test_behaviour_*.py`` (one file per capability) and run
through ``geo.map_text`` with one gazetteer opened once, as the tests run them. Beside each
rate stand the ratchet floor (``tests/behaviour/floors.py``) and the issue's target.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "behaviour"))
sys.path.insert(0, str(ROOT))

from floors import FLOORS, OVERALL_FLOOR, TARGETS  # noqa: E402
from harness import failure_report, load_capabilities, pass_rate, run_cases  # noqa: E402

from geo.gazetteer import Gazetteer  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the failing cases")
    parser.add_argument("-k", metavar="TEXT", default="", help="only capabilities whose name contains TEXT")
    parser.add_argument("--floors", action="store_true", help="print the measured rates as lines for tests/behaviour/floors.py")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gazetteer = Gazetteer()
    capabilities = {name: cases for name, cases in load_capabilities().items() if args.k in name}
    if not capabilities:
        print(f"no capability matches {args.k!r}", file=sys.stderr)
        return 2
    everything = []
    rows = []
    for name, cases in capabilities.items():
        outcomes = run_cases(cases, gazetteer)
        everything.extend(outcomes)
        rows.append((name, outcomes))
    width = max(len(n) for n in capabilities)
    print(f"{'capability':<{width}}  cases  passed   rate   floor  target")
    for name, outcomes in rows:
        rate = pass_rate(outcomes)
        floor = FLOORS.get(name, 0.0)
        flag = "  BELOW FLOOR" if rate < floor else ""
        print(
            f"{name:<{width}}  {len(outcomes):5d}  {sum(o.passed for o in outcomes):6d}  {rate:6.1%}  {floor:6.1%}"
            f"  {TARGETS.get(name, TARGETS['*']):5.0%}{flag}"
        )
    total = pass_rate(everything)
    print(
        f"{'overall':<{width}}  {len(everything):5d}  {sum(o.passed for o in everything):6d}  {total:6.1%}"
        f"  {OVERALL_FLOOR:6.1%}  {TARGETS['*']:5.0%}"
    )
    if args.verbose:
        for name, outcomes in rows:
            report = failure_report(outcomes)
            if report:
                print(f"\n{name}: failing cases")
                print(report)
    if args.floors:
        # Rounded down to 0.1%, so the floor a rate sets never sits above the rate itself.
        print("\nFLOORS = {")
        for name, outcomes in rows:
            print(f'    "{name}": {math.floor(pass_rate(outcomes) * 1000) / 1000:.3f},')
        print("}")
        print(f"OVERALL_FLOOR = {math.floor(total * 1000) / 1000:.3f}")
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
