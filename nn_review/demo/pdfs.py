"""Realistic Chinese A4 PDFs for demo packages, tests and benchmarks (reportlab platypus).

``make_pdf`` lays out a document the way a 南宁市科技计划项目申报书 looks: an optional
cover page, a running header and page numbers, numbered section headings (一、二、…),
wrapped body paragraphs and ruled tables. The CJK font (WenQuanYi Micro Hei) is embedded
as a subset, so the text is extractable (pdftotext, pypdf).

Section bodies use a tiny markup, one block per line:

* ``|a|b|c|`` — a table row; consecutive rows form one table, the first row is the header;
* ``## text`` — a sub-heading;
* anything else — a body paragraph (first line indented two characters).

``pages`` makes the document exactly that many pages: generic but realistic filler text
(补充说明) is appended when the content is short, and content that would run past the
last page is cut at a block boundary. ``target_bytes`` appends an attachment page with a
scanned-photo-like image of incompressible noise sized so the file lands close to the
target (as real scanned 申报材料 do); the noise is stored as a pre-encoded image stream,
so an 8 MB PDF takes a few hundred milliseconds. The output is deterministic for given
arguments (reportlab ``invariant`` mode).
"""

from __future__ import annotations

import functools
import io
import math
import random
import zlib
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.platypus import (ActionFlowable, BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.flowables import _listWrapOn

from ..pdf.fonts import FONT, register_font

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2.5 * cm, 2.6 * cm, 2.4 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
CN_NUM = "一二三四五六七八九十"


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    register_font()
    base = dict(fontName=FONT, wordWrap="CJK")
    return {
        "cover_org": ParagraphStyle("cover_org", **base, fontSize=15, leading=22, alignment=TA_CENTER,
                                    spaceAfter=10),
        "cover_title": ParagraphStyle("cover_title", **base, fontSize=24, leading=34, alignment=TA_CENTER,
                                      spaceBefore=30, spaceAfter=40),
        "cover_kv": ParagraphStyle("cover_kv", **base, fontSize=12.5, leading=20),
        "cover_foot": ParagraphStyle("cover_foot", **base, fontSize=13, leading=22, alignment=TA_CENTER),
        "title": ParagraphStyle("title", **base, fontSize=18, leading=27, alignment=TA_CENTER, spaceAfter=14),
        "h1": ParagraphStyle("h1", **base, fontSize=14, leading=21, spaceBefore=12, spaceAfter=6,
                             textColor=colors.HexColor("#1f3864")),
        "h2": ParagraphStyle("h2", **base, fontSize=12, leading=18, spaceBefore=6, spaceAfter=3),
        "body": ParagraphStyle("body", **base, fontSize=10.5, leading=18.5, firstLineIndent=21, spaceAfter=4),
        "cell": ParagraphStyle("cell", **base, fontSize=9.5, leading=13.5),
        "cell_head": ParagraphStyle("cell_head", **base, fontSize=9.5, leading=13.5, alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", **base, fontSize=9.5, leading=14, alignment=TA_CENTER,
                                  textColor=colors.HexColor("#444444"), spaceBefore=4),
    }


# ---------------------------------------------------------------------------------------------
# filler text for `pages`


_FILLER_HEADINGS = ("前期工作基础", "项目实施的可行性分析", "组织管理与保障措施", "风险分析与应对措施",
                    "预期经济社会效益", "知识产权与成果转化安排", "其他需要说明的事项")

_FILLER_SENTENCES = (
    "项目团队近三年围绕相关技术方向开展了持续研究，积累了较为完整的试验数据和工程化经验。",
    "申报单位已建成面积约{n}平方米的研发场地，配备主要仪器设备{m}台（套），能够满足项目研发和中试需要。",
    "项目实行项目负责人负责制，设立技术专家组和项目管理办公室，按季度召开进度协调会。",
    "合作各方已签订产学研合作协议，明确了任务分工、经费使用、知识产权归属和成果收益分配方式。",
    "项目经费实行专账管理、单独核算，严格按照南宁市科技计划项目经费管理有关规定执行。",
    "针对关键技术攻关可能出现的进度滞后风险，项目组将预留技术备选方案并加强阶段性考核。",
    "项目成果将优先在南宁市及周边地区进行转化应用，并逐步向区内外和东盟国家推广。",
    "通过项目实施，预计可带动上下游企业新增就业岗位{k}个，培养专业技术人才{j}名。",
    "项目组成员专业结构合理，涵盖研发设计、工艺工程、检验检测和市场推广等环节。",
    "申报单位建立了较为完善的研发投入核算制度，近三年研发投入占销售收入比例保持在{p}%以上。",
    "项目实施过程中将严格遵守科研诚信和科技伦理有关要求，确保数据真实、过程可追溯。",
    "项目将形成一套可复制、可推广的技术方案和应用模式，为同类企业提供示范和借鉴。",
    "在成果转化方面，申报单位将通过自主实施、技术许可和合作开发等方式推动成果产业化。",
    "项目承担单位承诺按期报送项目执行情况报告，主动配合市科技局开展中期检查和验收工作。",
    "针对市场推广风险，项目组已与{k}家意向用户单位建立联系，部分单位已出具应用意向函。",
    "项目所需配套条件已基本落实，自筹经费来源于企业自有资金，可按计划足额到位。",
    "项目将建立健全技术档案和实验记录制度，关键数据实行双人复核和定期备份。",
    "项目实施期间将组织技术培训和现场观摩{j}场次，提升行业整体技术水平。",
)


def _filler(rng: random.Random, paragraphs: int) -> list[tuple[str, list[str]]]:
    """(sub-heading, paragraphs) groups of plausible supplementary text, ``paragraphs`` in all."""
    out: list[tuple[str, list[str]]] = []
    headings = list(_FILLER_HEADINGS)
    rng.shuffle(headings)
    deck: list[str] = []
    for i in range(paragraphs):
        if i % 4 == 0:
            out.append((f"（{CN_NUM[(i // 4) % 10]}）{headings[(i // 4) % len(headings)]}", []))
        picks = []
        for _ in range(rng.randint(3, 5)):
            if not deck:  # deal every sentence once before any repeats
                deck = list(_FILLER_SENTENCES)
                rng.shuffle(deck)
            picks.append(deck.pop())
        out[-1][1].append("".join(s.format(n=rng.randint(3, 40) * 100, m=rng.randint(12, 160),
                                           k=rng.randint(5, 60), j=rng.randint(3, 30), p=rng.randint(3, 9))
                                  for s in picks))
    return out


# ---------------------------------------------------------------------------------------------
# padding image


class _NoiseImage(pdfdoc.PDFImageXObject):
    """An RGB image XObject whose (Flate, stored-block) stream is already encoded."""

    def __init__(self, name: str, width: int, height: int, stream: bytes):
        super().__init__(name)
        self.width, self.height = width, height
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceRGB"
        self.streamContent = stream
        self._filters = ("FlateDecode",)
        self.mask = None


@functools.lru_cache(maxsize=4)
def _noise_stream(width: int, height: int, seed: int) -> bytes:
    """Random RGB pixels, zlib-wrapped without compression (level 0: fast, size = raw size)."""
    raw = random.Random(0x6E6E706B ^ seed).randbytes(width * height * 3)
    return zlib.compress(raw, 0)


class _ScanImage(Flowable):
    """Draws a registered noise image at a fixed display size (layout never depends on pixels)."""

    def __init__(self, width_px: int, height_px: int, seed: int, disp_w: float, disp_h: float):
        super().__init__()
        self.px = (width_px, height_px)
        self.seed = seed
        self.disp = (disp_w, disp_h)

    def wrap(self, aW, aH):
        return self.disp

    def draw(self):
        c = self.canv
        w, h = self.px
        name = f"nnscan{w}x{h}s{self.seed}"
        reg = c._doc.getXObjectName(name)
        if not c._doc.idToObject.get(reg):
            img = _NoiseImage(name, w, h, _noise_stream(w, h, self.seed))
            c._setXObjects(img)
            c._doc.Reference(img, reg)
            c._doc.addForm(name, img)
        c.saveState()
        c.setStrokeColor(colors.HexColor("#888888"))
        c.rect(-2, -2, self.disp[0] + 4, self.disp[1] + 4)
        c.scale(*self.disp)
        c._code.append(f"/{reg} Do")
        c._formsinuse.append(name)
        c.restoreState()


# ---------------------------------------------------------------------------------------------
# layout


class _EndLimit(ActionFlowable):
    """Marks the end of the content that the page limit may cut."""

    def apply(self, doc):
        doc._limit = None


class _Doc(BaseDocTemplate):
    def __init__(self, buf, *, header: str, limit: int | None, reserve: float, **kw):
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, invariant=1, **kw)
        self._header = header
        self._limit = limit
        self._reserve = reserve
        self.truncated = False
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canv, doc):
        canv.saveState()
        canv.setFont(FONT, 8.5)
        canv.setFillColor(colors.HexColor("#555555"))
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.5)
        top = PAGE_H - MARGIN_TOP + 0.6 * cm
        header = self._header if len(self._header) <= 48 else self._header[:47] + "…"
        canv.drawString(MARGIN_X, top + 3, header)
        canv.drawRightString(PAGE_W - MARGIN_X, top + 3, "南宁市科技计划项目管理")
        canv.line(MARGIN_X, top, PAGE_W - MARGIN_X, top)
        canv.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM - 1.2 * cm, f"— {doc.page} —")
        canv.restoreState()

    def filterFlowables(self, flowables):
        """On the last allowed page, drop whatever no longer fits (up to the end-of-limit marker)."""
        if self._limit is None or self.page < self._limit or not flowables:
            return
        f = flowables[0]
        if f is None or isinstance(f, _EndLimit) or self._fits(f):
            return
        end = next((i for i, x in enumerate(flowables) if isinstance(x, _EndLimit)), len(flowables))
        flowables[:end] = [None]
        self.truncated = True

    def _fits(self, f) -> bool:
        if isinstance(f, (ActionFlowable, PageBreak)):
            return False
        frame = self.frame
        avail = frame._y - frame._y1p - self._reserve - (0 if frame._atTop else f.getSpaceBefore())
        if avail <= 0:
            return False
        if isinstance(f, KeepTogether):  # its wrap() reports a huge height on purpose
            _w, h = _listWrapOn(f._content, frame._getAvailableWidth(), self.canv)
        else:
            _w, h = f.wrapOn(self.canv, frame._getAvailableWidth(), avail)
        return h <= avail + 0.01


