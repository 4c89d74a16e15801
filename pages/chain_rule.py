"""The chain rule on the drawn network: every path from one parameter to the loss, factor by factor.

Drawn by ui.views.screens.chain_rule."""

from ui.views.screens import chain_rule

chain_rule.draw()
