"""Glossary: the lecture's terms in Korean and English, then the few this app adds. Layout only."""

import pandas as pd
import streamlit as st

from ui.session.shared import language
from ui.texts import GLOSSARY, t
from ui.texts.sentences import divergence_rule
from ui.views.shell import run_app_if_alone
from ui.views.start_view import where_next

run_app_if_alone()

lang = language()
st.title(t("glossary_title", lang))
st.markdown(t("glossary_intro", lang))
columns = ["한국어", "English", t("glossary_col_meaning", lang), t("glossary_col_source", lang)]
rule = divergence_rule(lang)  # the one statement of when training counts as diverged
rows = [(ko, en, (ko_text if lang == "ko" else en_text).replace("{rule}", rule), t(f"glossary_source_{source}", lang))
        for ko, en, ko_text, en_text, source in GLOSSARY]
st.dataframe(pd.DataFrame(rows, columns=columns), hide_index=True, width="stretch",
             height=36 * (len(rows) + 1) + 2)  # every term visible, no scrolling inside the table
where_next("glossary", lang)