def _col_widths(rows: list[list[str]]) -> list[float]:
    """Natural widths when they fit; otherwise narrow columns keep theirs and the wide ones
    share the rest in proportion (so codes and numbers do not wrap while long names do)."""
    pad = 9.0
    natural = [max(pdfmetrics.stringWidth(r[j], FONT, 9.5) for r in rows) + pad for j in range(len(rows[0]))]
    natural = [max(w, 1.6 * cm) for w in natural]
    if sum(natural) <= FRAME_W:
        return [w * FRAME_W / sum(natural) for w in natural]
    fixed: set[int] = set()
    while True:
        flexible = [j for j in range(len(natural)) if j not in fixed]
        room = FRAME_W - sum(natural[j] for j in fixed)
        share = room / len(flexible)
        narrow = [j for j in flexible if natural[j] <= share]
        if not narrow or len(narrow) == len(flexible):
            break
        fixed.update(narrow)
    total = sum(natural[j] for j in flexible)
    return [natural[j] if j in fixed else natural[j] * room / total for j in range(len(natural))]


def _table(rows: list[list[str]]) -> Table:
    st = _styles()
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    widths = _col_widths(rows)
    data = [[Paragraph(escape(c), st["cell_head"] if i == 0 else st["cell"]) for c in r]
            for i, r in enumerate(rows)]
    t = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    t.spaceBefore, t.spaceAfter = 4, 8
    return t


