import inspect
import io
import sys
import types
from pathlib import Path

import memory_profiler
import pandas as pd
import pytest
from lecture_golden import AUTOGRAD_B, AUTOGRAD_W, LOSS_LINES, MANUAL_B, MANUAL_W

import bp_core
from bp_core import lecture, measure
from bp_core.__main__ import main
from bp_core.measure import lecture_profile
from bp_core.measure.lecture_profile import COLUMNS, lecture_memory_profile

HEADER = "Line #    Mem usage    Increment  Occurrences   Line Contents"
PROGRAMS = {"manual": "bp", "autograd": "bp_pytorch"}  # the note's bp.py by hand, bp_pytorch.py with autograd
FINAL_LINES = {"manual": [f"최종 학습된 가중치 w: {MANUAL_W}", f"최종 학습된 편향 b: {MANUAL_B}"],
               "autograd": [f"최종 학습된 가중치 w: {AUTOGRAD_W}", f"최종 학습된 편향 b: {AUTOGRAD_B}"]}


@pytest.fixture(scope="module")
def profiled():
    """One profile of both programs, and the progress calls it made."""
    calls = []
    profile = lecture_memory_profile(progress=lambda done, total: calls.append((done, total)))
    return profile, calls


@pytest.fixture(scope="module")
def profile(profiled):
    return profiled[0]


def row(table: pd.DataFrame, code: str) -> pd.Series:
    """The one row whose statement (comment and indentation aside) is ``code``."""
    statements = table["Line Contents"].str.replace(r"\s+#.*$", "", regex=True).str.strip()
    (index,) = table.index[statements == code]
    return table.loc[index]


def expected_occurrences(line: str) -> int:
    """How often memory_profiler counts ``line`` of the note's main() in one run (1000 epochs, as the note)."""
    code, indent = line.strip(), len(line) - len(line.lstrip())
    if not code or code.startswith("#"):
        return 0  # blank lines and comment lines never run
    if code.startswith("for epoch in range(num_epochs):"):
        return 1001  # the last check of the range ends the loop
    if code.startswith("with torch.no_grad():"):
        return 2000  # Python 3.11 reports the with line again when the block exits (__exit__)
    if code.startswith("print(f'Epoch"):
        return 10  # every 100 epochs
    return 1000 if indent >= 8 else 1  # the loop's statements; the def, the set-up and the final prints


def test_tables_are_main_of_the_notes_programs_line_for_line_from_their_files(profile):
    for method, program in PROGRAMS.items():
        table = profile.tables[method]
        source, start = inspect.getsourcelines(lecture.PROGRAMS[program].main)
        assert table.columns.tolist() == COLUMNS
        assert table["Line #"].tolist() == list(range(start, start + len(source)))
        assert table["Line Contents"].tolist() == [line.rstrip("\n") for line in source]
        assert table["Line Contents"].iloc[0] == "def main():"
        assert profile.filenames[method] == inspect.getsourcefile(lecture.PROGRAMS[program])
        assert Path(profile.filenames[method]).name == f"{program}.py"


def test_occurrences_are_the_notes_counts_for_1000_epochs(profile):
    for method in PROGRAMS:
        table = profile.tables[method]
        assert row(table, "for epoch in range(num_epochs):")["Occurrences"] == 1001
        assert row(table, "predictions = x.mm(w) + b")["Occurrences"] == 1000
        assert row(table, "if (epoch + 1) % 100 == 0:")["Occurrences"] == 1000
        assert row(table, "print(f'Epoch [{epoch + 1}/{num_epochs}], Loss: {loss.item():.4f}')")["Occurrences"] == 10
        for setup in ("learning_rate = 0.01", "num_epochs = 1000", 'print("최종 학습된 가중치 w:", w.item())'):
            assert row(table, setup)["Occurrences"] == 1
        assert table["Occurrences"].tolist() == [expected_occurrences(line) for line in table["Line Contents"]]
    assert row(profile.tables["manual"], "with torch.no_grad():")["Occurrences"] == 2000
    assert row(profile.tables["autograd"], "loss.backward()")["Occurrences"] == 1000
    assert row(profile.tables["autograd"], "optimizer = torch.optim.SGD([w, b], lr=learning_rate)")["Occurrences"] == 1
    assert profile.epochs == 1000


def test_memory_columns_are_mib_floats_blank_only_where_a_line_never_ran(profile):
    for table in profile.tables.values():
        assert pd.api.types.is_float_dtype(table["Mem usage"]) and pd.api.types.is_float_dtype(table["Increment"])
        assert pd.api.types.is_integer_dtype(table["Occurrences"])
        ran = table["Occurrences"] > 0
        assert table.loc[ran, ["Mem usage", "Increment"]].notna().all().all()
        assert table.loc[~ran, ["Mem usage", "Increment"]].isna().all().all()
        assert (table.loc[ran, "Mem usage"] > 10).all()  # RSS of a process that imported torch, in MiB


def test_the_programs_print_the_notes_losses_then_their_final_w_and_b(profile):
    for method in PROGRAMS:
        assert profile.printed[method].splitlines() == LOSS_LINES + FINAL_LINES[method]


