"""The surface panel: pick a surface, tune it, set up the classifier slice and the colours."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.app.i18n import translate, translated
from gui.panels.custom_surface_dialog import CustomSurfaceDialog, parameter_range
from gui.widgets.widgets import SliderSpin
from optim_core import surfaces
from optim_core.experiment.spec import (
    BATCH_SIZE_MAX,
    CLASSIFIER,
    COLORMAPS,
    EXPRESSION,
    REG_MAX,
    REG_SLIDER_MIN,
)

RESOLUTIONS = (64, 128, 256, 512, 1024)
LOG_CHOICES = ((QT_TRANSLATE_NOOP("SurfacePanel", "automatic"), None),
               (QT_TRANSLATE_NOOP("SurfacePanel", "linear"), False),
               (QT_TRANSLATE_NOOP("SurfacePanel", "log"), True))
BUNDLED = "digits"


def _blocked(*widgets):
    """Context manager: widgets emit nothing while the model's state is shown."""
    from contextlib import ExitStack

    from PySide6.QtCore import QSignalBlocker

    stack = ExitStack()
    for w in widgets:
        stack.enter_context(QSignalBlocker(w))
    return stack


class SurfacePanel(QWidget):
    """Every control edits the model; ``_on_*`` slots show the model's state."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.surface_combo = QComboBox()
        for name in surfaces.names():
            self.surface_combo.addItem(translated("core", surfaces.get(name).title), name)
        self.surface_combo.addItem(translate("SurfacePanel", "Classifier loss slice"), CLASSIFIER)
        self.surface_combo.addItem(translate("SurfacePanel", "Custom f(x, y)…"), EXPRESSION)
        self.description = QLabel(wordWrap=True)
        self.edit_typed = QPushButton(translate("SurfacePanel", "Edit f(x, y)…"))
        self.edit_typed.clicked.connect(self.open_custom_dialog)
        self.description.setStyleSheet("color: #b8b8c0")
        self.params_box = QFormLayout()
        self.param_widgets: dict[str, SliderSpin] = {}
        self.slice_group = self._build_slice_group()
        layout = QVBoxLayout(self)
        layout.addWidget(self.surface_combo)
        layout.addWidget(self.description)
        layout.addWidget(self.edit_typed)
        layout.addLayout(self.params_box)
        layout.addWidget(self.slice_group)
        layout.addWidget(self._build_view_group())
        layout.addStretch(1)
        self.surface_combo.activated.connect(self._on_surface_chosen)
        model.surface_changed.connect(self._on_surface_changed)
        model.spec_replaced.connect(self._on_surface_changed)
        model.view_changed.connect(self._on_view_changed)
        model.transport_changed.connect(self._on_view_changed)
        self._shown_params: tuple[str, ...] | None = None
        self._on_surface_changed()
        self._on_view_changed()

    # ------------------------------------------------------------------ build
    def _build_slice_group(self) -> QGroupBox:
        box = QGroupBox(translate("SurfacePanel", "Classifier slice  L(W₀ + a·D₁ + b·D₂)"))
        form = QFormLayout(box)
        form.addRow(translate("SurfacePanel", "dataset"), self._build_dataset_row())
        self.loss_combo = QComboBox()
        self.loss_combo.addItem(translate("SurfacePanel", "softmax (cross-entropy)"), "softmax")
        self.loss_combo.addItem(translate("SurfacePanel", "multiclass SVM (hinge)"), "svm")
        form.addRow(translate("SurfacePanel", "loss"), self.loss_combo)
        self.reg = self._bracketed(SliderSpin(REG_SLIDER_MIN, REG_MAX, 1e-3, log=True))
        form.addRow("λ (L2)", self.reg)
        self.center_combo = QComboBox()
        self.center_combo.addItem(translate("SurfacePanel", "small random W₀"), "init")
        self.center_combo.addItem(translate("SurfacePanel", "trained W*"), "trained")
        form.addRow(translate("SurfacePanel", "centre"), self.center_combo)
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1)
        self.new_directions = QPushButton(translate("SurfacePanel", "New directions"))
        row = QHBoxLayout()
        row.addWidget(self.seed, 1)
        row.addWidget(self.new_directions)
        form.addRow(translate("SurfacePanel", "seed"), row)
        self.normalize = QCheckBox(translate("SurfacePanel", "filter-normalized directions"))
        form.addRow("", self.normalize)
        self.extent = QDoubleSpinBox(minimum=0.05, maximum=100.0, singleStep=0.25,
                                     keyboardTracking=False)
        form.addRow(translate("SurfacePanel", "range ±"), self.extent)
        self.flat_note = QLabel(wordWrap=True, styleSheet="color: #b8b8c4; font-style: italic")
        self.flat_note.setText(translate(
            "SurfacePanel", "Flat? Near a small W₀ every score is ≈ 0 and filter-normalized "
            "steps are as small as W₀ itself, so L barely changes: centre on W* to see a basin."))
        form.addRow(self.flat_note)
        self.batch = QSpinBox(minimum=0, maximum=BATCH_SIZE_MAX,
                              specialValueText=translate("SurfacePanel", "full batch"),
                              keyboardTracking=False)
        self.batch.setToolTip(translate("SurfacePanel", "Mini-batch size of the gradients the "
                                        "optimizers see (the surface stays the full-batch loss)"))
        form.addRow(translate("SurfacePanel", "mini-batch"), self.batch)
        self._connect_slice_group()
        return box

    def _build_dataset_row(self) -> QHBoxLayout:
        """The dataset menu and its Open… button (a data file or a CIFAR-10 folder)."""
        self.dataset_combo = QComboBox()
        self.dataset_combo.addItem(translate("SurfacePanel", "UCI digits (bundled)"), BUNDLED)
        self.open_dataset = QPushButton(translate("SurfacePanel", "Open…"))
        menu = QMenu(self.open_dataset)
        menu.addAction(translate("SurfacePanel", "Data file (.npz with X, y / .csv, label last)…"),
                       self._on_open_dataset)
        menu.addAction(translate("SurfacePanel", "CIFAR-10 python folder…"), self._on_open_cifar)
        self.open_dataset.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(self.dataset_combo, 1)
        row.addWidget(self.open_dataset)
        return row

    def _connect_slice_group(self) -> None:
        """Each slice field changes the model (one undo step each)."""
        m = self.model
        self.dataset_combo.activated.connect(
            lambda i: m.set_slice(dataset=self.dataset_combo.itemData(i)))
        self.loss_combo.activated.connect(
            lambda i: m.set_slice(loss=self.loss_combo.itemData(i)))
        self.reg.value_changed.connect(lambda v: m.set_slice(reg=v))
        self.center_combo.activated.connect(
            lambda i: m.set_slice(center=self.center_combo.itemData(i)))
        self.seed.valueChanged.connect(lambda v: m.set_slice(seed=int(v)))
        self.new_directions.clicked.connect(m.new_directions)
        self.normalize.toggled.connect(lambda b: m.set_slice(normalize=bool(b)))
        self.extent.valueChanged.connect(lambda v: m.set_slice(extent=float(v)))
        self.batch.valueChanged.connect(lambda v: m.set_slice(batch_size=int(v)))

    def _build_view_group(self) -> QGroupBox:
        box = QGroupBox(translate("SurfacePanel", "Picture"))
        form = QFormLayout(box)
        self.resolution = QComboBox()
        for n in RESOLUTIONS:
            self.resolution.addItem(f"{n} × {n}", n)
        self.colormap = QComboBox()
        self.colormap.addItems(COLORMAPS)
        self.log_color = QComboBox()
        for text, value in LOG_CHOICES:
            self.log_color.addItem(translated("SurfacePanel", text), value)
        self.contours = QSpinBox(minimum=0, maximum=40)
        self.grid_n = QSpinBox(minimum=1, maximum=12)
        self.grid_n.setToolTip(translate("SurfacePanel", "Shift+drag on the surface seeds an n × "
                                                         "n grid of start points"))
        form.addRow(translate("SurfacePanel", "grid"), self.resolution)
        form.addRow(translate("SurfacePanel", "colours"), self.colormap)
        form.addRow(translate("SurfacePanel", "colour scale"), self.log_color)
        form.addRow(translate("SurfacePanel", "contour lines"), self.contours)
        form.addRow(translate("SurfacePanel", "start grid n"), self.grid_n)
        m = self.model
        self.resolution.activated.connect(
            lambda i: m.set_resolution(self.resolution.itemData(i)))
        self.colormap.activated.connect(lambda _i: m.set_view(colormap=self.colormap.currentText()))
        self.log_color.activated.connect(
            lambda i: m.set_view(log_color=self.log_color.itemData(i)))
        self.contours.valueChanged.connect(lambda v: m.set_view(contours=int(v)))
        self.grid_n.valueChanged.connect(lambda v: m.set_grid_n(int(v)))
        return box

    def _bracketed(self, w: SliderSpin) -> SliderSpin:
        """``w`` whose whole slider drag is one undo step."""
        w.pressed.connect(self.model.begin_gesture)
        w.released.connect(self.model.end_gesture)
        return w

    # ------------------------------------------------------------- model -> UI
    def _on_surface_changed(self) -> None:
        spec = self.model.spec.surface
        with _blocked(self.surface_combo):
            self.surface_combo.setCurrentIndex(self.surface_combo.findData(spec.name))
        classifier = spec.name == CLASSIFIER
        self.slice_group.setVisible(classifier)
        self.edit_typed.setVisible(spec.name == EXPRESSION)
        if classifier:
            self.description.setText(translate(
                "SurfacePanel", "A random plane through the weights of a linear classifier on "
                "real data: the loss L(W₀ + a·D₁ + b·D₂), computed exactly on the grid."))
            self._show_slice(spec.slice)
        elif spec.name == EXPRESSION:
            (x0, x1), (y0, y1) = spec.expression.bounds
            self.description.setText(translate("SurfacePanel", "f(x, y) = {f}   on {box}").format(
                f=spec.expression.text, box=f"[{x0:g}, {x1:g}] × [{y0:g}, {y1:g}]"))
        else:
            self.description.setText(translated("core", surfaces.get(spec.name).description))
        self._show_params(spec.name, spec.params)
        with _blocked(self.resolution):
            self.resolution.setCurrentIndex(max(0, self.resolution.findData(spec.resolution)))

    def _show_params(self, name: str, values: dict) -> None:
        specs = _param_specs(name, values)
        shown = (name, *(p.name for p in specs))
        if shown != self._shown_params:
            while self.params_box.rowCount():
                self.params_box.removeRow(0)
            self.param_widgets = {}
            for p in specs:
                w = self._bracketed(SliderSpin(p.min, p.max, p.default, log=p.log))
                w.value_changed.connect(lambda v, n=p.name: self.model.set_surface_param(n, v))
                self.params_box.addRow(translated("core", p.label), w)
                self.param_widgets[p.name] = w
            self._shown_params = shown
        for p in specs:
            self.param_widgets[p.name].set_value(values.get(p.name, p.default))

    def _show_slice(self, s) -> None:
        widgets = (self.dataset_combo, self.loss_combo, self.center_combo, self.seed,
                   self.normalize, self.extent, self.batch)
        with _blocked(*widgets):
            if self.dataset_combo.findData(s.dataset) < 0:
                self.dataset_combo.addItem(s.dataset, s.dataset)
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(s.dataset))
            self.loss_combo.setCurrentIndex(self.loss_combo.findData(s.loss))
            self.center_combo.setCurrentIndex(self.center_combo.findData(s.center))
            self.seed.setValue(s.seed)
            self.normalize.setChecked(s.normalize)
            self.extent.setValue(s.extent)
            self.batch.setValue(s.batch_size)
        self.reg.set_value(s.reg)
        self.flat_note.setVisible(s.center == "init" and s.normalize)

    def _on_view_changed(self) -> None:
        v = self.model.spec.view
        with _blocked(self.colormap, self.log_color, self.contours, self.grid_n):
            self.colormap.setCurrentText(v.colormap)
            self.log_color.setCurrentIndex(
                [value for _t, value in LOG_CHOICES].index(v.log_color))
            self.contours.setValue(v.contours)
            self.grid_n.setValue(self.model.grid_n)

    # ------------------------------------------------------------ UI -> model
    def _on_surface_chosen(self, index: int) -> None:
        name = self.surface_combo.itemData(index)
        if name == EXPRESSION:
            self.open_custom_dialog()
        else:
            self.model.set_surface(name)

    def open_custom_dialog(self) -> None:
        """The typed-surface dialog; on Cancel the combo shows the surface again."""
        self.custom_dialog = CustomSurfaceDialog(self.model, self)
        self.custom_dialog.finished.connect(lambda _r: self._on_surface_changed())
        self.custom_dialog.open()

    def _on_open_dataset(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("SurfacePanel", "Open a dataset"), "",
            translate("SurfacePanel", "Datasets (*.npz *.csv);;All files (*)"))
        if path:
            self.model.set_slice(dataset=path)

    def _on_open_cifar(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, translate("SurfacePanel", "Open a CIFAR-10 folder (data_batch_1 … 5, "
                                            "test_batch)"))
        if path:
            self.model.set_slice(dataset=path)


def _param_specs(name: str, values: dict) -> list[surfaces.ParamSpec]:
    """The slider rows of surface ``name``: a toy's own, one per parameter of a
    typed surface (its range from its value, see ``parameter_range``), none for
    the classifier."""
    if name == CLASSIFIER:
        return []
    if name == EXPRESSION:
        return [surfaces.ParamSpec(k, k, v, *parameter_range(v), False)
                for k, v in values.items()]
    return surfaces.params(name)