def _keep(*items: Flowable) -> KeepTogether:
    """KeepTogether over ``items``, flattening nested ones (reportlab's KeepTogether reports
    a huge height to force a split, so a nested one would always break the page)."""
    content: list[Flowable] = []
    for f in items:
        content += f._content if isinstance(f, KeepTogether) else [f]
    return KeepTogether(content)


def _blocks(body: str) -> list[Flowable]:
    """Flowables for one section body. A sub-heading is kept with the block after it, and a
    short table with the paragraph that introduces it."""
    st = _styles()
    out: list[Flowable] = []
    rows: list[list[str]] = []
    pending: list[Flowable] = []  # a sub-heading waiting for its first block

    def add(f: Flowable, glue_to_previous: bool = False) -> None:
        nonlocal pending
        if pending:
            out.append(_keep(*pending, f))
            pending = []
        elif glue_to_previous and out and isinstance(out[-1], Paragraph):
            out[-1] = _keep(out[-1], f)
        else:
            out.append(f)

    for line in body.splitlines() + [""]:
        s = line.strip()
        if s.startswith("|"):
            rows.append([c.strip() for c in s.strip("|").split("|")])
            continue
        if rows:
            add(_table(rows), glue_to_previous=len(rows) <= 12)
            rows = []
        if not s:
            continue
        if s.startswith("## "):
            pending.append(Paragraph(escape(s[3:]), st["h2"]))
        else:
            add(Paragraph(escape(s), st["body"]))
    out += pending
    return out


