"""The Lesson panel: what the experiment teaches, in plain language.

It shows the experiment's ``lesson`` (``optim_core.experiment.spec.Lesson``):
what to look at, what to try next, and why it happens, under the
experiment's title. It follows the model: a new experiment (a preset, a
file) brings its own lesson, and an experiment without one says where to
find one. The text is the experiment's, saved with it; the panel keeps none.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from gui.app.i18n import translate, translated


def lesson_html(title: str, lesson) -> str:
    """The panel's text for ``title`` and ``lesson`` (a ``Lesson``), as HTML."""
    parts = ((translate("LessonPanel", "What to look at"), lesson.look),
             (translate("LessonPanel", "Try next"), lesson.try_next),
             (translate("LessonPanel", "Why"), lesson.why))
    body = "".join(f"<h4>{html.escape(head)}</h4><p>{html.escape(translated('core', text))}</p>"
                   for head, text in parts if text)
    if not body:
        body = "<p style='color:#a0a0a8'>{}</p>".format(html.escape(translate(
            "LessonPanel", "This experiment has no lesson. The Presets menu has experiments "
            "that explain what to look at, what to try next and why.")))
    heading = f"<h3>{html.escape(translated('core', title))}</h3>" if title else ""
    return heading + body


class LessonPanel(QWidget):
    """``shown(has_lesson)`` fires when a new experiment's lesson is on screen
    (the window brings the panel to the front when there is one)."""

    shown = Signal(bool)

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        # Read, not typed into: the wheel scrolls it, the keys stay the presenter's.
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        model.spec_replaced.connect(self._on_spec_replaced)
        self._show()

    def text(self) -> str:
        """The lesson as shown, as plain text (for tests)."""
        return self.browser.toPlainText()

    def _on_spec_replaced(self) -> None:
        self._show()
        self.shown.emit(bool(self.model.spec.lesson))

    def _show(self) -> None:
        spec = self.model.spec
        self.browser.setHtml(lesson_html(spec.title, spec.lesson))
