"""Transport controls: play/pause, step, reset, steps per frame, maximum steps."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QStyle, QToolButton, QWidget

from gui.app.i18n import translate, translated

#: What the play button says while stopped / while playing.
PLAY_TEXT = QT_TRANSLATE_NOOP("Transport", "Play")
PAUSE_TEXT = QT_TRANSLATE_NOOP("Transport", "Pause")


class Transport(QWidget):
    """A strip of controls over the model's animation clock. The keys (Space,
    →, R) are window actions (see ``MainWindow``) so they work from anywhere."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._build_buttons()
        self.steps_per_frame = QSpinBox(minimum=1, maximum=1000, keyboardTracking=False)
        self.steps_per_frame.setToolTip(
            translate("Transport", "Optimizer steps taken per animation frame"))
        self.max_steps = QSpinBox(minimum=1, maximum=1_000_000, singleStep=100,
                                  keyboardTracking=False)
        self.max_steps.setToolTip(translate("Transport", "The race stops at this step"))
        self.step_label = QLabel()
        self.step_label.setMinimumWidth(110)
        self._lay_out()
        self._connect(model)
        self._on_transport_changed()
        self._on_playing_changed(model.playing)

    def _build_buttons(self) -> None:
        self.play_button = QToolButton(text=translated("Transport", PLAY_TEXT),
                                       toolTip=translate("Transport", "Play / pause (Space)"))
        self.play_button.setCheckable(True)
        self.step_button = QToolButton(text=translate("Transport", "Step"),
                                       toolTip=translate("Transport", "One frame of steps (→)"))
        self.reset_button = QToolButton(text=translate("Transport", "Reset"),
                                        toolTip=translate("Transport", "Back to step 0 (R)"))
        icons = ((self.step_button, QStyle.StandardPixmap.SP_MediaSkipForward),
                 (self.reset_button, QStyle.StandardPixmap.SP_MediaSkipBackward))
        for button, icon in icons:
            button.setIcon(self.style().standardIcon(icon))
        for button in (self.play_button, self.step_button, self.reset_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for w in (self.play_button, self.step_button, self.reset_button):
            layout.addWidget(w)
        layout.addSpacing(12)
        layout.addWidget(QLabel(translate("Transport", "steps / frame")))
        layout.addWidget(self.steps_per_frame)
        layout.addWidget(QLabel(translate("Transport", "max steps")))
        layout.addWidget(self.max_steps)
        layout.addSpacing(12)
        layout.addWidget(self.step_label)

    def _connect(self, model) -> None:
        self.play_button.clicked.connect(lambda _c: model.toggle_play())
        self.step_button.clicked.connect(model.step_once)
        self.reset_button.clicked.connect(model.reset)
        self.steps_per_frame.valueChanged.connect(model.set_steps_per_frame)
        self.max_steps.valueChanged.connect(model.set_max_steps)
        model.playing_changed.connect(self._on_playing_changed)
        model.transport_changed.connect(self._on_transport_changed)
        for signal in (model.stepped, model.trajectories_changed, model.transport_changed):
            signal.connect(self._on_stepped)

    def _on_playing_changed(self, playing: bool) -> None:
        self.play_button.setChecked(playing)
        self.play_button.setText(translated("Transport", PAUSE_TEXT if playing else PLAY_TEXT))
        pixmap = QStyle.StandardPixmap
        icon = pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _on_transport_changed(self) -> None:
        spec = self.model.spec
        for w, value in ((self.steps_per_frame, spec.steps_per_frame),
                         (self.max_steps, spec.steps)):
            w.blockSignals(True)
            w.setValue(value)
            w.blockSignals(False)

    def _on_stepped(self, *_) -> None:
        self.step_label.setText(translate("Transport", "step {step} / {steps}").format(
            step=self.model.step, steps=self.model.spec.steps))