def _numbered(i: int, heading: str) -> str:
    if heading[:1].isdigit() or heading[:1] in CN_NUM or heading.startswith(("附", "（")):
        return heading
    n = CN_NUM[i] if i < 10 else f"十{CN_NUM[i - 10]}" if i < 19 else str(i + 1)
    return f"{n}、{heading}"


def _cover(title: str, cover: list[tuple[str, str]], org: str, foot: str) -> list[Flowable]:
    st = _styles()
    rows = [[Paragraph(escape(k), st["cover_kv"]), Paragraph(escape(v), st["cover_kv"])] for k, v in cover]
    t = Table(rows, colWidths=[4.2 * cm, 10.8 * cm], hAlign="CENTER")
    t.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                           ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [Spacer(1, 2.2 * cm), Paragraph(escape(org), st["cover_org"]),
            Paragraph(escape(title), st["cover_title"]), Spacer(1, 1.0 * cm), t, Spacer(1, 3.2 * cm),
            Paragraph(escape(foot), st["cover_foot"]), PageBreak()]


def _story(title, sections, cover, cover_org, cover_foot, numbered) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = []
    if cover:
        story += _cover(title, cover, cover_org, cover_foot)
    story.append(Paragraph(escape(title), st["title"]))
    for i, (heading, body) in enumerate(sections):
        blocks = _blocks(body)
        head = Paragraph(escape(_numbered(i, heading) if numbered else heading), st["h1"])
        # Keep a heading with its first block (a block taller than a page still splits).
        story += [_keep(head, blocks[0])] + blocks[1:] if blocks else [head]
    return story


def _build(story: list[Flowable], *, header: str, title: str, limit: int | None,
           reserve: float = 0.0) -> tuple[bytes, int, bool]:
    buf = io.BytesIO()
    doc = _Doc(buf, header=header, limit=limit, reserve=reserve, title=title,
               author="南宁市科技计划项目申报系统（演示数据）", creator="nn_review.demo.pdfs",
               subject="南宁市科技计划项目申报材料")
    doc.build(story)
    return buf.getvalue(), doc.page, doc.truncated


