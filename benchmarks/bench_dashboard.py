"""Responsiveness of the Compare page, measured in one process.

Cold start: from before the first import of the app's code to the first page fully drawn (AppTest run: training,
measuring and every chart), in this fresh process. Warm rerun: the same page with default settings again (results
cached), median of interleaved repeats after warm-up, against the bare time of the lecture's two loops (1000 epochs
each, copied in lecture_loops.py). Target (issue 3): warm rerun <= 2x that bare time.
Run: ``python benchmarks/bench_dashboard.py [--repeats 7]``.
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(Path(__file__).resolve().parent)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()

    cold_start = time.perf_counter()
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    cold_seconds = time.perf_counter() - cold_start
    if at.exception:
        raise SystemExit(f"the page raised: {at.exception[0].value}")

    from lecture_loops import lecture_autograd, lecture_manual

    sink = io.StringIO()

    def bare_loops() -> None:
        lecture_manual(1000, 0.01, sink)
        lecture_autograd(1000, 0.01, sink)

    def rerun() -> None:
        at.run()

    samples = {"bare": [], "rerun": []}
    for round_index in range(args.warmup + args.repeats):
        for name, fn in (("bare", bare_loops), ("rerun", rerun)):
            start = time.perf_counter()
            fn()
            if round_index >= args.warmup:
                samples[name].append(time.perf_counter() - start)
    bare, warm = statistics.median(samples["bare"]), statistics.median(samples["rerun"])
    print(f"cold start (imports + first page fully drawn, in-process): {cold_seconds:.2f} s")
    print(f"lecture's two loops, bare:  {bare * 1e3:8.1f} ms (median of {args.repeats})")
    print(f"warm rerun, default page:   {warm * 1e3:8.1f} ms (median of {args.repeats}, "
          f"spread {min(samples['rerun']) * 1e3:.1f}-{max(samples['rerun']) * 1e3:.1f} ms)")
    ratio = warm / bare
    print(f"warm rerun / bare loops = {ratio:.2f}  (target <= 2: {'met' if ratio <= 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