def test_times_and_tensor_bytes_are_reported_for_each_method(profile):
    # No traced-vs-untraced assertion: on a shared 2-core machine timings are too noisy to order reliably.
    for method in PROGRAMS:
        assert profile.traced_seconds[method] > 0 and profile.untraced_seconds[method] > 0
        assert profile.warmup_rss_mib[method] >= -1000  # a float, possibly 0 once the one-time costs are paid
        assert profile.tensor_bytes[method] == measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), method)


def test_progress_is_called_with_methods_done_and_methods_in_all(profiled):
    assert profiled[1] == [(0, 2), (1, 2), (2, 2)]


def test_format_table_prints_exactly_what_memory_profiler_show_results_prints():
    profiler, _, printed_by_program = lecture_profile._trace("bp")
    printed = io.StringIO()
    memory_profiler.show_results(profiler, stream=printed)
    table, filename = lecture_profile._table(profiler)
    assert lecture_profile._render(table, filename) == printed.getvalue()
    assert printed.getvalue().splitlines()[:4] == [f"Filename: {inspect.getsourcefile(lecture.bp)}", "", HEADER,
                                                   "=" * len(HEADER)]
    assert printed_by_program.splitlines() == LOSS_LINES + FINAL_LINES["manual"]


def test_format_table_of_a_profile_has_the_programs_file_the_header_rule_and_one_row_per_line(profile):
    lines = profile.format_table("autograd").splitlines()
    assert lines[:4] == [f"Filename: {profile.filenames['autograd']}", "", HEADER, "=" * len(HEADER)]
    assert len([line for line in lines[4:] if line]) == len(profile.tables["autograd"])
    with pytest.raises(ValueError, match="method"):
        profile.format_table("both")


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"methods": ("x",)}, "methods"), ({"methods": "manual"}, "methods"), ({"methods": ()}, "methods"),
    ({"methods": ("manual", "manual")}, "methods"), ({"methods": None}, "methods"),
    ({"progress": "abc"}, "progress"), ({"progress": 1}, "progress"),
])
def test_bad_arguments_raise_naming_the_argument(kwargs, name):
    before = sys.gettrace()
    with pytest.raises((ValueError, TypeError), match=name):
        lecture_memory_profile(**kwargs)
    assert sys.gettrace() is before


def test_epochs_are_no_argument_any_more_the_programs_run_theirs():
    with pytest.raises(TypeError):
        lecture_memory_profile(100)


def a_tracer(frame, event, arg):
    return None


def raising_main():
    """Stands in for a program's main: runs untraced (the warm-up), raises once memory_profiler traces it."""
    if isinstance(getattr(sys.gettrace(), "__self__", None), memory_profiler.LineProfiler):
        raise RuntimeError("raised while traced")


def failing_program() -> types.ModuleType:
    """A module that stands in for bp.py: program_main gives its main this module's globals."""
    program = types.ModuleType("failing_program")
    program.__dict__.update(sys=sys, memory_profiler=memory_profiler, main=raising_main)
    return program


@pytest.mark.parametrize("previous", [None, a_tracer])
def test_the_previous_trace_function_is_back_after_the_call(previous):
    before = sys.gettrace()
    sys.settrace(previous)
    try:
        lecture_memory_profile(methods=("manual",))
        assert sys.gettrace() is previous
    finally:
        sys.settrace(before)


@pytest.mark.parametrize("previous", [None, a_tracer])
def test_the_previous_trace_function_is_back_when_the_traced_program_raises(monkeypatch, previous):
    monkeypatch.setitem(lecture.PROGRAMS, "bp", failing_program())
    before = sys.gettrace()
    sys.settrace(previous)
    try:
        with pytest.raises(RuntimeError, match="raised while traced"):
            lecture_memory_profile(methods=("manual",))
        assert sys.gettrace() is previous
    finally:
        sys.settrace(before)


def test_cli_profile_prints_both_programs_tables_what_they_printed_and_the_run_times():
    out = io.StringIO()
    assert main(["--profile"], out=out) == 0
    text = out.getvalue()
    assert text.count(HEADER) == 2 and text.count("=" * len(HEADER)) == 2
    for program in PROGRAMS.values():
        assert f"Filename: {inspect.getsourcefile(lecture.PROGRAMS[program])}\n" in text
    lines = text.splitlines()
    assert len([line for line in lines if line.endswith("   def main():")]) == 2  # each table's first row
    assert [line for line in lines if line.startswith("Epoch [")] == LOSS_LINES * 2
    assert [line for line in lines if line.startswith("최종 학습된")] == FINAL_LINES["manual"] + FINAL_LINES["autograd"]
    assert "== manual: what bp.py printed" in text and "== autograd: what bp_pytorch.py printed" in text
    for method in PROGRAMS:
        assert f"{method:>8}: traced " in text and "untraced" in text


def test_highlight_marks_rows_whose_increment_prints_above_zero_but_not_the_def_line():
    from ui.views.example_view import grown_rows

    table = pd.DataFrame({"Increment": [296.1, 0.0, 0.04, 0.3, float("nan"), -0.2]})
    assert grown_rows(table).tolist() == [False, False, False, True, False, False]
