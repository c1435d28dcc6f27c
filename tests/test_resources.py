"""resources/: found from the code, a palette that stays distinguishable, an icon Qt
loads in every size, a stylesheet the window applies without a warning, a valid desktop
entry and file type, and `qdaw install-desktop` putting them where menus look."""

from __future__ import annotations

import configparser
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QtMsgType
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QHeaderView

from qdaw import desktop, resources
from qdaw.sample import build_sample
from tests.colour_science import ciede2000, difference, lab, rgb

ROOT = Path(__file__).resolve().parents[1]
FILES = [
    "qdaw.svg",
    *(f"qdaw-{size}.png" for size in resources.ICON_SIZES),
    "palette.json",
    "qdaw.qss",
    "qdaw.desktop",
    "qdaw-mime.xml",
]


def test_every_resource_is_found_in_the_top_level_folder() -> None:
    for name in FILES:
        found = resources.path(name)
        assert found.is_file() and found.stat().st_size > 0
        assert found.parent == ROOT / "resources"  # a source checkout reads resources/
    with pytest.raises(FileNotFoundError, match=r"nothing\.png: qdaw resource missing"):
        resources.path("nothing.png")


def test_ciede2000_reproduces_the_published_test_pairs() -> None:
    # Sharma, Wu & Dalal (2005), pairs 1, 7, 13 (hue wrap-around), 17 and 25.
    pairs = [
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 0, 0), (50, -1, 2), 2.3669),
        ((50, 2.49, -0.001), (50, -2.49, 0.0009), 7.1792),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ]
    for first, second, expected in pairs:
        assert ciede2000(first, second) == pytest.approx(expected, abs=1e-4)


def test_palette_is_sixteen_distinguishable_mid_tones() -> None:
    colors = resources.palette()
    assert len(colors) == 16 and len(set(colors)) == 16
    assert all(re.fullmatch(r"#[0-9a-f]{6}", color) for color in colors)
    assert json.loads(resources.path("palette.json").read_text())["doc"]  # says why
    # Thresholds: the values measured when the palette was made, rounded down, so an
    # edit can only keep or improve them (a just-noticeable CIEDE2000 is about 1-2.3).
    pairs = list(itertools.combinations(colors, 2))
    assert min(difference(a, b) for a, b in pairs) >= 15.0
    for deficiency in ("protanopia", "deuteranopia", "tritanopia"):
        assert min(difference(a, b, deficiency) for a, b in pairs) >= 7.4, deficiency
        first_eight = itertools.combinations(colors[:8], 2)
        assert min(difference(a, b, deficiency) for a, b in first_eight) >= 7.7, deficiency
    # Consecutive new codes differ most: far more than the closest pair overall.
    assert min(difference(a, b) for a, b in itertools.pairwise(colors)) >= 27.0
    # Mid tones: a translucent highlight stays light, a darkened label stays coloured.
    for color in colors:
        lightness, a, b = lab(rgb(color))
        assert 45 <= lightness <= 72, color
        chroma = (a * a + b * b) ** 0.5
        assert 30 <= chroma <= 72 or (color == colors[-1] and chroma < 10), color


def test_palette_returns_a_copy() -> None:
    colors = resources.palette()
    colors.clear()
    assert len(resources.palette()) == 16


