"""Command line: ``python -m bp_core`` prints what the lecture's scripts print, then measured runtime and memory.

    python -m bp_core --method both --model line --lr 0.01 --epochs 1000
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from .cost import check_training_size
from .limits import (
    MAX_EPOCHS,
    MAX_LEARNING_RATE,
    MAX_NUMBER_TEXT,
    NATURAL_TEXT,
    REAL_TEXT,
    check_epochs,
    check_learning_rate,
    clipped,
)
from .measure import lecture_profile
from .measure.isolated import RSSSpread, rss_difference_resolvable
from .measure.memory import RSS_RESOLUTION_MIB, measure_memory
from .measure.runtime import check_runtime_size, measure_runtime
from .presets import PRESETS
from .training import TrainResult, train

_DEFAULT_MODEL = "line"
_MEASURED_EPOCHS = "--epochs (the runtime measurement: 1 warm-up + 3 repeats; --no-measure skips it)"
# what --profile leaves to the programs as written (epochs, learning rate, the line) or does not do: given with it,
# they would be ignored, so they are refused
_NOT_WITH_PROFILE = {"--epochs": "epochs", "--lr": "lr", "--model": "model", "--no-measure": "no_measure"}




def _quoted(text: str) -> str:
    return repr(clipped(text, 31, "…"))


def _real(text: str) -> float:
    """A --lr value: a finite number written with ASCII digits (no '1_0', no other scripts' digits, no 'nan')."""
    if len(text) > MAX_NUMBER_TEXT or not REAL_TEXT.fullmatch(text) or not math.isfinite(float(text)):
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a finite number written with ASCII digits "
                                         "(e.g. 0.01 or 1e-3)")
    return float(text)


def _natural(text: str) -> int:
    """An --epochs value: a whole number written with ASCII digits only."""
    if len(text) > MAX_NUMBER_TEXT or not NATURAL_TEXT.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{_quoted(text)} is not a whole number written with ASCII digits (e.g. 1000)")
    return int(text)


class _OneLineParser(argparse.ArgumentParser):
    def print_help(self, file: Any = None) -> None:  # Any: typeshed's SupportsWrite is not importable at run time
        # argparse's own print_help swallows a failed write (--help > /dev/full would exit 0): entry reports it
        (file or sys.stdout).write(self.format_help())

    def error(self, message: str) -> NoReturn:  # exits, as the base class does
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="python -m bp_core", description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--method", choices=("manual", "autograd", "both"), default="both")
    parser.add_argument("--model", choices=tuple(PRESETS), default=None,  # None: not given (--profile refuses it)
                        help="; ".join(f"{key}: {p.description}" for key, p in PRESETS.items())
                        + f" (default {_DEFAULT_MODEL})")
    defaults = ", ".join(f"{p.learning_rate:g} {key}" for key, p in PRESETS.items())
    parser.add_argument("--lr", type=_real, default=None,
                        help=f"learning rate in (0, {MAX_LEARNING_RATE:g}] (default {defaults})")
    defaults = ", ".join(f"{p.epochs} {key}" for key, p in PRESETS.items())
    parser.add_argument("--epochs", type=_natural, default=None, help=f"1..{MAX_EPOCHS} (default {defaults})")
    parser.add_argument("--no-measure", action="store_true", help="skip the runtime and memory measurements")
    parser.add_argument("--profile", action="store_true",
                        help="instead of training: the lecture's two programs (bp.py, bp_pytorch.py) as written, "
                             "under memory_profiler, line by line, as the lecture prints them (--method picks which; "
                             "not with " + ", ".join(_NOT_WITH_PROFILE) + ")")
    return parser


