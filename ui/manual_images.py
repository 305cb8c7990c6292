"""Refresh the manual's screenshots (resources/manual/images/) from a screenshot run:

    python -m ui.screenshots /tmp/shots && python -m ui.expert.screenshots /tmp/shots
    python -m ui.manual_images /tmp/shots

Each image is scaled to the width the manual shows it at, so the shipped files stay small.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH = 900  # as <img width> in resources/manual/*/index.html
# manual image ← screenshot (ui/screenshots.py, ui/expert/screenshots.py at 1366×768)
IMAGES = {
    "start_panel": "start_panel_demo",
    "main_window": "main_window",
    "formal_decision": "formal_decision",
    "roster": "roster",
    "panel_members": "panel_members",
    "bundle_export_folders": "bundle_export_folders",
    "bundle_passwords": "bundle_passwords",
    "returns": "returns",
    "results": "results",
    "expert_window": "expert_grading_1366x768",
}


def main(shots: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, source in IMAGES.items():
        image = QImage(str(shots / f"{source}.png"))
        if image.isNull():
            raise SystemExit(f"missing screenshot {shots / (source + '.png')}")
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.SmoothTransformation)
        path = out / f"{name}.png"
        # 256 colours: screenshots of a flat UI lose nothing visible, the files halve
        image = image.convertToFormat(QImage.Format_Indexed8, Qt.AvoidDither | Qt.ColorOnly)
        image.save(str(path), "PNG", 9)
        written.append(path)
    return written


if __name__ == "__main__":
    from nn_review.resources import resource
    for p in main(Path(sys.argv[1]), resource("manual", "images")):
        print(p)
