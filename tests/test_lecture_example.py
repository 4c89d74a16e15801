"""The note's extra example reconciled (bp_core.measure.lecture_example) and the sentences that state it
(ui.views.example_view): every figure against the note's (lecture_golden, LECTURE.md) or an independent computation,
every sentence built from the figures it states, ratios in the direction they are labelled."""

import numpy as np
import pandas as pd
import pytest
import torch
from lecture_golden import AUTOGRAD_B, AUTOGRAD_W, LOSSES_EVERY_100, MANUAL_B, MANUAL_W

import bp_core
from bp_core import lecture
from bp_core.lecture import note
from bp_core.measure import lecture_example
from bp_core.measure.lecture_example import LectureExample, ProgramTimes, memory_beside_note, reconcile_example
from ui.texts import TEXTS
from ui.views import example_view as view


@pytest.fixture(scope="module")
def example() -> LectureExample:
    return reconcile_example()


def steps(here: float, there: float) -> int:
    """float32 numbers between two float32 values, counted one by one (nextafter), not divided."""
    a, b = sorted((np.float32(here), np.float32(there)))
    count = 0
    while a < b:
        a = np.nextafter(a, np.float32(np.inf))
        count += 1
    return count


def test_the_notes_figures_are_its_printed_ones():
    assert note.SECONDS == {"bp": 0.8926, "bp_pytorch": 1.1261}
    assert list(note.LOSSES_EVERY_100) == LOSSES_EVERY_100
    assert (note.FINAL_W, note.FINAL_B) == (MANUAL_W, MANUAL_B)
    printed = note.printed("bp").splitlines()
    assert printed[:10] == [f"Epoch [{100 * k}/1000], Loss: {v}" for k, v in zip(range(1, 11), LOSSES_EVERY_100)]
    assert printed[10:] == [f"최종 학습된 가중치 w: {MANUAL_W}", f"최종 학습된 편향 b: {MANUAL_B}",
                            "코드 실행 시간: 0.8926 초"]
    increments = {p: [row[2] for row in note.MEMORY_TABLES[p][1:]] for p in note.MEMORY_TABLES}
    assert increments == {"bp": [0.0, 1.5, 2.8, 0.0, 3.0], "bp_pytorch": [0.0, 1.3, 2.8, 5.0, 0.0]}
    with pytest.raises(ValueError, match="program"):
        note.printed("bp.py")


def test_this_machines_run_matches_the_note_where_it_should_and_counts_the_rest(example):
    assert example.losses_match == {"manual": 10, "autograd": 10}
    assert example.final == {"manual": (MANUAL_W, MANUAL_B), "autograd": (AUTOGRAD_W, AUTOGRAD_B)}
    assert example.float32_steps_from_note("manual") == (0, 0)
    assert example.float32_steps_from_note("autograd") == (steps(AUTOGRAD_W, MANUAL_W), steps(AUTOGRAD_B, MANUAL_B))
    assert example.float32_steps_from_note("autograd") == (1, 17)


def test_the_times_and_ratios_are_the_profiles_and_run_autograd_over_by_hand(example):
    profile = example.profile
    for method, program in (("manual", "bp"), ("autograd", "bp_pytorch")):
        times = example.times[method]
        assert times.note == note.SECONDS[program]
        assert (times.traced, times.untraced) == (profile.traced_seconds[method], profile.untraced_seconds[method])
        assert 0 < times.per_epoch_median < times.untraced  # one epoch of 1000, not the program
    assert example.ratio("note") == pytest.approx(1.1261 / 0.8926) and f"{example.ratio('note'):.2f}" == "1.26"
    for timing in lecture_example.TIMINGS:
        expected = getattr(example.times["autograd"], timing) / getattr(example.times["manual"], timing)
        assert example.ratio(timing) == expected
    with pytest.raises(ValueError, match="timing"):
        example.ratio("wall")


def test_the_memory_rows_are_the_notes_beside_the_same_lines_here(example):
    for method, program in (("manual", "bp"), ("autograd", "bp_pytorch")):
        frame, table = example.memory[method], example.profile.tables[method]
        assert frame["source_line"].tolist() == [row[0] for row in note.MEMORY_TABLES[program]]
        assert frame["note_mem"].tolist() == [row[1] for row in note.MEMORY_TABLES[program]]
        assert frame["here_mem"].iloc[0] == table["Mem usage"].iloc[0]  # the @profile row is the def line
        loop = frame[frame["source_line"] == "for epoch in range(num_epochs):"]
        assert loop["here_occurrences"].tolist() == [1001] == loop["note_occurrences"].tolist()
    with_row = example.memory["manual"].query("source_line == 'with torch.no_grad():'").iloc[0]
    assert (with_row["note_occurrences"], with_row["here_occurrences"]) == (1000, 2000)


def test_memory_beside_note_refuses_an_unknown_program_and_leaves_a_missing_line_empty():
    table = pd.DataFrame({"Mem usage": [1.0], "Increment": [1.0], "Occurrences": [1], "Line Contents": ["def f():"]})
    with pytest.raises(ValueError, match="program"):
        memory_beside_note("bp.py", table)
    frame = memory_beside_note("bp", table)
    assert frame["here_occurrences"].iloc[1:].eq(0).all() and frame["here_mem"].iloc[1:].isna().all()


def test_reconcile_example_checks_progress():
    with pytest.raises(TypeError, match="progress"):
        reconcile_example(progress=3)


# ---- the sentences, on figures chosen so that a ratio turned the wrong way reads differently

