"""Backprop Lab's script, run by every session: the pages and the shared sidebar (language switch).

Start the server with `streamlit run app.py` (app.py serves this script and warms the first page when it starts).
"""

import streamlit as st

from ui.session.shared import language, language_switch, url_problems
from ui.texts import LANGUAGES, render, t
from ui.views.lecture_path import GROUPS, PAGES
from ui.views.shell import PAGE_STYLE, app_running, one_torch_thread

one_torch_thread()

st.set_page_config(page_title="Backprop Lab", page_icon=":material/sync_alt:", layout="wide")
st.html(PAGE_STYLE)  # style only: it adds nothing to the layout
with st.sidebar:
    language_switch(t("language", language()), LANGUAGES)
lang = language()

# The pages in the lecture's reading order, grouped (ui/views/lecture_path.py); the start page is the default, at "/",
# and every other page has its file's stem as its own URL (a server's first request to it is matched against pages/).
pages = {t(group, lang): [st.Page(PAGES[name].path, title=t(PAGES[name].title, lang), icon=PAGES[name].icon,
                                  default=not PAGES[name].url_path, url_path=PAGES[name].url_path or None)
                          for name in names]
         for group, names in GROUPS.items()}
page = st.navigation(pages)
if page.url_path != PAGES["compare"].url_path:  # Compare names a bad link setting beside its own settings
    for problem in url_problems():
        st.warning(render(problem, lang))
with app_running():
    page.run()