def make_pdf(title: str, sections: list[tuple[str, str]], *, pages: int | None = None,
             target_bytes: int | None = None, seed: int = 0, cover: list[tuple[str, str]] | None = None,
             cover_org: str = "南宁市科技计划项目申报书", cover_foot: str = "南宁市科学技术局制",
             header: str | None = None, numbered: bool = True) -> bytes:
    """A Chinese A4 PDF: ``title``, then ``sections`` as (heading, body) with the markup above.

    ``pages``: exactly that many pages (filler added / content cut as needed).
    ``target_bytes``: pad with a scanned-photo attachment page to about that size (never
    smaller than the document without padding). ``seed`` varies filler text and noise.
    ``cover``: (label, value) lines for a cover page (项目名称, 申报单位, …).
    """
    if pages is not None and pages < 1:
        raise ValueError("pages must be ≥ 1")
    if not title or len(title) > 400:
        raise ValueError("title must be 1–400 characters")
    header = header or title
    st = _styles()

    def tail(px: tuple[int, int]) -> tuple[list[Flowable], float]:
        """Attachment blocks for the padding image, and the space to reserve for them."""
        if target_bytes is None:
            return [], 0.0
        if pages == 1:  # no room for an attachment page: a small scan at the end of page 1
            img = _ScanImage(*px, seed, 6 * cm, 4.5 * cm)
            blocks = [Paragraph("附：现场照片（扫描件）", st["h2"]), img]
            return blocks, sum(b.wrap(FRAME_W, FRAME_H)[1] + b.getSpaceBefore() for b in blocks) + 12
        img = _ScanImage(*px, seed, 15.5 * cm, 15.5 * cm)
        return [PageBreak(), Paragraph("附件：项目现场及主要设备照片（扫描件）", st["h1"]), Spacer(1, 0.4 * cm),
                img, Paragraph("图 项目现场及主要设备照片（原件存申报单位备查）", st["caption"])], 0.0

    def assemble(px: tuple[int, int], filler_paragraphs: int) -> tuple[bytes, int]:
        story = _story(title, sections, cover, cover_org, cover_foot, numbered)
        blocks, reserve = tail(px)
        limit = None
        if pages is not None:
            limit = pages if (pages == 1 or target_bytes is None) else pages - 1
            if filler_paragraphs:
                head = Paragraph(_numbered(len(sections), "补充说明") if numbered else "补充说明", st["h1"])
                for sub, paras in _filler(random.Random(seed * 7919 + 17), filler_paragraphs):
                    first = [Paragraph(escape(sub), st["h2"]), Paragraph(escape(paras[0]), st["body"])]
                    story.append(_keep(*([head] if head else []), *first))
                    story += [Paragraph(escape(t), st["body"]) for t in paras[1:]]
                    head = None
        story.append(_EndLimit())
        story += blocks
        data, n, _ = _build(story, header=header, title=title, limit=limit, reserve=reserve)
        return data, n

    def exact(px: tuple[int, int]) -> bytes:
        if pages is None:
            return assemble(px, 0)[0]
        filler = 8 * pages + 8
        for _ in range(6):
            data, n = assemble(px, filler)
            if n == pages:
                return data
            if n > pages:  # cannot happen unless a single block is taller than a page
                raise RuntimeError(f"make_pdf: got {n} pages, wanted {pages}")
            filler *= 2
        raise RuntimeError(f"make_pdf: could not fill {pages} pages")

    data = exact((1, 1))
    if target_bytes is None:
        return data
    need = target_bytes - len(data)
    if need < 3 * 64 * 64:
        return data
    w = max(64, int(math.sqrt(need / 3)))
    h = max(1, need // (3 * w))
    return exact((w, h))
