"""The extra-example page's pieces: the note's programs and figures (bp_core.lecture), this machine's run of them
(bp_core.measure.reconcile_example, through the server's queue: one run for every session that presses at once), and
the sentences that reconcile the two, each built from the figures it states."""

from __future__ import annotations

import ast
import inspect
import io
import tokenize
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

import bp_core
from bp_core.lecture import METHOD_PROGRAMS, PROGRAMS, note
from bp_core.limits import METHODS
from bp_core.measure import LectureExample, reconcile_example
from ui.server.queue_view import queued
from ui.server.worker import Job, Report
from ui.session import state
from ui.texts import t

if TYPE_CHECKING:  # pandas' Styler module imports jinja2: only the type is needed here
    from pandas.io.formats.style import Styler

PROGRAM_FILES = {program: f"{program}.py" for program in PROGRAMS}


def program_code(program: str) -> str:
    """The program's statements as bp_core.lecture holds them (the note's), from its first import, without comments:
    the comments there are ours, and a listing shown as the note's carries none of ours (the note's own Korean
    comments are not in ../shared/LECTURE.md, so they are not reproduced; the caption says so). The module docstring,
    which says where the code comes from, is the page's caption instead."""
    source = inspect.getsource(PROGRAMS[program])
    tree = ast.parse(source)
    first = tree.body[1] if ast.get_docstring(tree) is not None else tree.body[0]
    lines = source.splitlines()
    cut: dict[int, int] = {}  # line number -> column where its comment starts (tokenize: never inside a string)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            cut[token.start[0]] = token.start[1]
    kept = []
    for number, line in enumerate(lines[first.lineno - 1:], start=first.lineno):
        if number in cut:
            line = line[:cut[number]].rstrip()
            if not line:
                continue  # a line that was only a comment
        kept.append(line)
    return "\n".join(kept) + "\n"


@st.cache_data(max_entries=1, show_spinner=False)
def lecture_rows() -> tuple[float, float]:
    """The loss of history rows 99 and 100 of bp_core's by-hand run of the note's example."""
    result = bp_core.train(bp_core.Line(), bp_core.seed_line(), "manual", note.LEARNING_RATE, note.EPOCHS)
    losses = result.history["loss"]
    return float(losses.iloc[99]), float(losses.iloc[100])


def epoch_sentence(lang: str) -> str:
    """The epoch convention, with the note's Epoch [100/1000] loss beside rows 99 and 100 of a history here."""
    row99, row100 = lecture_rows()
    return t("example_epochs", lang, note=note.LOSSES_EVERY_100[0], row99=row99, row100=row100)


EXAMPLE = "lecture_example"
"""The action's name in the server's queue (ui/server/queue_view.py): one request, so one run for every session at
once."""


def _compute(report: Report) -> LectureExample:
    """In the worker's thread: both programs under the line profiler, then the trainers."""
    return reconcile_example(progress=lambda done, total: report(done / total, done=done, total=total))


def queued_example(lang: str = "en") -> LectureExample:
    """The run, from the server's queue (one for every session pressing at once; kept for the next ones): the queue
    position while it waits, then a progress bar."""
    def progress_text(job: Job) -> str:
        total = len(METHODS) + 1  # reconcile_example reports each program, then the trainers
        return t("example_running", lang, done=job.figures.get("done", 0), total=job.figures.get("total", total))

    return queued(EXAMPLE, (), _compute, lang, progress_text)


def run(lang: str) -> None:
    """Press of the run button: the queued run into the session, or an error in the learner's language."""
    try:
        state.remember("example", "result", queued_example(lang))
    except Exception as error:  # a learner gets a sentence, never a traceback
        st.error(t("example_error", lang, error=f"{type(error).__name__}: {error}"))


def kept_example() -> LectureExample | None:
    example = state.recall("example", "result")
    return example if isinstance(example, LectureExample) else None


