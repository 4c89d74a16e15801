"""Speed of bp_core's trainers against the lecture's programs and against floors, measured in one process.

Part 1, the lecture's line (4 points, 1000 epochs, lr 0.01): interleaved rounds after warm-up rounds, the figure is
the median over rounds of each whole training run (history included for bp_core; for the lecture, ``main`` of its
program as written, set-up and prints included, the prints caught in a list); a ratio is the median over rounds of
the two runs' ratio within the round, so slow drift from other work on the machine cancels. Targets (issue 8):
bp_core manual / lecture manual program (bp.py, gradients on) <= 0.5; bp_core autograd / lecture autograd program
(bp_pytorch.py) <= 0.9. Floors beside them: the same manual arithmetic in NumPy and in plain Python; every
trainer's ratio to each.
Part 2, the line on N = 1,000,000 points: each method's median time per epoch (the trainer's own clock) against
bandwidth floors measured in the same run: a torch copy (read + write once) of the tensors one hand-derived epoch
must touch ([x, 1], y, pred, pred - y, dL/dpred: 6N float32), and, for scale, of the data alone (x, y: 2N, which fits
in this CPU's 32 MiB L3 cache, while an epoch's tensors do not). Target: the hand-derived line within 3x of the first.
Run: ``python benchmarks/bench_trainers.py [--repeats 41] [--big-epochs 20]``.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from floors import copy_floor_seconds, numpy_manual, python_manual  # noqa: E402
from lecture_loops import lecture_autograd, lecture_manual  # noqa: E402

import bp_core  # noqa: E402

TARGETS = (  # issue 8: (label, candidate, reference, target ratio)
    ("bp_core manual / lecture manual program", "bp_core manual", "lecture manual program", 0.5),
    ("bp_core autograd / lecture autograd program", "bp_core autograd", "lecture autograd program", 0.9),
)


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def interleaved(candidates: dict, repeats: int, warmup: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Run each candidate once per round, ``warmup`` rounds unrecorded, then ``repeats`` rounds; return the wall and
    CPU samples, one per round."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    wall = {name: [] for name in candidates}
    cpu = {name: [] for name in candidates}
    for _ in range(repeats):
        for name, fn in candidates.items():
            seconds, cpu_seconds = timed(fn)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    return wall, cpu


def paired_ratio(samples: dict[str, list[float]], top: str, bottom: str) -> float:
    """Median over rounds of top / bottom measured in the same round (drift from other work cancels)."""
    return statistics.median(a / b for a, b in zip(samples[top], samples[bottom]))


def verdict(ratio: float, target: float) -> str:
    return f"(target <= {target:g}: {'met' if ratio <= target else 'NOT met'})"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def lecture_line(args) -> None:
    line, seed = bp_core.Line(), bp_core.seed_line()
    mlp, adder = bp_core.MLP(), bp_core.half_adder()
    candidates = {
        "lecture manual program": lecture_manual,  # bp.py's main(): 1000 epochs, lr 0.01, as written
        "bp_core manual": lambda: bp_core.train(line, seed, "manual", 0.01, 1000),
        "lecture autograd program": lecture_autograd,  # bp_pytorch.py's main()
        "bp_core autograd": lambda: bp_core.train(line, seed, "autograd", 0.01, 1000),
        "NumPy manual loop": lambda: numpy_manual(1000, 0.01),
        "plain-Python manual loop": lambda: python_manual(1000, 0.01),
    }
    samples, cpu = interleaved(candidates, args.repeats, args.warmup)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"Part 1: the lecture's line, 1000 epochs; {args.repeats} interleaved rounds after {args.warmup} warm-up "
          "rounds, median (min-max):")
    for name, values in samples.items():
        print(f"  {name:<26} {medians[name] * 1e3:9.2f} ms   ({min(values) * 1e3:.2f}-{max(values) * 1e3:.2f})")
    for label, top, bottom, target in TARGETS:
        ratio = paired_ratio(samples, top, bottom)
        print(f"{label} = {ratio:.3f}  {verdict(ratio, target)}   [same ratio in CPU time: "
              f"{paired_ratio(cpu, top, bottom):.3f}; ratio of wall medians: {medians[top] / medians[bottom]:.3f}]")
    print("Against the floors (the same manual arithmetic without torch):")
    for name in ("lecture manual program", "bp_core manual", "lecture autograd program", "bp_core autograd"):
        print(f"  {name:<26} {medians[name] / medians['NumPy manual loop']:7.1f}x NumPy, "
              f"{medians[name] / medians['plain-Python manual loop']:7.1f}x plain Python")
    # the half adder apart: its runs take 5 s a round, and between the line's rounds they would stretch the time
    # over which the line's candidates drift apart
    adder_runs = {"manual": lambda: bp_core.train(mlp, adder, "manual", 1.0, 5000),
                  "autograd": lambda: bp_core.train(mlp, adder, "autograd", 1.0, 5000)}
    adder, _ = interleaved(adder_runs, args.adder_repeats, 1)
    print(f"half adder 2-3-2, 5000 epochs, {args.adder_repeats} interleaved rounds: manual / autograd = "
          f"{paired_ratio(adder, 'manual', 'autograd'):.3f}")


def million_points(args) -> None:
    # one thread: on a shared 2-core machine a second intra-op thread waits for a core another process holds, and a
    # 24 MB copy then took 8 ms with 2 threads against 0.9-5.8 ms with 1 (seen); the dashboard runs with 1 too
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        _million_points(args)
    finally:
        torch.set_num_threads(threads)


def _million_points(args) -> None:
    n = 1_000_000
    x = torch.linspace(0, 1, n).reshape(n, 1)
    data = bp_core.make_dataset(x, 2 * x + 1)
    line = bp_core.Line()
    # the bytes one hand-derived epoch must read and write: [x, 1] (2N), y (N), and the three N-vectors the
    # lecture's formulas define: pred, pred - y, dL/dpred. The data alone (x, y: 2N) fits this CPU's cache.
    floors = {"epoch tensors (6N float32)": [], "data only (2N float32)": []}
    per_epoch = {"manual": [], "autograd": []}
    for _ in range(args.big_repeats):
        floors["epoch tensors (6N float32)"].append(copy_floor_seconds(6 * n, min_run_time=0.3))
        floors["data only (2N float32)"].append(copy_floor_seconds(2 * n, min_run_time=0.3))
        for method in per_epoch:
            result = bp_core.train(line, data, method, 0.1, args.big_epochs, record_params="all")
            per_epoch[method].append(float(statistics.median(result.epoch_seconds[1:])))  # epoch 0 warms up
    floor = {name: statistics.median(values) for name, values in floors.items()}
    print(f"Part 2 (1 torch thread): the line on N = {n:,} points, {args.big_epochs} epochs, median of "
          f"{args.big_repeats} rounds; "
          f"bandwidth floors, torch copy (Timer) of the bytes an epoch must read and write:")
    for name, seconds in floor.items():
        print(f"  floor, {name:<28} {seconds * 1e3:8.2f} ms")
    main_floor = floor["epoch tensors (6N float32)"]
    for method, values in per_epoch.items():
        seconds = statistics.median(values)
        ratio = seconds / main_floor
        target = f"  {verdict(ratio, 3)}" if method == "manual" else ""
        print(f"  {method:<8} {seconds * 1e3:8.2f} ms per epoch = {ratio:.2f}x the epoch-tensors floor "
              f"({seconds / floor['data only (2N float32)']:.1f}x the data-only floor){target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=41)
    parser.add_argument("--adder-repeats", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--big-epochs", type=int, default=20)
    parser.add_argument("--big-repeats", type=int, default=5)
    args = parser.parse_args()
    for name, least in (("repeats", 1), ("adder_repeats", 1), ("big_epochs", 2), ("big_repeats", 1)):
        if getattr(args, name) < least:  # big epochs: the first warms up and is left out of the median
            parser.error(f"--{name.replace('_', '-')} must be at least {least}, got {getattr(args, name)}")
    if args.warmup < 0:
        parser.error(f"--warmup must be 0 or more, got {args.warmup}")
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {load()}")
    lecture_line(args)
    million_points(args)
    print(f"done, {load()}")


if __name__ == "__main__":
    main()
