"""Speed of bp_core's trainers against the lecture's loops, measured in one process.

Interleaved repeats after a warm-up; the figure is the median over repeats of each whole training run.
Targets (issue 2): manual trainer / lecture manual loop <= 0.7; autograd trainer / lecture autograd loop <= 1.05.
Run: ``python benchmarks/bench_trainers.py [--repeats 11]``.
"""

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from lecture_loops import lecture_autograd, lecture_manual  # noqa: E402

import bp_core  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(candidates: dict, repeats: int, warmup: int) -> dict[str, float]:
    """Run each candidate once per round, ``warmup`` rounds unrecorded, then ``repeats`` rounds; return medians."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    samples = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            samples[name].append(timed(fn))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--warmup", type=int, default=2)
    args = parser.parse_args()
    sink = io.StringIO()
    line, seed = bp_core.Line(), bp_core.seed_line()
    mlp, adder = bp_core.MLP(), bp_core.half_adder()
    candidates = {
        "lecture manual loop": lambda: lecture_manual(1000, 0.01, sink),
        "bp_core manual": lambda: bp_core.train(line, seed, "manual", 0.01, 1000),
        "lecture autograd loop": lambda: lecture_autograd(1000, 0.01, sink),
        "bp_core autograd": lambda: bp_core.train(line, seed, "autograd", 0.01, 1000),
        "half adder manual": lambda: bp_core.train(mlp, adder, "manual", 1.0, 5000),
        "half adder autograd": lambda: bp_core.train(mlp, adder, "autograd", 1.0, 5000),
    }
    medians = interleaved(candidates, args.repeats, args.warmup)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, "
          f"{args.repeats} interleaved repeats after {args.warmup} warm-up rounds, medians:")
    for name, seconds in medians.items():
        print(f"  {name:<24} {seconds * 1e3:9.2f} ms")
    ratios = [
        ("seed line 1000 epochs: bp_core manual / lecture manual", "bp_core manual", "lecture manual loop", 0.7),
        ("seed line 1000 epochs: bp_core autograd / lecture autograd", "bp_core autograd", "lecture autograd loop",
         1.05),
        ("half adder 2-3-2, 5000 epochs: manual / autograd", "half adder manual", "half adder autograd", None),
    ]
    for label, top, bottom, target in ratios:
        ratio = medians[top] / medians[bottom]
        verdict = "" if target is None else f"  (target <= {target}: {'met' if ratio <= target else 'NOT met'})"
        print(f"{label} = {ratio:.3f}{verdict}")


if __name__ == "__main__":
    main()