def test_icon_files_are_their_nominal_sizes_and_drawn() -> None:
    for size in resources.ICON_SIZES:
        image = QImage(str(resources.path(f"qdaw-{size}.png")))
        assert image.size() == QSize(size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255 and corner.alpha() == 0  # a bubble, not a square


def test_window_gets_the_icon_and_the_stylesheet_without_qt_warnings(
    qtbot,  # type: ignore[no-untyped-def]
    qtlog,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from qdaw.gui.app import create_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sample = build_sample(tmp_path / "referents.qdaw")
    window = create_window(str(sample), "en")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    try:
        assert app.styleSheet() == resources.stylesheet()
        icon = app.windowIcon()
        assert not icon.isNull()
        for size in (*resources.ICON_SIZES, 24):  # 24: drawn from the SVG
            pixmap = icon.pixmap(size)
            assert not pixmap.isNull() and pixmap.width() == size
        assert not window.windowIcon().isNull()
        assert not QIcon(str(resources.path("qdaw.svg"))).pixmap(24).isNull()
        # The stylesheet is in force: the header padding makes headers taller.
        header = window.findChildren(QHeaderView)[0]
        styled = header.sizeHint().height()
        app.setStyleSheet("")
        assert styled >= header.sizeHint().height() + 4
    finally:
        app.setStyleSheet("")
        window.close()
    warnings = [r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg]
    # The offscreen test platform's own notice is not about qdaw.
    assert [m for m in warnings if "propagateSizeHints" not in m] == []


@pytest.mark.qt_log_level_fail("CRITICAL")  # the warning is what this test looks for
def test_a_broken_stylesheet_would_be_reported(qtbot, qtlog) -> None:  # type: ignore[no-untyped-def]
    """The previous test's silence means something: Qt does warn on a bad stylesheet."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    widget = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(widget)
    try:
        app.setStyleSheet(resources.stylesheet() + "\nQHeaderView::section { padding: ")
        widget.show()
        qtbot.waitExposed(widget)
    finally:
        app.setStyleSheet("")
    assert any("Could not parse" in r.message for r in qtlog.records)


def _desktop_entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_desktop_entry_and_file_type() -> None:
    entry = _desktop_entry(resources.path("qdaw.desktop").read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "qdaw"
    assert entry["GenericName"] == "Qualitative data analysis"
    for key in ("Name[fr]", "GenericName[fr]", "Comment", "Comment[fr]"):
        assert entry[key]
    assert entry["Exec"] == "qdaw gui %f"
    assert entry["Icon"] == "qdaw"
    mime = ET.parse(resources.path("qdaw-mime.xml")).getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{namespace}mime-type")
    assert kind is not None
    assert entry["MimeType"].rstrip(";").split(";") == [kind.get("type")]
    glob = kind.find(f"{namespace}glob")
    assert glob is not None and glob.get("pattern") == "*.qdaw"


def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_says() -> None:
    assert desktop.exec_argument("/opt/qdaw/bin/qdaw") == "/opt/qdaw/bin/qdaw"
    assert desktop.exec_argument("/home/a b/qdaw") == '"/home/a b/qdaw"'
    # Inside quotes $ is escaped with a backslash, which the file format doubles.
    assert desktop.exec_argument("/x/$HOME/qdaw") == '"/x/\\\\$HOME/qdaw"'
    assert desktop.exec_argument("/x/100%/qdaw") == "/x/100%%/qdaw"


def test_install_desktop_writes_entry_icons_and_file_type(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "qdaw", "install-desktop"]
    result = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = [Path(line.removeprefix("wrote ")) for line in result.stdout.splitlines()]
    assert sorted(written) == sorted(desktop.targets(tmp_path))
    entry = _desktop_entry((tmp_path / "applications" / "qdaw.desktop").read_text())
    command = " ".join(map(desktop.exec_argument, desktop.launcher()))
    assert entry["Exec"] == f"{command} gui %f"  # this installation, not whatever is on PATH
    assert entry["GenericName[fr]"] == "Analyse de données qualitatives"
    for size in resources.ICON_SIZES:
        icon = tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "qdaw.png"
        assert QImage(str(icon)).size() == QSize(size, size)
    if shutil.which("update-mime-database"):  # the real tool accepted the file type
        assert (tmp_path / "mime" / "application" / "x-qdaw.xml").is_file()
    if shutil.which("desktop-file-validate"):  # silent: no error, warning or hint
        checked = subprocess.run(
            ["desktop-file-validate", str(tmp_path / "applications" / "qdaw.desktop")],
            capture_output=True,
            text=True,
        )
        assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")
    result = subprocess.run([*run, "--remove"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in desktop.targets(tmp_path))
