"""The lecture's memory profile in one expander: memory_profiler's line-by-line tables of both programs, on demand.

A page draws it with one line, ``lecture_profile_expander(lang)``. The profile is computed in ``bp_core`` (the
note's bp.py and bp_pytorch.py as written, traced in the script thread, no forked sampler), cached once for the whole
server, and kept in this session.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import bp_core
from bp_core.limits import METHODS
from ui.texts import t

RESULT_KEY = "profile_result"  # plain key (not a widget's): the last LectureProfile survives reruns and page switches
HIGHLIGHT = "background-color: rgba(255, 75, 75, 0.18)"


@st.cache_data(max_entries=4, ttl=3600, show_spinner=False)
def cached_profile(_lang: str = "en") -> bp_core.measure.LectureProfile:
    """One profile for every session (``_lang`` is left out of the key); a progress bar while it runs."""
    slot = st.empty()  # created here, so a cache hit shows no stale bar

    def show(done: int, total: int) -> None:
        if done < total:
            slot.progress(done / total, text=t("profile_running", _lang, method=t(METHODS[done], _lang)))

    profile = bp_core.measure.lecture_memory_profile(methods=METHODS, progress=show)
    slot.empty()
    return profile


def lecture_profile_expander(lang: str) -> None:
    """An expander with a Profile button, both tables side by side and how to read them."""
    with st.expander(t("profile_title", lang)):
        st.markdown(t("profile_intro", lang))
        if st.button(t("profile_run", lang), key="profile_run"):
            try:
                st.session_state[RESULT_KEY] = cached_profile(lang)
            except Exception as error:  # a learner gets a sentence in their language, never a traceback
                st.error(t("profile_error", lang, error=f"{type(error).__name__}: {error}"))
        profile = st.session_state.get(RESULT_KEY)
        if isinstance(profile, bp_core.measure.LectureProfile):
            _draw(profile, lang)


def _draw(profile: bp_core.measure.LectureProfile, lang: str) -> None:
    """Both tables side by side, each with its run times and exact tensor bytes, then the reading notes."""
    st.caption(t("profile_result_for", lang, epochs=profile.epochs))
    for column, method in zip(st.columns(2), profile.methods):
        with column:
            st.markdown(f"**{t(method, lang)}**")
            st.dataframe(styled_table(profile.tables[method]), hide_index=True)
            traced, untraced = profile.traced_seconds[method], profile.untraced_seconds[method]
            st.caption(t("profile_times", lang, traced=traced, untraced=untraced, ratio=traced / max(untraced, 1e-9)))
            counted = profile.tensor_bytes[method]
            st.caption(t("profile_bytes", lang, total=counted.total_bytes, parameters=counted.parameter_bytes,
                         gradients=counted.gradient_bytes, saved=counted.saved_for_backward_bytes,
                         optimizer=counted.optimizer_state_bytes))
            st.caption(t("profile_warmup", lang, mib=profile.warmup_rss_mib[method]))
    for key in ("profile_increment", "profile_zero", "profile_slow", "profile_occurrences", "profile_shared"):
        st.markdown(t(key, lang))


def grown_rows(table: pd.DataFrame) -> pd.Series:
    """Rows whose Increment reads above 0.0 MiB as printed (one decimal), the def line excepted.

    memory_profiler starts the def line's Increment from zero, so it always shows the whole process; a growth
    below 0.05 MiB prints as 0.0 and would highlight a row that reads zero.
    """
    grown = table["Increment"].round(1) > 0
    grown.iloc[0] = False
    return grown


def styled_table(table: pd.DataFrame):
    """``table`` as memory_profiler prints it (MiB to one decimal, blank where a line never ran), growth marked."""
    grown = grown_rows(table)
    return (table.style
            .apply(lambda row: [HIGHLIGHT if grown[row.name] else ""] * len(row), axis=1)
            .format({"Mem usage": "{:.1f} MiB", "Increment": "{:.1f} MiB"}, na_rep="")
            .format({"Occurrences": lambda n: str(n) if n else ""}))
