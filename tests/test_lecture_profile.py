import inspect
import io
import sys

import memory_profiler
import pandas as pd
import psutil
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import bp_core
from bp_core import measure
from bp_core.__main__ import main
from bp_core.measure import lecture_profile
from bp_core.measure.lecture_profile import COLUMNS, LOOPS, lecture_memory_profile
from ui.texts import TEXTS

HEADER = "Line #    Mem usage    Increment  Occurrences   Line Contents"


@pytest.fixture(scope="module", params=[100, 250])
def profile(request):
    return lecture_memory_profile(request.param)


def expected_occurrences(line: str, epochs: int) -> int:
    """How often memory_profiler counts ``line`` of the lecture's loops in a run of ``epochs``."""
    code, indent = line.strip(), len(line) - len(line.lstrip())
    if not code:
        return 0  # blank lines never run
    if code.startswith("for epoch in range(epochs)"):
        return epochs + 1  # the last check of the range ends the loop
    if code.startswith("print("):
        return epochs // 100
    if code.startswith("with torch.no_grad()"):
        return 2 * epochs  # Python 3.11 reports the with line again when the block exits (__exit__)
    return epochs if indent >= 8 else 1


def test_tables_have_the_lectures_columns_and_one_row_per_source_line_def_included(profile):
    for method in ("manual", "autograd"):
        table = profile.tables[method]
        source, start = inspect.getsourcelines(LOOPS[method])
        assert table.columns.tolist() == COLUMNS
        assert table["Line #"].tolist() == list(range(start, start + len(source)))
        assert table["Line Contents"].tolist() == [line.rstrip("\n") for line in source]
        assert table["Line Contents"].iloc[0].startswith(f"def lecture_{method}(")


def test_occurrences_equal_the_loop_counts(profile):
    for method in ("manual", "autograd"):
        table = profile.tables[method]
        expected = [expected_occurrences(line, profile.epochs) for line in table["Line Contents"]]
        assert table["Occurrences"].tolist() == expected
        printed = table[table["Line Contents"].str.strip().str.startswith("print(")]
        assert printed["Occurrences"].tolist() == [profile.epochs // 100]


def test_memory_columns_are_mib_floats_blank_only_where_a_line_never_ran(profile):
    for table in profile.tables.values():
        assert pd.api.types.is_float_dtype(table["Mem usage"]) and pd.api.types.is_float_dtype(table["Increment"])
        assert pd.api.types.is_integer_dtype(table["Occurrences"])
        ran = table["Occurrences"] > 0
        assert table.loc[ran, ["Mem usage", "Increment"]].notna().all().all()
        assert table.loc[~ran, ["Mem usage", "Increment"]].isna().all().all()
        assert (table.loc[ran, "Mem usage"] > 10).all()  # RSS of a process that imported torch, in MiB


def test_the_loops_print_the_lectures_lines(profile):
    expected = [f"Epoch [{k}/{profile.epochs}], Loss: {v}"
                for k, v in zip(range(100, profile.epochs + 1, 100), ["0.0076", "0.0042"])]
    for method in ("manual", "autograd"):
        assert profile.printed[method].splitlines() == expected


def test_times_and_tensor_bytes_are_reported_for_each_method(profile):
    # No traced-vs-untraced assertion: on a shared 2-core machine timings are too noisy to order reliably.
    for method in ("manual", "autograd"):
        assert profile.traced_seconds[method] > 0 and profile.untraced_seconds[method] > 0
        assert profile.warmup_rss_mib[method] >= -1000  # a float, possibly 0 once the one-time costs are paid
        assert profile.tensor_bytes[method] == measure.count_tensor_bytes(bp_core.Line(), bp_core.seed_line(), method)


def test_format_table_prints_exactly_what_memory_profiler_show_results_prints():
    profiler, _, _ = lecture_profile._trace(lecture_profile.lecture_manual, 100)
    printed = io.StringIO()
    memory_profiler.show_results(profiler, stream=printed)
    table, filename = lecture_profile._table(profiler)
    assert lecture_profile._render(table, filename) == printed.getvalue()
    assert printed.getvalue().splitlines()[2:4] == [HEADER, "=" * len(HEADER)]


def test_format_table_of_a_profile_has_the_header_rule_and_one_row_per_line():
    profile = lecture_memory_profile(10, methods=("autograd",))
    lines = profile.format_table("autograd").splitlines()
    assert lines[2:4] == [HEADER, "=" * len(HEADER)]
    assert len([line for line in lines[4:] if line]) == len(profile.tables["autograd"])
    with pytest.raises(ValueError, match="method"):
        profile.format_table("manual")


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"epochs": "100"}, "epochs"), ({"epochs": 1.5}, "epochs"), ({"epochs": True}, "epochs"),
    ({"epochs": 0}, "epochs"), ({"epochs": -1}, "epochs"), ({"epochs": 10**9}, "epochs"), ({"epochs": None}, "epochs"),
    ({"epochs": 5001}, "epochs"), ({"methods": ("x",)}, "methods"), ({"methods": "manual"}, "methods"),
    ({"methods": ()}, "methods"), ({"methods": ("manual", "manual")}, "methods"), ({"methods": None}, "methods"),
    ({"progress": "abc"}, "progress"), ({"progress": 1}, "progress"),
])
def test_bad_arguments_raise_naming_the_argument(kwargs, name):
    before = sys.gettrace()
    with pytest.raises((ValueError, TypeError), match=name):
        lecture_memory_profile(**{"epochs": 10, **kwargs})
    assert sys.gettrace() is before