def printed_here(example: LectureExample, method: str) -> str:
    """What the program printed here, then its time line as the note's script prints it (main() under the tracer)."""
    return example.profile.printed[method] + f"코드 실행 시간: {example.times[method].traced:.4f} 초\n"


def final_sentence(example: LectureExample, method: str, lang: str) -> str:
    """How many of the losses this program printed here match bp.py's in the note, and how far its final w and b
    lie from bp.py's printed ones. Only bp.py's are the note's: for bp_pytorch.py the note prints none, so this
    machine's autograd run is compared with bp.py's printed values, and the sentence says so."""
    program = PROGRAM_FILES[METHOD_PROGRAMS[method]]
    w_steps, b_steps = example.float32_steps_from_note(method)
    matches = example.losses_match[method]
    own = METHOD_PROGRAMS[method] in note.PRINTS_LOSSES
    if w_steps == b_steps == 0:
        key = "example_same_final" if own else "example_same_as_bp"
        return t(key, lang, program=program, matches=matches)
    key = "example_other_final" if own else "example_other_than_bp"
    return t(key, lang, program=program, matches=matches, w_steps=w_steps, b_steps=b_steps)


def times_frame(example: LectureExample | None, lang: str) -> pd.DataFrame:
    """One row per program and the ratio autograd / by hand; the note's column always, this machine's after a run."""
    programs = [PROGRAM_FILES[METHOD_PROGRAMS[m]] for m in METHODS] + [t("example_ratio_row", lang)]
    noted = [note.SECONDS[METHOD_PROGRAMS[m]] for m in METHODS]
    columns: dict[str, list] = {t("example_col_program", lang): programs,
                                t("example_col_note", lang): [*noted, noted[1] / noted[0]]}
    if example is not None:
        for timing, key, scale in (("traced", "example_col_traced", 1.0), ("untraced", "example_col_untraced", 1.0),
                                   ("per_epoch_median", "example_col_per_epoch", 1e6)):
            values = [getattr(example.times[m], timing) * scale for m in METHODS]
            columns[t(key, lang)] = [*values, example.ratio(timing)]
    return pd.DataFrame(columns)


def time_sentences(example: LectureExample, lang: str) -> list[str]:
    """The four ratios, then why they differ (each sentence with the figures it rests on)."""
    ratio = {timing: example.ratio(timing) for timing in bp_core.measure.lecture_example.TIMINGS}
    extra = {m: example.times[m].traced - example.times[m].untraced for m in METHODS}
    toward_one = abs(ratio["traced"] - 1) < abs(ratio["untraced"] - 1)
    warmup = example.profile.warmup_rss_mib
    return [
        t("example_ratios", lang, note=ratio["note"], traced=ratio["traced"], untraced=ratio["untraced"],
          per_epoch=ratio["per_epoch_median"]),
        t("example_why_tracer", lang, manual_extra=extra["manual"], autograd_extra=extra["autograd"],
          traced=ratio["traced"], untraced=ratio["untraced"],
          direction=t("example_toward_one" if toward_one else "example_away_from_one", lang)),
        t("example_why_graph", lang, per_epoch=ratio["per_epoch_median"], untraced=ratio["untraced"]),
        t("example_why_startup" if example.profile.warmup_imported_dynamo["autograd"] else
          "example_why_startup_preloaded", lang, autograd_warmup=warmup["autograd"], manual_warmup=warmup["manual"]),
        t("example_why_timed", lang),
    ]


MEMORY_COLUMNS = bp_core.measure.lecture_example.MEMORY_COLUMNS  # each shown under the text example_col_<name>


def memory_frame(example: LectureExample | None, program: str, lang: str) -> pd.DataFrame:
    """The note's rows for ``program``, with this machine's beside them after a run."""
    method = {p: m for m, p in METHOD_PROGRAMS.items()}[program]
    if example is not None:
        frame = example.memory[method]
    else:
        frame = pd.DataFrame(note.MEMORY_TABLES[program], columns=MEMORY_COLUMNS[:4])
    return frame.rename(columns={name: t(f"example_col_{name}", lang) for name in MEMORY_COLUMNS})


