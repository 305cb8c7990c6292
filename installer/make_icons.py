"""Render resources/icons/*.svg to the PNG sizes and Windows .ico files the installers use.

    .venv/bin/python installer/make_icons.py

The SVGs are the sources; the PNG/ICO files are committed (small) so that a build needs neither
QtSvg nor Pillow. Run again after changing an SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAMES = ("nn-review", "nnpkg", "nnrb", "nnscore")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(svg)).render(p)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for name in NAMES:
        svg = ICONS / f"{name}.svg"
        pngs = {}
        for size in sorted(set(PNG_SIZES) | set(ICO_SIZES)):
            pngs[size] = render(svg, size)
            if size in PNG_SIZES:
                (ICONS / f"{name}-{size}.png").write_bytes(pngs[size])
        # Pillow's ICO writer scales one image; give it the largest and the sizes wanted.
        big = Image.open(io.BytesIO(pngs[max(ICO_SIZES)]))
        big.save(ICONS / f"{name}.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES])
        print(f"{name}: {len(PNG_SIZES)} PNG, 1 ICO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
