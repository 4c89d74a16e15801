"""Backprop Lab's server. Start it with `streamlit run app.py`.

Streamlit finds ``app`` here and serves dashboard.py, the script every learner's session runs (page config, language
switch, navigation). When the server starts, it warms what the first page needs in a background thread
(ui/server/start.py): every module imported (a browser's connection waits for that, never a script beside it), then
torch's one-time costs and the default run, off every learner's request. While it serves, it drops closed tabs'
sessions once their time-to-live has passed (Streamlit itself would wait for the next learner to connect), and it
releases the page cache of the files it read its code from (a container's memory limit counts it). Before any of
that, when Streamlit imports this file, glibc is told to keep two malloc arenas for all the server's threads, and
PyArrow to take its buffers from glibc's malloc.
"""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from ui.server.start import AfterImports, start_warm_up, sweep_closed_sessions
from ui.server.worker import arrow_on_system_malloc, tune_malloc

tune_malloc()  # two glibc arenas and a fixed mmap threshold, set before the server starts its threads (its docstring)
arrow_on_system_malloc()  # PyArrow's tables from glibc's malloc, which gives freed memory back (its docstring)


@asynccontextmanager
async def warm_first_page(_app: st.App) -> AsyncIterator[None]:
    start_warm_up()  # the server answers at once; the warm-up runs beside it
    sweep = asyncio.create_task(sweep_closed_sessions())  # on the server's loop, where Streamlit uses its sessions
    yield
    sweep.cancel()


app = st.App("dashboard.py", lifespan=warm_first_page, middleware=[Middleware(AfterImports)])
