"""notebooks/lecture.ipynb: the note section by section in bp_core, Korean and English Markdown side by side (the
start page's own recaps), each section's computation in a code cell. ``python -m ui.export.lecture`` writes it;
tests/test_notebooks.py checks the committed file is what this module builds, and executes it."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

from ui.export.notebook import build_notebook
from ui.texts import t
from ui.views.lecture_path import SECTIONS
from ui.views.start_view import section_values

__all__ = ["PATH", "lecture_notebook"]

PATH = Path(__file__).resolve().parents[2] / "notebooks" / "lecture.ipynb"
"""Where the lecture notebook lives in the repository."""

CODE = {
    1: ("import bp_core\nfrom bp_core import lecture\nfrom bp_core.lecture import note\n"
        "from bp_core.measure import scaling\n\n"
        "line, points = bp_core.Line(), bp_core.seed_line()\n"
        "step = bp_core.teaching.manual_step(line, line.init_params(), points, note.LEARNING_RATE)\n"
        "print('loss at w = b = 0:', step.loss)"),
    2: ("print('dL/dw =', step.gradient['w'].item(), ' dL/db =', step.gradient['b'].item())\n"
        "print('after one update: w =', step.new_params['w'].item(), ' b =', step.new_params['b'].item())"),
    3: ("network, adder = bp_core.MLP((2, 3, 2)), bp_core.half_adder()\nparams = network.init_params()\n"
        "print(network)"),
    4: "network.layers()",
    5: ("w1 = bp_core.chain_rule_paths(network, params, adder, 'W2[0,0]', sample=3)  # the note's w1: one path\n"
        "w1"),
    6: ("w2 = bp_core.chain_rule_paths(network, params, adder, 'W1[0,0]', sample=3)  # the note's w2: two paths\n"
        "w2"),
    7: ("walk = bp_core.teaching.backward_walk(network, params, adder, sample=3)\nprint(walk.sentence())\n"
        "nudged = bp_core.teaching.nudge(network, params, adder, 'W1[0,0]', 1e-3)\n"
        "print('loss change', nudged.change, ' gradient x epsilon', nudged.gradient * nudged.epsilon)"),
    8: ("for program in ('bp', 'bp_pytorch'):\n    run = lecture.run_program(program)\n"
        "    print(f'--- {program}.py')\n    print(run.printed, end='')\n"
        "print('the note (bp.py):', ', '.join(note.LOSSES_EVERY_100), note.FINAL_W, note.FINAL_B)\n\n"
        "table = scaling.shipped_table()  # the scaling study, measured on the machine named in its label column\n"
        "table if table is None else table.head(8)"),
}
"""Each section's computation, by the note's section number."""


def lecture_notebook() -> nbformat.NotebookNode:
    """The notebook: a bilingual title, then per section its Korean and English recap and its code."""
    values = section_values()
    cells = [new_markdown_cell("# 역전파 강의 노트를 bp_core로 / The backpropagation lecture in bp_core\n\n"
                               f"{t('nb_lecture_intro', 'ko')}\n\n{t('nb_lecture_intro', 'en')}")]
    for section in SECTIONS:
        heading = {lang: t("start_section", lang, number=section.number, title=t(section.title, lang, **values))
                   for lang in ("ko", "en")}
        cells.append(new_markdown_cell(f"## {heading['ko']} / {heading['en']}\n\n"
                                       f"{t(section.recap, 'ko', **values)}\n\n{t(section.recap, 'en', **values)}"))
        cells.append(new_code_cell(CODE[section.number]))
    return build_notebook(cells, "ko")


def main() -> int:
    PATH.parent.mkdir(exist_ok=True)
    PATH.write_text(nbformat.writes(lecture_notebook()) + "\n", encoding="utf-8")
    print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
