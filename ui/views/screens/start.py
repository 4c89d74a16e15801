"""The start page, drawn top to bottom: pages/start.py runs ``draw()``.

Start: the lecture's eight sections in the note's order, each with a recap and the page that makes it interactive.
Layout only.
"""

import streamlit as st

from ui.session.shared import language
from ui.texts import t
from ui.views.exercises import progress_section
from ui.views.shell import run_app_if_alone
from ui.views.start_view import first_try, page_link, start_path, start_sections, where_next


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("start_title", lang))
    st.markdown(t("start_intro", lang))
    first_try(lang)  # the first screen: the note's line, nudged, not only text
    start_path(lang)
    page_link("glossary", t("start_glossary_link", lang))
    start_sections(lang)
    progress_section(lang)  # what this session answered, to hand in (nothing kept on the server)
    where_next("start", lang)
