"""Render resources/qdaw.svg to the PNG sizes desktops ask for (16 to 256 px).

Run after editing the SVG:  QT_QPA_PLATFORM=offscreen python scripts/render_icons.py
Each size is drawn straight from the vector (not scaled down from a big bitmap), so
small sizes stay sharp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
SIZES = (16, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = RESOURCES / "qdaw.svg"
    for size in SIZES:
        target = RESOURCES / f"qdaw-{size}.png"
        if not render(svg, size).save(str(target)):
            raise SystemExit(f"{target}: could not be written")
        print(f"wrote {target.relative_to(RESOURCES.parent)}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
