"""The lecture's two programs (AI Deep Dive ch. 4, the extra example), statement for statement: ``bp`` (the gradient
derived by hand) and ``bp_pytorch`` (autograd). ``run_program`` runs one and returns what it printed.

Examples
--------
>>> from bp_core import lecture
>>> run = lecture.run_program("bp")
>>> run.printed.splitlines()[0], run.w, run.b
('Epoch [100/1000], Loss: 0.0076', 2.0048611164093018, 0.9857079386711121)
"""

from __future__ import annotations

import math
import re
import time
import types
from dataclasses import dataclass

from ..grad_mode import grad_enabled
from ..limits import REAL_TEXT, ArgumentTypeError, check_choice
from . import bp, bp_pytorch

__all__ = ["METHOD_PROGRAMS", "PROGRAMS", "ProgramRun", "printed_final", "program_main", "run_program"]

PROGRAMS = {"bp": bp, "bp_pytorch": bp_pytorch}
"""The note's file names (bp.py, bp_pytorch.py) to the modules that hold them."""

METHOD_PROGRAMS = {"manual": "bp", "autograd": "bp_pytorch"}
"""Which program is which method."""


@dataclass(frozen=True)
class ProgramRun:
    """One run of a lecture program: what it printed, the final w and b it printed, and its wall time."""

    program: str  # "bp" or "bp_pytorch"
    printed: str  # every line main() printed, as the note shows them
    w: float  # parsed from its line "최종 학습된 가중치 w: ..."
    b: float  # parsed from its line "최종 학습된 편향 b: ..."
    seconds: float  # wall time of main() alone, untraced (the note times the whole script, under the profiler)


def program_main(program: str, lines: list[str]) -> types.FunctionType:
    """``main`` of ``program`` with its ``print`` writing to ``lines``: the same code object (so a line profiler
    added for it sees these runs), its own globals (so no other thread's output is caught, as redirecting
    sys.stdout would)."""
    program = check_choice("program", program, tuple(PROGRAMS))
    if not isinstance(lines, list):
        raise ArgumentTypeError(f"lines must be a list to collect printed lines, got {type(lines).__name__}")
    module = PROGRAMS[program]

    def captured(*values: object, sep: str = " ", end: str = "\n", **_: object) -> None:
        lines.append(sep.join(str(v) for v in values) + end)

    return types.FunctionType(module.main.__code__, {**vars(module), "print": captured}, "main")


@grad_enabled  # bp_pytorch.py calls loss.backward(): it runs the same inside a caller's no_grad or inference_mode
def run_program(program: str) -> ProgramRun:
    """Run ``program`` ("bp" or "bp_pytorch") once, untraced, and return what it printed, w, b and its time."""
    lines: list[str] = []
    main = program_main(program, lines)
    start = time.perf_counter()
    main()
    seconds = time.perf_counter() - start
    printed = "".join(lines)
    return ProgramRun(program, printed, *printed_final(printed), seconds)


def printed_final(printed: str) -> tuple[float, float]:
    """The final w and b a lecture program printed (its lines "최종 학습된 가중치 w: ..." and "... 편향 b: ...").

    >>> printed_final("최종 학습된 가중치 w: 2.0\\n최종 학습된 편향 b: 1.0\\n")
    (2.0, 1.0)
    """
    if not isinstance(printed, str):
        raise ArgumentTypeError(f"printed must be the str a lecture program printed, got {type(printed).__name__}")
    values = []
    for name in ("w", "b"):
        match = re.search(rf"^최종 학습된 \S+ {name}: (\S+)$", printed, re.M)
        if match is None:
            raise ValueError(f"printed holds no final {name} line (\"최종 학습된 ... {name}: ...\")")
        text = match.group(1)  # what float() would also take: nan, 1e999, Arabic-Indic digits; a program prints none
        if REAL_TEXT.fullmatch(text) is None or not math.isfinite(float(text)):
            raise ValueError(f"printed's final {name} must be a finite number in ASCII digits, got {text[:40]!r}")
        values.append(float(text))
    return values[0], values[1]
