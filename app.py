"""Backprop Lab: declares the pages and the shared sidebar (language switch). Start with `streamlit run app.py`."""

import streamlit as st
import torch

from ui.lecture_path import GROUPS, PAGES
from ui.session import language, language_switch
from ui.shell import app_running
from ui.texts import LANGUAGES, render, t

# Tiny tensors: one thread avoids thread-pool overhead and leaves Cloud's 1-2 cores to the server itself.
torch.set_num_threads(1)

st.set_page_config(page_title="Backprop Lab", page_icon=":material/sync_alt:", layout="wide")
with st.sidebar:
    language_switch(t("language", language()), LANGUAGES)
lang = language()

# The pages in the lecture's reading order, grouped (ui/lecture_path.py); the start page is the default, at "/", and
# every other page has its file's stem as its own URL (a server's first request to it is matched against pages/).
pages = {t(group, lang): [st.Page(PAGES[name].path, title=t(PAGES[name].title, lang), icon=PAGES[name].icon,
                                  default=not PAGES[name].url_path, url_path=PAGES[name].url_path or None)
                          for name in names]
         for group, names in GROUPS.items()}
page = st.navigation(pages)
if page.url_path != PAGES["compare"].url_path:  # Compare names a bad link setting beside its own settings
    for problem in st.session_state.get("url_problems", []):
        st.warning(render(problem, lang))
with app_running():
    page.run()
