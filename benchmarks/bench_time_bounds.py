"""How long the worst call each public training function accepts takes here, against the time bound it promises
(``cost.MAX_CALL_SECONDS``, 20 s, "about 20 s here, 30 s at most"). Issue 18, item 4: the bound estimates each
epoch as a fixed cost per epoch and layer plus arithmetic per sample (``cost.epoch_seconds``), so it must hold at
both ends: tiny models over many epochs (the fixed cost dominates) and big data over few epochs (the arithmetic does).

For each shape and function, the largest epochs the function's own check accepts (``cost.check_training_size``
with the runs the function makes; found by bisection, nothing trains to decide), then the time of whole ``train``
calls at those epochs: set-up plus epochs x time per epoch, both read from calls of k and 2k epochs (medians of 3,
after a warm-up; one epoch is the same work every time, so the cost is linear in epochs). With ``--run``, each
shape's worst accepted ``train`` call is also run and timed whole. Prints every figure with met / NOT met against 30 s.
Run: ``python benchmarks/bench_time_bounds.py [--run]``. Not a test.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import torch  # noqa: E402

import bp_core  # noqa: E402
from bp_core.cost import MAX_CALL_SECONDS, check_training_size  # noqa: E402
from bp_core.limits import MAX_EPOCHS  # noqa: E402

BOUND_SECONDS = 30.0
"""The promise: a call the library accepts finishes within about 20-30 s here."""

FUNCTIONS = {  # the runs each function makes, as its own check counts them
    "train(manual)": ("manual",),
    "train(autograd)": ("autograd",),
    "compare (both methods)": ("manual", "autograd"),
    "measure_runtime (autograd, 1 warm-up + 3)": ("autograd",) * 4,
    "learning_rate_sweep (8 rates)": ("manual",) * 8,
}


def largest_accepted(model: bp_core.Model, n_samples: int, methods: tuple[str, ...]) -> int:
    """The largest epochs check_training_size accepts for these runs of ``model`` on ``n_samples`` rows."""
    low, high = 0, MAX_EPOCHS
    while low < high:
        middle = (low + high + 1) // 2
        try:
            check_training_size(model, n_samples, middle, methods)
            low = middle
        except ValueError:
            high = middle - 1
    return low


def call_cost(model: bp_core.Model, data: bp_core.Dataset, method: str, sample: int) -> tuple[float, float]:
    """(set-up seconds, seconds per epoch) of whole train calls: medians over 3 calls of ``sample`` and of
    ``2 * sample`` epochs (after one warm-up call), the difference giving the per-epoch part."""
    bp_core.train(model, data, method, 1e-6, sample)
    times: dict[int, list[float]] = {sample: [], 2 * sample: []}
    for _ in range(3):
        for epochs, taken in times.items():
            began = time.perf_counter()
            bp_core.train(model, data, method, 1e-6, epochs)
            taken.append(time.perf_counter() - began)
    short, long = (statistics.median(times[e]) for e in (sample, 2 * sample))
    per_epoch = max(long - short, 0.0) / sample
    return max(short - sample * per_epoch, 0.0), per_epoch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", action="store_true", help="also run each shape's worst accepted train call")
    run = parser.parse_args().run
    torch.set_num_threads(1)
    torch.manual_seed(0)
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    shapes = {
        "line, 4 rows (tiny, many epochs)": (bp_core.Line(), bp_core.seed_line()),
        "2-3-2 network, 4 rows (tiny, many epochs)": (bp_core.MLP(), bp_core.half_adder()),
        "2-3-3-3-3-2 network, 4 rows (deep, many epochs)": (bp_core.MLP((2, 3, 3, 3, 3, 2)), bp_core.half_adder()),
        "line, 1,000,000 rows (big, few epochs)": (bp_core.Line(), bp_core.make_dataset(
            torch.rand(1_000_000, 1), torch.rand(1_000_000, 1), 1, 1)),
        "2-256-2 network, 100,000 rows (big, few epochs)": (bp_core.MLP((2, 256, 2)), bp_core.make_dataset(
            torch.rand(100_000, 2), torch.rand(100_000, 2), 2, 2)),
        "2-256-256-256-2 network, 10,000 rows (wide, few epochs)": (bp_core.MLP((2, 256, 256, 256, 2)),
                                                                   bp_core.make_dataset(torch.rand(10_000, 2),
                                                                                        torch.rand(10_000, 2), 2, 2)),
    }
    worst = 0.0
    print(f"worst accepted call per function and shape (the bound: {MAX_CALL_SECONDS:g} s estimated; "
          f"{BOUND_SECONDS:g} s taken):")
    for label, (model, data) in shapes.items():
        sample = 1000 if data.n_samples < 1000 else 3
        setup, cost = {}, {}
        for method in ("manual", "autograd"):
            setup[method], cost[method] = call_cost(model, data, method, sample)
        estimate = {m: bp_core.cost.epoch_seconds(model, data.n_samples, m) for m in cost}
        print(f"\n{label}: per epoch of a whole call, manual {cost['manual'] * 1e6:.1f} us, autograd "
              f"{cost['autograd'] * 1e6:.1f} us (estimated {estimate['manual'] * 1e6:.1f} and "
              f"{estimate['autograd'] * 1e6:.1f} us); set-up {setup['manual'] * 1e3:.1f} and "
              f"{setup['autograd'] * 1e3:.1f} ms")
        for name, methods in FUNCTIONS.items():
            epochs = largest_accepted(model, data.n_samples, methods)
            if epochs == 0:
                print(f"  {name:42s} refused at every epoch count")
                continue
            seconds = sum(setup[m] + cost[m] * epochs for m in methods)
            worst = max(worst, seconds)
            verdict = "met" if seconds <= BOUND_SECONDS else "NOT met"
            print(f"  {name:42s} accepts up to {epochs:7d} epochs -> about {seconds:5.1f} s ({verdict})")
        if run:
            for method in ("manual", "autograd"):
                epochs = largest_accepted(model, data.n_samples, (method,))
                began = time.perf_counter()
                bp_core.train(model, data, method, 1e-6, epochs)
                taken = time.perf_counter() - began
                worst = max(worst, taken)
                print(f"  ran train({method}) at {epochs} epochs: {taken:.1f} s "
                      f"({'met' if taken <= BOUND_SECONDS else 'NOT met'})")
    print(f"\nworst accepted call, all shapes and functions: {worst:.1f} s (target <= {BOUND_SECONDS:g} s: "
          f"{'met' if worst <= BOUND_SECONDS else 'NOT met'})")


if __name__ == "__main__":
    main()
