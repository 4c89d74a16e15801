"""Backprop Lab: declares the pages and the shared sidebar (language switch). Start with `streamlit run app.py`."""

import streamlit as st
import torch

from ui.session import language, language_switch
from ui.shell import app_running
from ui.texts import LANGUAGES, t

# Tiny tensors: one thread avoids thread-pool overhead and leaves Cloud's 1-2 cores to the server itself.
torch.set_num_threads(1)

st.set_page_config(page_title="Backprop Lab", page_icon=":material/sync_alt:", layout="wide")
with st.sidebar:
    language_switch(t("language", language()), LANGUAGES)
lang = language()

pages = [
    st.Page("pages/compare.py", title=t("page_compare", lang), icon=":material/balance:", default=True,
            url_path="compare"),
    st.Page("pages/glossary.py", title=t("page_glossary", lang), icon=":material/menu_book:", url_path="glossary"),
    st.Page("pages/scaling.py", title=t("page_scaling", lang), icon=":material/trending_up:", url_path="scaling"),
]
with app_running():
    st.navigation(pages).run()
