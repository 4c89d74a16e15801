"""What the lecture note prints, as data (quoted from ../shared/LECTURE.md): the figures the app sets beside this
machine's own runs. Nothing here is computed; tests/test_lecture.py checks each figure against LECTURE.md's text.
"""

from __future__ import annotations

__all__ = ["EPOCHS", "FINAL_B", "FINAL_W", "LEARNING_RATE", "LOSSES_EVERY_100", "MEMORY_TABLES", "PRINT_EVERY",
           "PRINTS_LOSSES",
           "SECONDS", "printed"]

LEARNING_RATE = 0.01
EPOCHS = 1000
PRINT_EVERY = 100
"""bp.py prints its loss when (epoch + 1) % PRINT_EVERY == 0: at epochs 100, 200, ..., 1000."""

LOSSES_EVERY_100 = ("0.0076", "0.0042", "0.0023", "0.0013", "0.0007", "0.0004", "0.0002", "0.0001", "0.0001",
                    "0.0000")
"""The loss bp.py prints in the note at epochs 100, 200, ..., 1000 (of that epoch's forward pass, before its update).
The note shows no losses for bp_pytorch.py."""

FINAL_W, FINAL_B = 2.0048611164093018, 0.9857079386711121
"""The final w and b bp.py prints in the note (by hand). The note shows no final w and b for bp_pytorch.py."""

SECONDS = {"bp": 0.8926, "bp_pytorch": 1.1261}
"""The run time each program printed: the whole program, under memory_profiler's line tracer."""

MEMORY_TABLES: dict[str, tuple[tuple[str, float, float, int], ...]] = {
    "bp": (
        ("@profile", 290.3, 290.3, 1),
        ("for epoch in range(num_epochs):", 297.6, 0.0, 1001),
        ("predictions = x.mm(w) + b", 297.6, 1.5, 1000),
        ("loss = ((predictions - y) ** 2).mean()", 297.6, 2.8, 1000),
        ("with torch.no_grad():", 297.6, 0.0, 1000),
        ("print(f'Epoch [{epoch + 1}/{num_epochs}], Loss: {loss.item():.4f}')", 297.6, 3.0, 10),
    ),
    "bp_pytorch": (
        ("@profile", 292.9, 292.9, 1),
        ("for epoch in range(num_epochs):", 301.9, 0.0, 1001),
        ("predictions = x.mm(w) + b", 301.9, 1.3, 1000),
        ("loss = loss_fn(predictions, y)", 301.9, 2.8, 1000),
        ("loss.backward()", 301.9, 5.0, 1000),
        ("print(f'Epoch [{epoch + 1}/{num_epochs}], Loss: {loss.item():.4f}')", 301.9, 0.0, 10),
    ),
}
"""The rows of the note's memory_profiler tables that move or repeat: (line, Mem usage MiB, Increment MiB,
Occurrences), and bp.py's ``with`` line. Every other line of the loop reads 0.0 MiB increment, 1000 occurrences (the
note's Python counted ``with torch.no_grad():`` 1000 times; Python 3.11 counts its entry and exit, 2000)."""


PRINTS_LOSSES = ("bp",)
"""The programs whose losses and final w and b the note shows (LECTURE.md: bp.py's only; for bp_pytorch.py it shows
its run time and its memory_profiler table, nothing else)."""


def printed(program: str) -> str:
    """What the note shows ``program`` ("bp" or "bp_pytorch") printing, line for line, rebuilt from the figures above:
    bp.py's ten losses, final w and b and run time; bp_pytorch.py's run time only.

    Examples
    --------
    >>> printed("bp").splitlines()[0], printed("bp_pytorch").splitlines()
    ('Epoch [100/1000], Loss: 0.0076', ['코드 실행 시간: 1.1261 초'])
    """
    if program not in SECONDS:
        raise ValueError(f"program must be one of {sorted(SECONDS)}, got {program!r}")
    lines = []
    if program in PRINTS_LOSSES:
        lines += [f"Epoch [{100 * (k + 1)}/{EPOCHS}], Loss: {loss}" for k, loss in enumerate(LOSSES_EVERY_100)]
        lines += [f"최종 학습된 가중치 w: {FINAL_W}", f"최종 학습된 편향 b: {FINAL_B}"]
    lines.append(f"코드 실행 시간: {SECONDS[program]:.4f} 초")
    return "\n".join(lines) + "\n"
