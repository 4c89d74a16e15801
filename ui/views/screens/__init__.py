"""One module per page: what the page draws, top to bottom. Each pages/<name>.py imports its module here
and calls ``draw()``, so the pages import views only."""
