"""The lecture's two programs, as bp_core holds them, print what the note prints and are the note's statements."""

import inspect
import re
from pathlib import Path

import pytest
from lecture_golden import AUTOGRAD_B, AUTOGRAD_W, LOSS_LINES, MANUAL_B, MANUAL_W

from bp_core import lecture

LECTURE_MD = Path(__file__).resolve().parents[2] / "shared" / "LECTURE.md"


@pytest.mark.parametrize(("program", "w", "b"), [("bp", MANUAL_W, MANUAL_B), ("bp_pytorch", AUTOGRAD_W, AUTOGRAD_B)])
def test_each_program_prints_the_notes_losses_and_its_final_w_and_b(program, w, b):
    run = lecture.run_program(program)
    lines = run.printed.splitlines()
    assert lines[:10] == LOSS_LINES
    assert lines[10:] == [f"최종 학습된 가중치 w: {w}", f"최종 학습된 편향 b: {b}"]
    assert (run.w, run.b) == (w, b)


def _statements(source: str) -> list[str]:
    """Code lines without comments or blank lines, stripped of indentation."""
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in source.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


@pytest.mark.skipif(not LECTURE_MD.exists(), reason="shared/LECTURE.md sits beside the checkout")
@pytest.mark.parametrize("program", ["bp", "bp_pytorch"])
def test_every_statement_the_note_lists_stands_in_main_in_the_notes_order(program):
    text = LECTURE_MD.read_text()
    blocks = re.findall(r"```\n(.*?)```", text, re.S)
    setup, by_hand, autograd = blocks[0], blocks[1], blocks[2]
    body = _statements(inspect.getsource(lecture.PROGRAMS[program].main))
    expected = _statements(setup) + _statements(by_hand if program == "bp" else autograd)
    if program == "bp_pytorch":  # the note lists the autograd loop, then "the same two final prints"
        expected += _statements(by_hand)[-2:]
    positions = [body.index(statement) for statement in expected]  # raises if a statement is missing
    assert positions == sorted(positions)
    assert body[0] == "def main():"


@pytest.mark.parametrize("program", ["bp", "bp_pytorch"])
def test_the_listing_shown_as_the_notes_carries_none_of_our_comments(program):
    """Issue 28 item 3: the example page's listing is the note's statements only; our comments stay in bp_core."""
    from ui.views.example_view import program_code

    listing = program_code(program)
    assert "#" not in listing  # no comment (and no '#' in any string of these programs)
    assert "#" in inspect.getsource(lecture.PROGRAMS[program])  # ours are there, in the module
    main = _statements(inspect.getsource(lecture.PROGRAMS[program].main))
    assert [line for line in _statements(listing) if line in main] == main  # every statement, in order
