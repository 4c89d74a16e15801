"""The glossary page, drawn top to bottom: pages/glossary.py runs ``draw()``.

Glossary: the lecture's terms in Korean and English, then the few this app adds. Layout only.
"""

import streamlit as st

from ui.session.shared import language
from ui.texts import GLOSSARY, t
from ui.texts.sentences import divergence_rule
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next


def draw() -> None:
    """Draw the page, in the learner's language, from its record and bp_core."""
    run_app_if_alone()

    lang = language()
    st.title(t("glossary_title", lang))
    st.markdown(t("glossary_intro", lang))
    rule = divergence_rule(lang)  # the one statement of when training counts as diverged
    # one wrapping line per term (a table would cut long meanings short, on a projector and on a phone alike)
    for source in ("note", "app"):
        st.header(t(f"glossary_from_{source}", lang))
        st.markdown("\n".join(f"- **{ko}** · {en} — {(ko_text if lang == 'ko' else en_text).replace('{rule}', rule)}"
                               for ko, en, ko_text, en_text, row_source in GLOSSARY if row_source == source))
    where_next("glossary", lang)
