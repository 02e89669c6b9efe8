"""Core objects shown in the interface language: hyper-parameters and errors.

``optim_core`` speaks English and knows no Qt; where the window shows one of
its hyper-parameters or the message of one of its errors, these helpers put
it into the interface language through the core catalog.
"""

from __future__ import annotations

from gui.app.i18n import translated


def hyper_symbol(h) -> str:
    """How a hyper-parameter (a ``HyperSpec``) is named in a form or an undo step:
    its symbol (η, β₁), or its label in words where it has no symbol of its own
    (a spec without one carries its name there: bias_correction, seed)."""
    if h.symbol and h.symbol != h.name:
        return h.symbol
    return translated("core", h.label)


def error_text(error: BaseException | str) -> str:
    """The message of an error (or the message itself) in the interface language:
    the core's messages are templates of the catalog, translated with their fields."""
    return translated("core", str(error))
