"""One row of the optimizer panel: a run's switch, colour, label, kind and hyper-parameters."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.app.core_text import hyper_symbol
from gui.app.i18n import translate, translated
from gui.panels.schedule_fields import SCHEDULE_TITLES, SCHEDULES, WARMED, WARMUP_START, base_value
from gui.widgets.limit_tick import LimitTick
from gui.widgets.widgets import ColorButton, SliderSpin
from optim_core import optimizers
from optim_core.experiment.spec import RunSpec
from optim_core.experiment.state.runs import kind_title


class RunRow(QFrame):
    """Edits one ``RunSpec``; every user change is reported by ``edited(index,
    what, value)`` with ``what`` in enabled, color, label, kind, hyper:<name>,
    duplicate, remove. ``refresh`` shows a RunSpec without emitting."""

    edited = Signal(str, str, object)  # run id, what, value
    selected = Signal(int)
    gesture = Signal(bool)  # a slider held down (True) and let go (False)

    def __init__(self, index: int, run: RunSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("RunRow")
        self.enabled_box = QCheckBox()
        self.enabled_box.setToolTip(translate("RunRow", "Race this run"))
        self.color_button = ColorButton(run.color)
        self.label_edit = QLineEdit()
        self.label_edit.setMinimumWidth(60)
        self.kind_combo = QComboBox(minimumContentsLength=7)  # long kinds elide: rows fit a column
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for kind in optimizers.names():
            self.kind_combo.addItem(translated("core", kind_title(kind)), kind)
        self.duplicate_button = QToolButton(text=translate("RunRow", "copy"),
                                            toolTip=translate("RunRow", "Duplicate this run"))
        self.remove_button = QToolButton(text="✕", toolTip=translate("RunRow", "Remove this run"))
        self.lr_warning = QLabel("⚠")
        self.lr_warning.setStyleSheet("color: #ff5252; font-weight: bold; font-size: 14pt")
        self.lr_warning.hide()
        self.lr_tick: LimitTick | None = None
        head = QHBoxLayout()
        for w in (self.enabled_box, self.color_button, self.label_edit, self.lr_warning,
                  self.kind_combo, self.duplicate_button, self.remove_button):
            head.addWidget(w)
        head.setStretchFactor(self.label_edit, 1)
        self.form = QFormLayout()
        self.form.setContentsMargins(4, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addLayout(self.form)
        self.hyper_widgets: dict[str, QWidget] = {}
        self.schedule_combo: QComboBox | None = None
        self.schedule_widgets: dict[str, QWidget] = {}
        self.warmup_spin: QSpinBox | None = None
        self._kind = ""
        self._wire()
        self.refresh(run)

    def _wire(self) -> None:
        self.enabled_box.toggled.connect(lambda b: self._edit("enabled", b))
        self.color_button.color_changed.connect(lambda c: self._edit("color", c))
        self.label_edit.editingFinished.connect(self._on_label_edited)
        self.kind_combo.activated.connect(
            lambda i: self._edit("kind", self.kind_combo.itemData(i)))
        self.duplicate_button.clicked.connect(lambda: self._edit("duplicate", None))
        self.remove_button.clicked.connect(lambda: self._edit("remove", None))

    def _on_label_edited(self) -> None:
        # The field shows a default label translated; left as shown, it stays the label.
        if self.label_edit.text() != translated("core", self._run.label):
            self._edit("label", self.label_edit.text())
        # The name the model kept (never empty, never another run's), shown even
        # while the field still has the focus.
        self.label_edit.setText(translated("core", self._run.label))

    def _edit(self, what: str, value: Any) -> None:
        self.selected.emit(self.index)
        self.edited.emit(self._run.id, what, value)

    def mousePressEvent(self, event) -> None:
        self.selected.emit(self.index)
        super().mousePressEvent(event)

    # ------------------------------------------------------------- model -> UI
    def refresh(self, run: RunSpec) -> None:
        """Show ``run`` (no signals are emitted)."""
        self._run = run
        for w in (self.enabled_box, self.kind_combo):
            w.blockSignals(True)
        self.enabled_box.setChecked(run.enabled)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(run.kind))
        for w in (self.enabled_box, self.kind_combo):
            w.blockSignals(False)
        self.color_button.set_color(run.color)
        if not self.label_edit.hasFocus():
            self.label_edit.setText(translated("core", run.label))
        if run.kind != self._kind:
            self._build_hyper(run.kind)
        self._show_hyper(run.hyper)

    def _build_hyper(self, kind: str) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.hyper_widgets, self.schedule_widgets = {}, {}
        self.schedule_combo = self.warmup_spin = self.lr_tick = None
        self._kind = kind
        for h in optimizers.hyper_specs(kind):
            w = self._hyper_widget(h)
            self.hyper_widgets[h.name] = w
            label = translated("core", h.label)
            self.form.addRow(hyper_symbol(h), w)
            w.setToolTip(label)
            self.form.labelForField(w).setToolTip(label)
            if h.name == WARMED:
                self.warmup_spin = QSpinBox(minimum=0, maximum=100_000, singleStep=50,
                                            specialValueText=translate("RunRow", "off"),
                                            suffix=translate("RunRow", " steps"))
                self.warmup_spin.setToolTip(translate(
                    "RunRow", "Momentum warm-up: μ rises linearly from {start} to the value "
                    "above over this many steps (off: constant μ)").format(start=WARMUP_START))
                self.warmup_spin.valueChanged.connect(lambda _v: self._emit_mu())
                self.form.addRow(translate("RunRow", "warm-up"), self.warmup_spin)
            if h.name == "lr":
                self.lr_tick = LimitTick(w)
                self.schedule_combo = QComboBox()
                for name in SCHEDULES:
                    self.schedule_combo.addItem(translated("RunRow", SCHEDULE_TITLES[name]), name)
                self.schedule_combo.setToolTip(translate("RunRow", "How η changes with the step t"))
                self.schedule_combo.activated.connect(lambda _i: self._emit_lr())
                self.form.addRow(translate("RunRow", "decay"), self.schedule_combo)

    def _hyper_widget(self, h) -> QWidget:
        if h.dtype == "bool":
            w = QCheckBox()
            w.toggled.connect(lambda b, n=h.name: self._edit(f"hyper:{n}", bool(b)))
        elif h.dtype == "int":
            w = QSpinBox()
            w.setRange(int(h.min), int(min(h.max, 2**31 - 1)))
            w.valueChanged.connect(lambda v, n=h.name: self._edit(f"hyper:{n}", int(v)))
        else:
            w = self._bracketed(SliderSpin(h.min, h.max, h.default, log=h.log))
            if h.name == "lr":
                w.value_changed.connect(lambda _v: self._emit_lr())
            elif h.name == WARMED:
                w.value_changed.connect(lambda _v: self._emit_mu())
            else:
                w.value_changed.connect(lambda v, n=h.name: self._edit(f"hyper:{n}", v))
        return w

    def _bracketed(self, w: SliderSpin) -> SliderSpin:
        """``w`` reporting the start and end of a slider drag as ``gesture``."""
        w.pressed.connect(lambda: self.gesture.emit(True))
        w.released.connect(lambda: self.gesture.emit(False))
        return w

    def _show_hyper(self, hyper: dict) -> None:
        for name, w in self.hyper_widgets.items():
            value = hyper.get(name)
            w.blockSignals(True)
            if isinstance(w, SliderSpin):
                w.set_value(base_value(value))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            else:
                w.setValue(int(value))
            w.blockSignals(False)
        if self.warmup_spin is not None:
            mu = hyper.get(WARMED)
            warm = isinstance(mu, dict) and mu.get("kind") == "warmup"
            self.warmup_spin.blockSignals(True)
            self.warmup_spin.setValue(int(mu["steps"]) if warm else 0)
            self.warmup_spin.blockSignals(False)
        lr = hyper.get("lr")
        if self.schedule_combo is not None:
            kind = lr["kind"] if isinstance(lr, dict) else "constant"
            self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(kind))
            self._build_schedule_fields(kind, lr if isinstance(lr, dict) else {})

    def show_limit(self, critical: float, too_large: bool) -> None:
        """Mark the critical η on the η slider (and in its tooltip); a warning mark
        beside the label while η at the start is above it."""
        if self.lr_tick is None:
            self.lr_warning.hide()
            return
        self.lr_tick.set_value(critical)
        slider = self.hyper_widgets["lr"]
        if math.isnan(critical):
            tip = translate("RunRow", "learning rate — no closed-form limit for this kind")
        elif math.isinf(critical):
            tip = translate("RunRow",
                            "learning rate — no limit on the local quadratic at the start")
        else:
            tip = translate("RunRow", "learning rate — critical η ≈ {critical} on the local "
                            "quadratic at the start (red tick): above it the run diverges"
                            ).format(critical=f"{critical:.3g}")
        slider.setToolTip(tip)
        self.lr_warning.setVisible(too_large)
        self.lr_warning.setToolTip(translate(
            "RunRow", "η is above the critical η ≈ {critical} at the start: this run will "
            "diverge (on the local quadratic model)").format(critical=f"{critical:.3g}")
            if too_large else "")

    def _build_schedule_fields(self, kind: str, values: dict) -> None:
        """Show the fields of schedule ``kind`` with ``values`` (defaults where missing)."""
        self._ensure_schedule_fields(kind)
        for name, w in self.schedule_widgets.items():
            default = SCHEDULES[kind][name][4]
            w.blockSignals(True)
            if isinstance(w, SliderSpin):
                w.set_value(values.get(name, default))
            else:
                w.setValue(int(values.get(name, default)))
            w.blockSignals(False)

    def _ensure_schedule_fields(self, kind: str) -> None:
        """Create the field widgets of schedule ``kind`` (at defaults) if they are not shown."""
        if set(self.schedule_widgets) == set(SCHEDULES[kind]):
            return
        for w in self.schedule_widgets.values():
            self.form.removeRow(w)
        self.schedule_widgets = {}
        row = self.form.getWidgetPosition(self.schedule_combo)[0] + 1
        for name, (label, lo, hi, log, default, integer) in SCHEDULES[kind].items():
            if integer:
                w = QSpinBox()
                w.setRange(int(lo), int(hi))
                w.setValue(int(default))
                w.valueChanged.connect(lambda _v: self._emit_lr())
            else:
                w = self._bracketed(SliderSpin(lo, hi, default, log=log))
                w.value_changed.connect(lambda _v: self._emit_lr())
            self.schedule_widgets[name] = w
            self.form.insertRow(row, f"  {translated('RunRow', label)}", w)
            row += 1

    # ------------------------------------------------------------ UI -> model
    def lr_value(self) -> float | dict:
        """The learning rate as the widgets show it: a number or a schedule dict."""
        lr = self.hyper_widgets["lr"].value()
        kind = self.schedule_combo.currentData() if self.schedule_combo else "constant"
        if kind == "constant":
            return lr
        fields = SCHEDULES[kind]
        self._ensure_schedule_fields(kind)
        values = {n: (int(w.value()) if fields[n][5] else w.value())
                  for n, w in self.schedule_widgets.items()}
        return {"kind": kind, "value": lr, **values}

    def _emit_lr(self) -> None:
        self._edit("hyper:lr", self.lr_value())

    def mu_value(self) -> float | dict:
        """μ as the widgets show it: a number, or a warm-up schedule ending at it."""
        mu = self.hyper_widgets[WARMED].value()
        steps = self.warmup_spin.value()
        if not steps:
            return mu
        old = self._run.hyper.get(WARMED)
        start = old.get("start", WARMUP_START) if isinstance(old, dict) else WARMUP_START
        return {"kind": "warmup", "start": min(start, mu), "end": mu, "steps": steps}

    def _emit_mu(self) -> None:
        self._edit(f"hyper:{WARMED}", self.mu_value())
