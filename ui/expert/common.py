"""Small pieces shared by the expert screens: status names and colours, the text of a refusal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nn_review.i18n import text_of

STATUS_COLOURS = {"not_started": "#6b7480", "in_progress": "#b26a00", "complete": "#1e7d32", "recused": "#8e24aa"}
STATUS_MARKS = {"not_started": "○", "in_progress": "◐", "complete": "●", "recused": "⊘"}


def status_text(status: str) -> str:
    return {"not_started": QCoreApplication.translate("ExpertStatus", "未开始"),
            "in_progress": QCoreApplication.translate("ExpertStatus", "进行中"),
            "complete": QCoreApplication.translate("ExpertStatus", "已完成"),
            "recused": QCoreApplication.translate("ExpertStatus", "回避")}[status]


def error_text(e: BaseException) -> str:
    """A refusal in the window's language (its ``msg`` where the core gave one, else its Chinese message);
    the technical detail stays out of what the expert reads."""
    return text_of(e)[0]
