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

# url_path = the file's stem: a server's first request to a page URL is matched against the pages/ folder's names
pages = [
    st.Page("pages/compare.py", title=t("page_compare", lang), icon=":material/balance:", default=True,
            url_path="compare"),
    st.Page("pages/chain_rule.py", title=t("page_chain_rule", lang), icon=":material/account_tree:",
            url_path="chain_rule"),
    st.Page("pages/step_by_hand.py", title=t("page_step", lang), icon=":material/footprint:", url_path="step_by_hand"),
    st.Page("pages/gradient_check.py", title=t("page_check", lang), icon=":material/fact_check:",
            url_path="gradient_check"),
    st.Page("pages/learning_rate.py", title=t("page_sweep", lang), icon=":material/speed:", url_path="learning_rate"),
    st.Page("pages/scaling.py", title=t("page_scaling", lang), icon=":material/trending_up:", url_path="scaling"),
    st.Page("pages/glossary.py", title=t("page_glossary", lang), icon=":material/menu_book:", url_path="glossary"),
]
with app_running():
    st.navigation(pages).run()