def test_progress_is_called_with_methods_done_and_methods_in_all():
    calls = []
    lecture_memory_profile(10, methods=("autograd", "manual"), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 2), (1, 2), (2, 2)]


def a_tracer(frame, event, arg):
    return None


def fails_under_the_profiler(epochs=1000, lr=0.01, out=sys.stdout):
    """Stands in for a loop: runs untraced (the warm-up), raises once memory_profiler traces it."""
    if isinstance(getattr(sys.gettrace(), "__self__", None), memory_profiler.LineProfiler):
        raise RuntimeError("raised while traced")
    return None, None


@pytest.mark.parametrize("previous", [None, a_tracer])
def test_the_previous_trace_function_is_back_after_the_call(previous):
    before = sys.gettrace()
    sys.settrace(previous)
    try:
        lecture_memory_profile(10, methods=("manual",))
        assert sys.gettrace() is previous
    finally:
        sys.settrace(before)


@pytest.mark.parametrize("previous", [None, a_tracer])
def test_the_previous_trace_function_is_back_when_the_traced_loop_raises(monkeypatch, previous):
    monkeypatch.setitem(LOOPS, "manual", fails_under_the_profiler)
    before = sys.gettrace()
    sys.settrace(previous)
    try:
        with pytest.raises(RuntimeError, match="raised while traced"):
            lecture_memory_profile(10, methods=("manual",))
        assert sys.gettrace() is previous
    finally:
        sys.settrace(before)


def test_cli_profile_prints_both_tables_and_the_run_times():
    out = io.StringIO()
    assert main(["--profile", "--epochs", "100"], out=out) == 0
    text = out.getvalue()
    assert text.count(HEADER) == 2 and text.count("=" * len(HEADER)) == 2
    assert "def lecture_manual(" in text and "def lecture_autograd(" in text
    assert [line for line in text.splitlines() if line.startswith("Epoch [")] == ["Epoch [100/100], Loss: 0.0076"] * 2
    for method in ("manual", "autograd"):
        assert f"{method:>8}: traced " in text and "untraced" in text


def test_cli_profile_rejects_epochs_beyond_the_cap_with_exit_status_2(capsys):
    assert main(["--profile", "--epochs", "6000"], out=io.StringIO()) == 2
    assert "epochs" in capsys.readouterr().err


@pytest.fixture
def clean_cache():
    st.cache_data.clear()  # st.cache_data outlives an AppTest in one process (streamlit#9139)
    yield
    st.cache_data.clear()


def expander_page(lang):
    from ui.profile_view import lecture_profile_expander

    lecture_profile_expander(lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_expander_profiles_on_demand_and_shows_both_tables_in_each_language(clean_cache, lang):
    at = AppTest.from_function(expander_page, args=(lang,), default_timeout=60).run()
    assert not at.exception and not at.error
    assert at.expander[0].label == TEXTS["profile_title"][lang]
    assert len(at.dataframe) == 0  # nothing is profiled before the button
    children_before = {child.pid for child in psutil.Process().children(recursive=True)}
    at.number_input(key="profile_epochs").set_value(20)
    at.button(key="profile_run").click().run()
    # traced in the script thread: no sampler process forked (forks from the threaded server hung, NOTES.md)
    assert {child.pid for child in psutil.Process().children(recursive=True)} <= children_before
    assert not at.exception and not at.error
    assert len(at.dataframe) == 2
    for frame in at.dataframe:
        assert frame.value.columns.tolist() == COLUMNS
        for_line = frame.value["Line Contents"].str.strip() == "for epoch in range(epochs):"
        assert frame.value.loc[for_line, "Occurrences"].tolist() == [21]  # epochs + 1
    assert TEXTS["manual"][lang] in [m.value.strip("*") for m in at.markdown]
    assert at.session_state["profile_result"].epochs == 20
    at.run()  # a rerun without a click keeps the last profile
    assert len(at.dataframe) == 2 and not at.exception


def test_expander_turns_a_failure_into_an_error_in_the_chosen_language(clean_cache, monkeypatch):
    monkeypatch.setitem(LOOPS, "manual", fails_under_the_profiler)
    at = AppTest.from_function(expander_page, args=("ko",), default_timeout=60).run()
    at.button(key="profile_run").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("프로파일을 만들지 못했습니다")
    assert len(at.dataframe) == 0


def test_highlight_marks_rows_whose_increment_prints_above_zero_but_not_the_def_line():
    from ui.profile_view import grown_rows

    table = pd.DataFrame({"Increment": [296.1, 0.0, 0.04, 0.3, float("nan"), -0.2]})
    assert grown_rows(table).tolist() == [False, False, False, True, False, False]
