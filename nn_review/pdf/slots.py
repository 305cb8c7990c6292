"""Signature boxes: the places on a printed sheet where the PDF signatures go.

:class:`SignatureSlots` draws a dashed box (with a caption) for each signature and records in a
:class:`SlotSink` where each landed, so ``pdf.signing`` creates the signature fields exactly
there. Used by the secretary's result sheets and the expert's score sheet alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from .fonts import register_font

SIG_SECRETARY = "SigSecretary"
SIG_LEADER = "SigLeader"
SIG_EXPERT = "SigExpert"   # the expert's own printed sheet (expert workspace)
SIG_LABELS = {SIG_SECRETARY: "电子签名：评审秘书", SIG_LEADER: "电子签名：专家组组长", SIG_EXPERT: "电子签名：评审专家"}
CAPTION = colors.HexColor("#555555")  # the sheets' muted grey (results.pdfkit.MUTED)


@dataclass
class SlotSink:
    """Where each signature box was drawn: name → (page index, (x1, y1, x2, y2)) in PDF points."""
    slots: dict[str, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)


class SignatureSlots(Flowable):
    """Boxes side by side for the PDF signatures; a caption under each."""

    def __init__(self, names: list[str], sink: SlotSink, box_w: float = 7.6 * cm, box_h: float = 2.7 * cm,
                 gap: float = 0.8 * cm):
        super().__init__()
        self.names, self.sink, self.box_w, self.box_h, self.gap = names, sink, box_w, box_h, gap
        self.caption_h = 0.5 * cm

    def wrap(self, aw, ah):
        self.width = aw
        self.height = self.box_h + self.caption_h
        return aw, self.height

    def draw(self):
        c = self.canv
        font = register_font()
        for i, name in enumerate(self.names):
            x = i * (self.box_w + self.gap)
            y = self.caption_h
            c.saveState()
            c.setStrokeColor(colors.HexColor("#9aa5b1"))
            c.setDash(3, 2)
            c.rect(x, y, self.box_w, self.box_h)
            c.setDash()
            c.setFillColor(colors.HexColor("#8a96a3"))
            c.setFont(font, 8)
            c.drawCentredString(x + self.box_w / 2, y + self.box_h / 2 - 3, "（此处为 PDF 数字签名位置）")
            c.setFillColor(CAPTION)
            c.setFont(font, 8.5)
            c.drawString(x, 2, SIG_LABELS.get(name, name))
            c.restoreState()
            x1, y1 = c.absolutePosition(x, y)
            x2, y2 = c.absolutePosition(x + self.box_w, y + self.box_h)
            self.sink.slots[name] = (c.getPageNumber() - 1, (round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)))
