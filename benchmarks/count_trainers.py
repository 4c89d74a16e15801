"""The trainers' ratios of bench_trainers.py Part 1, counted in CPU instructions instead of seconds.

Wall-clock ratios on a shared machine move by a few per cent between runs (see README.md); an instruction count does
not: valgrind's callgrind counts every instruction the interpreter and torch execute for one training run, the same
on every run of the same code. ``torch.utils.benchmark.Timer.collect_callgrind`` runs each statement in a fresh
process under callgrind after its set-up (imports and two warm-up runs, not counted) and returns the count.
Instructions are not time (cache misses and branch mispredictions cost more than an instruction), so this is a check
on the wall-clock figures, not a replacement for them; the targets stay on bench_trainers.py's wall-clock ratios.

The lecture's candidates are ``main`` of its two programs as written (``lecture_loops.py``), which run their own
1000 epochs, so every candidate runs 1000 epochs (before the programs replaced rewritten loops, the default was 300).

Needs ``valgrind`` (Debian: ``apt-get install valgrind``). Each count takes several minutes (callgrind runs Python
about 50 times slower; at 300 epochs one took one to three); two run at a time.
Run: ``python benchmarks/count_trainers.py``.
"""

import argparse
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_trainers import TARGETS  # the same four candidates' names

ROOT = Path(__file__).resolve().parents[1]
EPOCHS = 1000  # the programs' num_epochs, as the note

SETUP = """
import sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
import bp_core
from lecture_loops import lecture_autograd, lecture_manual
line, seed = bp_core.Line(), bp_core.seed_line()
for _ in range(2):
    {stmt}
"""

CANDIDATES = {  # the lecture's programs run their own 1000 epochs (num_epochs = 1000, as the note): so does bp_core
    "lecture manual program": "lecture_manual()",
    "bp_core manual": f"bp_core.train(line, seed, 'manual', 0.01, {EPOCHS})",
    "lecture autograd program": "lecture_autograd()",
    "bp_core autograd": f"bp_core.train(line, seed, 'autograd', 0.01, {EPOCHS})",
}


def count(stmt: str) -> int:
    from torch.utils.benchmark import Timer

    setup = SETUP.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), stmt=stmt)
    stats = Timer(stmt, setup=setup).collect_callgrind(number=1, collect_baseline=False)
    return int(stats.counts(denoise=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("count_trainers.py needs valgrind (apt-get install valgrind); nothing was counted")
    # collect_callgrind starts `python` from PATH: make it this interpreter (a virtual environment's, say)
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = dict(zip(CANDIDATES, pool.map(count, CANDIDATES.values())))
    print(f"Instructions for one training run of the lecture's line, {EPOCHS} epochs (callgrind, set-up and "
          "warm-up not counted):")
    for name, n in counts.items():
        print(f"  {name:<24} {n / 1e6:9.2f} M  ({n / EPOCHS / 1e3:6.1f} k per epoch)")
    for label, top, bottom, target in TARGETS:
        ratio = counts[top] / counts[bottom]
        print(f"{label} = {ratio:.3f} in instructions (the wall-clock target, <= {target:g}, is bench_trainers.py's)")


if __name__ == "__main__":
    main()
