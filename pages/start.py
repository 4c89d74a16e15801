"""Start: the lecture's eight sections in the note's order, each with a recap and the page that makes it interactive.
Layout only.

Drawn by ui.views.screens.start."""

from ui.views.screens import start

start.draw()
