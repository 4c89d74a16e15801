"""One step by hand: forward, loss, local derivatives, gradient and update, numbers plugged in.

Drawn by ui.views.screens.step_by_hand."""

from ui.views.screens import step_by_hand

step_by_hand.draw()