def decimal_columns(frame: pd.DataFrame, digits: int) -> dict[str, Any]:
    """Column settings that show every numeric column of ``frame`` to ``digits`` decimals."""
    return {name: st.column_config.NumberColumn(format=f"%.{digits}f") for name in frame.columns
            if pd.api.types.is_float_dtype(frame[name])}


def memory_columns(frame: pd.DataFrame, lang: str) -> dict[str, Any]:
    """The memory tables' columns: MiB to one decimal, the source line at a medium width (a print line is long)."""
    return {**decimal_columns(frame, 1),
            t("example_col_source_line", lang): st.column_config.TextColumn(width="medium")}


def _mib(values: list[float]) -> str:
    return " / ".join(f"{value:.1f}" for value in values)


def memory_sentences(example: LectureExample, lang: str) -> list[str]:
    """The baseline, the increments and the occurrences, each from the two tables' own numbers."""
    frames = [example.memory[m] for m in METHODS]
    loop = [frame.iloc[1:] for frame in frames]  # the def line (the note's @profile row) aside
    note_grew = [value for frame in loop for value in frame["note_increment"] if value > 0]
    with_rows = [frame[frame["source_line"] == "with torch.no_grad():"] for frame in frames]
    with_row = next(rows.iloc[0] for rows in with_rows if len(rows))
    others = pd.concat(loop)
    others = others[others["source_line"] != "with torch.no_grad():"]
    differ = sorted(set(others.loc[others["note_occurrences"] != others["here_occurrences"], "source_line"]))
    largest = max(frame["here_increment"].max() for frame in loop)
    smallest = min(frame["here_increment"].min() for frame in loop)
    freed = [line for frame in loop for line, value in zip(frame["source_line"], frame["here_increment"])
             if round(value, 1) < 0]
    sentences = [
        t("example_why_baseline", lang, note_base=_mib([frame["note_mem"].iloc[0] for frame in frames]),
          here_base=_mib([frame["here_mem"].iloc[0] for frame in frames])),
        t("example_why_increments", lang, note_increments=_mib(note_grew), here_largest=f"{largest:.1f}"),
        t("example_why_with", lang, note_with=int(with_row["note_occurrences"]),
          here_with=int(with_row["here_occurrences"])),
    ]
    if freed:  # a line after which RSS was lower than before it: memory given back (the table shows it negative)
        sentences.append(t("example_why_freed", lang, smallest=f"{smallest:.1f}", count=len(freed),
                           lines=", ".join(f"`{line}`" for line in sorted(set(freed)))))
    if differ:
        sentences.append(t("example_other_lines_differ", lang, lines=", ".join(f"`{line}`" for line in differ)))
    else:
        sentences.append(t("example_others_same", lang))
    return sentences


HIGHLIGHT = "background-color: rgba(255, 75, 75, 0.18)"


def grown_rows(table: pd.DataFrame) -> pd.Series:
    """Rows whose Increment reads above 0.0 MiB as printed (one decimal), the def line excepted.

    memory_profiler starts the def line's Increment from zero, so it always shows the whole process; a growth
    below 0.05 MiB prints as 0.0 and would highlight a row that reads zero.
    """
    grown = table["Increment"].round(1) > 0
    grown.iloc[0] = False
    return grown


def styled_table(table: pd.DataFrame) -> Styler:
    """This machine's whole table as memory_profiler prints it (MiB to one decimal, blank where a line never ran),
    growth marked."""
    grown = grown_rows(table)
    return (table.style
            .apply(lambda row: [HIGHLIGHT if grown[row.name] else ""] * len(row), axis=1)
            .format({"Mem usage": "{:.1f} MiB", "Increment": "{:.1f} MiB"}, na_rep="")
            .format({"Occurrences": lambda n: str(n) if n else ""}))
