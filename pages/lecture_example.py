"""The note's extra example: its two programs, what it printed, and the same programs run here, reconciled figure by
figure.

Drawn by ui.views.screens.lecture_example."""

from ui.views.screens import lecture_example

lecture_example.draw()