def fake(manual: ProgramTimes, autograd: ProgramTimes, example: LectureExample) -> LectureExample:
    return LectureExample(example.profile, {"manual": manual, "autograd": autograd}, example.memory,
                          example.losses_match, example.final)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_time_sentences_state_autograd_over_by_hand_from_the_figures(example, lang):
    chosen = fake(ProgramTimes(0.8926, 2.0, 0.5, 1e-5), ProgramTimes(1.1261, 3.0, 2.0, 4e-5), example)
    ratios, tracer, graph, startup, _ = view.time_sentences(chosen, lang)
    assert "1.26" in ratios and "1.50" in ratios and "4.00" in ratios  # 3/2, 2/0.5, 4e-5/1e-5
    assert "0.67" not in ratios and "0.25" not in ratios
    assert "1.50" in tracer and "1.00" in tracer  # tracing added 2.0 - 0.5 and 3.0 - 2.0 s
    assert TEXTS["example_toward_one"][lang] in tracer  # 1.50 traced is nearer 1 than 4.00 untraced
    assert "4.00" in graph
    warmup = example.profile.warmup_rss_mib
    assert f"{warmup['autograd']:.1f}" in startup and f"{warmup['manual']:.1f}" in startup
    away = fake(ProgramTimes(0.8926, 1.0, 1.0, 1e-5), ProgramTimes(1.1261, 3.0, 1.1, 2e-5), example)
    assert TEXTS["example_away_from_one"][lang] in view.time_sentences(away, lang)[1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_start_up_sentence_says_the_warm_up_paid_torch_dynamos_import_only_where_it_did(example, lang):
    """In the dashboard's server torch._dynamo is imported when the server starts, so no warm-up here pays it: the
    sentence must not say one did (its memory figure is then about 0 MiB)."""
    from dataclasses import replace

    warmup = example.profile.warmup_rss_mib
    for imported, key in ((True, "example_why_startup"), (False, "example_why_startup_preloaded")):
        profile = replace(example.profile, warmup_imported_dynamo={"manual": False, "autograd": imported})
        chosen = LectureExample(profile, example.times, example.memory, example.losses_match, example.final)
        assert view.time_sentences(chosen, lang)[3] == TEXTS[key][lang].format(autograd_warmup=warmup["autograd"],
                                                                                manual_warmup=warmup["manual"])
    assert TEXTS["example_why_startup"][lang] != TEXTS["example_why_startup_preloaded"][lang]
    assert set(example.profile.warmup_imported_dynamo) == set(example.profile.methods)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_final_sentence_says_exact_only_when_no_step_separates_the_values(example, lang):
    assert view.final_sentence(example, "manual", lang) == TEXTS["example_same_final"][lang].format(
        program="bp.py", matches=10)
    other = view.final_sentence(example, "autograd", lang)  # the note prints no w, b for it: compared with bp.py's
    assert other == TEXTS["example_other_than_bp"][lang].format(program="bp_pytorch.py", matches=10, w_steps=1,
                                                                b_steps=17)
    assert ("no losses, w or b" if lang == "en" else "출력하지 않았습니다") in other


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_memory_sentences_use_both_tables_numbers(example, lang):
    baseline, increments, occurrences, others = view.memory_sentences(example, lang)
    assert "290.3 / 292.9" in baseline
    here = [example.memory[m]["here_mem"].iloc[0] for m in ("manual", "autograd")]
    assert f"{here[0]:.1f} / {here[1]:.1f}" in baseline
    assert "1.5 / 2.8 / 3.0 / 1.3 / 2.8 / 5.0" in increments
    largest = max(example.memory[m]["here_increment"].iloc[1:].max() for m in ("manual", "autograd"))
    assert f"{largest:.1f}" in increments
    assert "1000" in occurrences and "2000" in occurrences
    assert others == TEXTS["example_others_same"][lang]
    changed = example.memory["manual"].copy()
    changed.loc[changed["source_line"] == "predictions = x.mm(w) + b", "here_occurrences"] = 999
    altered = LectureExample(example.profile, example.times, {**example.memory, "manual": changed},
                             example.losses_match, example.final)
    assert "`predictions = x.mm(w) + b`" in view.memory_sentences(altered, lang)[-1]


def test_the_times_table_has_the_notes_column_before_a_run_and_all_four_after(example):
    before = view.times_frame(None, "en")
    assert before.iloc[:, 1].tolist() == pytest.approx([0.8926, 1.1261, 1.1261 / 0.8926])
    after = view.times_frame(example, "en")
    assert after.shape == (3, 5)
    assert after.iloc[2, 2] == example.ratio("traced")
    assert after.iloc[0, 4] == example.times["manual"].per_epoch_median * 1e6


def test_the_epoch_sentence_quotes_the_notes_loss_and_rows_99_and_100_of_a_run_here():
    history = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", 0.01, 1000).history["loss"]
    assert f"{history.iloc[99]:.4f}" == "0.0076"  # the note's Epoch [100/1000] is row 99
    sentence = view.epoch_sentence("en")
    assert "0.0076" in sentence and f"{history.iloc[99]:.6f}" in sentence and f"{history.iloc[100]:.6f}" in sentence


@pytest.mark.parametrize("context", [torch.no_grad, torch.inference_mode])
def test_the_autograd_program_runs_the_same_inside_a_callers_no_grad_or_inference_mode(context):
    """Issue 31 finding 6: under a caller's no_grad, bp_pytorch.py's loss.backward() raised 'element 0 of tensors
    does not require grad'; the lecture's programs now turn autograd on at their door."""
    plain = lecture.run_program("bp_pytorch")
    with context():
        inside = lecture.run_program("bp_pytorch")
    assert (inside.w, inside.b) == (plain.w, plain.b) and inside.printed == plain.printed
