"""The learning rate: a sweep of log-spaced rates against the stability bound 2/λmax.

Drawn by ui.views.screens.learning_rate."""

from ui.views.screens import learning_rate

learning_rate.draw()
