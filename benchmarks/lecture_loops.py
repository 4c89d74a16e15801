"""The lecture's two programs (AI Deep Dive ch. 4), as references for the benchmarks: ``main`` of bp.py and of
bp_pytorch.py, statement for statement as the note writes them (``bp_core.lecture``), 1000 epochs, learning rate 0.01.

``lecture_manual()`` and ``lecture_autograd()`` are those ``main`` functions themselves (the same code objects),
given by ``bp_core.lecture.program_main`` with their ``print`` writing into ``PRINTED`` instead of the console, so a
benchmark's output stays its own. Each call appends the program's 12 printed lines; ``PRINTED.clear()`` empties it.
"""

from bp_core.lecture import METHOD_PROGRAMS, program_main

__all__ = ["PRINTED", "lecture_autograd", "lecture_manual"]

PRINTED: list[str] = []  # what the programs printed, every call appending to it
lecture_manual = program_main(METHOD_PROGRAMS["manual"], PRINTED)  # bp.py's main()
lecture_autograd = program_main(METHOD_PROGRAMS["autograd"], PRINTED)  # bp_pytorch.py's main()
