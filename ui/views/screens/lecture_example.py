"""The lecture example page, drawn top to bottom: pages/lecture_example.py runs ``draw()``.

The note's extra example: its two programs, what it printed, and the same programs run here, reconciled figure by
figure. Layout only.
"""

import streamlit as st

from bp_core.lecture import METHOD_PROGRAMS as PROGRAMS_OF
from bp_core.lecture import PROGRAMS, note
from bp_core.limits import METHODS
from ui.export.lecture import lecture_notebook
from ui.export.notebook import notebook_bytes
from ui.session.shared import language
from ui.session.state import key
from ui.texts import t
from ui.views import example_view as view
from ui.views.shell import run_app_if_alone
from ui.views.start_view import page_link, where_next
from ui.views.tables import show_table


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("example_title", lang))
    st.markdown(t("example_intro", lang))
    st.markdown(view.epoch_sentence(lang))

    # ---- the programs, always visible
    st.header(t("example_code_title", lang))
    st.caption(t("example_code_caption", lang))
    for column, program in zip(st.columns(2), PROGRAMS):
        column.markdown(f"**{view.PROGRAM_FILES[program]}**")
        column.code(view.program_code(program), language="python", wrap_lines=True)
    st.download_button(t("nb_download_lecture", lang), lambda: notebook_bytes(lecture_notebook()),
                       "backprop_lab_lecture.ipynb", "application/x-ipynb+json", help=t("nb_lecture_help", lang),
                       key=key("example", "notebook"), on_click="ignore")

    # ---- this machine's run, on demand (through the server's queue: one run for everyone who presses at once)
    if st.button(t("example_run", lang), key=key("example", "run"), type="primary", help=t("example_run_help", lang)):
        view.run(lang)
    example = view.kept_example()
    if example is None:
        st.info(t("example_not_run", lang))

    # ---- what each program printed: the note's output beside this machine's
    st.header(t("example_printed_title", lang))
    for method, program in zip(METHODS, PROGRAMS):
        note_side, here_side = st.columns(2)
        note_side.markdown(f"**{view.PROGRAM_FILES[program]}: {t('example_note', lang)}**")
        note_side.code(note.printed(program), language="text")
        here_side.markdown(f"**{view.PROGRAM_FILES[program]}: {t('example_here', lang)}**")
        if example is not None:
            here_side.code(view.printed_here(example, method), language="text")
            here_side.caption(t("example_here_time", lang))
            st.markdown(view.final_sentence(example, method, lang))

    # ---- run time: the note's figure beside three of this machine's
    st.header(t("example_time_title", lang))
    times = view.times_frame(example, lang)
    show_table(st, lang, times, hide_index=True, width="stretch", key=key("example", "times"),
                 column_config=view.decimal_columns(times, 4))
    if example is not None:
        for sentence in view.time_sentences(example, lang):
            st.markdown(sentence)

    # ---- memory: the note's memory_profiler rows beside this machine's
    st.header(t("example_memory_title", lang))
    st.caption(t("example_memory_caption", lang))
    for program in PROGRAMS:  # one under the other: seven columns need the page's width
        st.markdown(f"**{view.PROGRAM_FILES[program]}**")
        memory = view.memory_frame(example, program, lang)
        show_table(st, lang, memory, view.PROGRAM_FILES[program], hide_index=True, width="stretch",
                   key=key("example", f"memory_{program}"), column_config=view.memory_columns(memory, lang))
    if example is not None:
        for sentence in view.memory_sentences(example, lang):
            st.markdown(sentence)
        with st.expander(t("example_whole_tables", lang)):
            for column, method in zip(st.columns(2), METHODS):
                column.markdown(f"**{view.PROGRAM_FILES[PROGRAMS_OF[method]]}**")
                show_table(column, lang, view.styled_table(example.profile.tables[method]),
                           view.PROGRAM_FILES[PROGRAMS_OF[method]], hide_index=True,
                           key=key("example", f"whole_{method}"))

    page_link("compare", t("example_compare_link", lang))
    where_next("example", lang)