def _print_run(result: TrainResult, epochs: int, out: TextIO) -> None:
    step = max(1, epochs // 10)
    losses = result.history["loss"].to_numpy()
    # The lecture prints the loss of epoch k's forward pass, which is history row k - 1 (before k-th update).
    for k in range(step, epochs + 1, step):
        if k - 1 < len(losses):
            print(f"Epoch [{k}/{epochs}], Loss: {losses[k - 1]:.4f}", file=out)
    if result.diverged_at is not None:
        print(f"Diverged at epoch {result.diverged_at}: the loss became non-finite or exploded; stopped.", file=out)
    for name, value in result.params.items():
        values = value.reshape(-1).tolist()
        print(f"{name} = {values[0]!r}" if len(values) == 1 else f"{name} = {values}", file=out)
    print(f"Run time: {result.epoch_seconds.sum():.4f} s for {result.epochs_run} epochs "
          f"(+ set-up {result.setup_seconds:.4f} s)", file=out)


def _print_profile(args: argparse.Namespace, out: TextIO) -> int:
    """The lecture's memory_profiler tables of its two programs, their run times traced and untraced, tensor bytes."""
    methods = ("manual", "autograd") if args.method == "both" else (args.method,)
    profile = lecture_profile.lecture_memory_profile(methods=methods)
    for method in methods:
        program = Path(profile.filenames[method]).name
        print(f"== {method}: what {program} printed, then memory_profiler's table of its main() "
              f"({profile.epochs} epochs)", file=out)
        print(profile.printed[method] + profile.format_table(method), end="", file=out)
    print("== run time (each program once; an untraced warm-up run first) and exact tensor bytes per epoch", file=out)
    for method in methods:
        traced, untraced = profile.traced_seconds[method], profile.untraced_seconds[method]
        print(f"{method:>8}: traced {traced:.3f} s, untraced {untraced:.3f} s (x{traced / untraced:.1f}: every line "
              f"traced); warm-up RSS +{profile.warmup_rss_mib[method]:.1f} MiB; tensor bytes "
              f"{profile.tensor_bytes[method].total_bytes}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.profile:
        # `is`, not `in (None, False)`: --lr 0 and --epochs 0 equal False and are given all the same
        given = [flag for flag, name in _NOT_WITH_PROFILE.items()
                 if getattr(args, name) is not None and getattr(args, name) is not False]
        if given:
            parser.error(f"--profile runs the lecture's programs as written; it takes no {', '.join(given)}")
        return _print_profile(args, out)
    preset = PRESETS[args.model if args.model is not None else _DEFAULT_MODEL]
    model, data = preset.build()
    lr = args.lr if args.lr is not None else preset.learning_rate
    epochs = args.epochs if args.epochs is not None else preset.epochs
    methods = ("manual", "autograd") if args.method == "both" else (args.method,)
    try:
        # everything the command will do is checked before any of it starts: the runs, then the measurements
        check_learning_rate(lr), check_epochs(epochs)
        for method in methods:
            check_training_size(model, data.n_samples, epochs, (method,))
            if not args.no_measure:
                check_runtime_size(model, data.n_samples, method, epochs, argument=_MEASURED_EPOCHS)
        results = {m: train(model, data, m, lr, epochs) for m in methods}
    except ValueError as error:
        print(f"python -m bp_core: error: {error}", file=sys.stderr)
        return 2
    for method, result in results.items():
        print(f"== {method} ({'hand-derived gradients' if method == 'manual' else 'loss.backward() + SGD'})",
              file=out)
        _print_run(result, epochs, out)
    if args.no_measure:
        return 0
    print("== measured (warm-up 1, repeats 3; per-epoch median [25th-75th percentile])", file=out)
    for method in methods:
        runtime = measure_runtime(model, data, method, lr, epochs)
        median, p25, p75 = (runtime.seconds_per_epoch_median, runtime.seconds_per_epoch_p25,
                             runtime.seconds_per_epoch_p75)
        if p25 is None or median is None or p75 is None:  # every run diverged at epoch 0: no update was timed
            print(f"{method:>8}: no epoch timed (the loss was not finite at epoch 0), "
                  f"whole run {runtime.total_seconds_median * 1e3:.1f} ms", file=out)
            continue
        print(f"{method:>8}: {median * 1e6:.1f} us/epoch [{p25 * 1e6:.1f}-{p75 * 1e6:.1f}], "
              f"whole run {runtime.total_seconds_median * 1e3:.1f} ms", file=out)
    memory = measure_memory(model, data, methods, lr, epochs)
    for method, m in memory.items():
        print(f"{method:>8}: peak RSS +{m.peak_rss_delta_mib:.2f} MiB (fresh process, after warm-up; one-time "
              f"+{m.one_time_rss_mib:.1f} MiB, set-up {m.setup_seconds_cold:.2f} s), "
              f"tensor bytes {m.tensor_bytes.total_bytes} (parameters {m.tensor_bytes.parameter_bytes}, "
              f"gradients {m.tensor_bytes.gradient_bytes}, saved for backward "
              f"{m.tensor_bytes.saved_for_backward_bytes}, optimizer state {m.tensor_bytes.optimizer_state_bytes})",
              file=out)
    one_run = [RSSSpread(method, (m.peak_rss_delta_mib,)) for method, m in memory.items()]
    if len(one_run) == 2 and not rss_difference_resolvable(one_run[0], one_run[1]):
        print(f"Note: the peak-RSS difference is below what RSS resolves here ({RSS_RESOLUTION_MIB:g} MiB): treat it "
              f"as no difference.", file=out)
    return 0


def entry(argv: Sequence[str] | None = None) -> int:
    """``python -m bp_core``: ``main`` writing to standard output, which may be closed, full or a pipe its reader has
    left (``| head -1``), in any encoding. Then, as Unix tools do: one line on standard error and exit status 1, no
    traceback; Ctrl-C: one line and exit status 130 (the memory probes it started are ended)."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        print("python -m bp_core: error: standard output is closed; nothing can be printed", file=sys.stderr)
        return 1
    for stream in (sys.stdout, sys.stderr):  # a character the encoding lacks (ASCII and '…') is escaped, not fatal
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        try:
            status = main(argv, sys.stdout)
        except SystemExit as stop:  # argparse: --help and --version print, then exit; a refused flag exits 2
            status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        sys.stdout.flush()  # a full disk (> /dev/full) fails here, not at exit
        return status
    except KeyboardInterrupt:
        _quietly_flush()
        print("python -m bp_core: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        problem = "the reader of standard output closed it early (broken pipe)"
    except OSError as error:
        problem = f"cannot write to standard output: {error.strerror or error}"
    _point_stdout_at_null()
    print(f"python -m bp_core: error: {problem}", file=sys.stderr)
    return 1


def _point_stdout_at_null() -> None:
    """Nothing buffered may be written again at exit: point standard output at the null device."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _quietly_flush() -> None:
    """What was printed before Ctrl-C, written if it can be."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _point_stdout_at_null()

if __name__ == "__main__":
    sys.exit(entry())
