"""Responsiveness of the dashboard's pages, measured in one process.

Cold start: from before the first import of the app's code to the first page fully drawn (AppTest run: training,
measuring and every chart), in this fresh process. Warm rerun: the same page with default settings again (results
cached), median of interleaved repeats after warm-up, against the bare time of the lecture's two programs (main() of
bp.py and bp_pytorch.py as written, 1000 epochs each; lecture_loops.py). Target (issue 3): warm rerun <= 2x that
bare time.
Teaching pages (issue 7): each page's cold first draw (its own AppTest, after the Compare page: imports are warm,
the page's own training and caches are not) and its warm rerun, interleaved with the Compare page's warm rerun in
the same rounds. Target: every page's warm rerun < 2x the Compare page's.
Backward pass (issue 17): one step of the walk (Next, then Previous, alternately) and one exercise check, warm,
interleaved with the Compare page's warm rerun. Target: each <= the Compare page's warm rerun.
Run: ``python benchmarks/bench_dashboard.py [--repeats 7]``.
"""

import argparse
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

    # the Compare page itself: since the start page became the default, a bare run() would time the start page
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).switch_page("pages/compare.py").run()
    cold_seconds = time.perf_counter() - cold_start
    if at.exception:
        raise SystemExit(f"the page raised: {at.exception[0].value}")

    from lecture_loops import lecture_autograd, lecture_manual

    def bare_loops() -> None:  # the lecture's two programs' main(), as written: 1000 epochs each
        lecture_manual()
        lecture_autograd()

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
    print(f"lecture's two programs, bare: {bare * 1e3:8.1f} ms (median of {args.repeats})")
    print(f"warm rerun, default page:     {warm * 1e3:8.1f} ms (median of {args.repeats}, "
          f"spread {min(samples['rerun']) * 1e3:.1f}-{max(samples['rerun']) * 1e3:.1f} ms)")
    ratio = warm / bare
    print(f"warm rerun / bare programs = {ratio:.2f}  (target <= 2: {'met' if ratio <= 2 else 'NOT met'})")
    teaching_pages(at, args.warmup, args.repeats)


TEACHING_PAGES = ("chain_rule", "backward", "step_by_hand", "gradient_check", "learning_rate")


def teaching_pages(compare, warmup: int, repeats: int) -> None:
    """Cold first draw of each teaching page, then warm reruns of every page and of Compare, interleaved."""
    from streamlit.testing.v1 import AppTest

    tests, cold = {"compare": compare}, {}
    for page in TEACHING_PAGES:
        start = time.perf_counter()
        tests[page] = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300).switch_page(
            f"pages/{page}.py").run()
        cold[page] = time.perf_counter() - start
        if tests[page].exception:
            raise SystemExit(f"{page} raised: {tests[page].exception[0].value}")
    samples: dict[str, list[float]] = {name: [] for name in tests}
    for round_index in range(warmup + repeats):
        for name, test in tests.items():
            start = time.perf_counter()
            test.run()
            if round_index >= warmup:
                samples[name].append(time.perf_counter() - start)
    walk = tests["backward"]
    flip = {"next": "previous", "previous": "next"}
    action = ["next"]

    def walk_step() -> None:
        walk.button(key=f"backward_{action[0]}").click().run()
        action[0] = flip[action[0]]

    def exercise_check() -> None:
        walk.text_input(key="backward.answer").set_value("0.5")
        walk.button(key="backward.check").click().run()

    interactions = {"walk step": walk_step, "exercise check": exercise_check, "compare": tests["compare"].run}
    clicks: dict[str, list[float]] = {name: [] for name in interactions}
    for round_index in range(warmup + repeats):
        for name, fn in interactions.items():
            start = time.perf_counter()
            fn()
            if round_index >= warmup:
                clicks[name].append(time.perf_counter() - start)
    warm = {name: statistics.median(times) for name, times in samples.items()}
    print(f"\nteaching pages (warm reruns interleaved with Compare's, median of {repeats}):")
    print(f"  Compare warm rerun: {warm['compare'] * 1e3:7.1f} ms")
    for page in TEACHING_PAGES:
        ratio = warm[page] / warm["compare"]
        print(f"  {page:15s} cold first draw {cold[page]:6.2f} s   warm rerun {warm[page] * 1e3:7.1f} ms "
              f"(spread {min(samples[page]) * 1e3:.1f}-{max(samples[page]) * 1e3:.1f})   / Compare = {ratio:.2f}  "
              f"(target < 2: {'met' if ratio < 2 else 'NOT met'})")
    compare_click = statistics.median(clicks["compare"])
    print(f"\nbackward pass (interleaved with Compare's warm rerun, {compare_click * 1e3:.1f} ms, "
          f"median of {repeats}):")
    for name in ("walk step", "exercise check"):
        ratio = statistics.median(clicks[name]) / compare_click
        print(f"  {name:15s} {statistics.median(clicks[name]) * 1e3:7.1f} ms   / Compare = {ratio:.2f}  "
              f"(target <= 1: {'met' if ratio <= 1 else 'NOT met'})")


if __name__ == "__main__":
    main()
