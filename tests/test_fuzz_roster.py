"""Fuzz of the roster reader (issue 12): mutated workbooks get a report or a RosterError, nothing else.

Three kinds of damage: bytes flipped anywhere in the zip; the XML of the sheet or the shared
strings cut, spliced and sprinkled with hostile fragments (inside a sound zip, so the XML and
cell parsing is reached); and random cell contents — any unicode, control characters,
formulas with and without results, error values, odd numbers. Every example asserts: only
RosterError escapes, the store is unchanged when it is raised, no file appears outside the
store (temporary files included), and Python memory stays bounded.

``NN_REVIEW_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_roster.py`` runs more.
"""

import tempfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from nn_review.roster.errors import RosterError
from nn_review.roster.xlsx import import_roster
from nn_review.store.models import AuditEvent, Expert

from .fuzzing import FUZZ, bounded_memory, files_under
from .roster_files import HEAD, VALID, members_of, raw, raw_zip, sheet_xml, workbook_bytes
from .test_roster import new_store

BASE_ROWS = VALID + [["", "赵某", "桂林学院", None, None, raw('<c r="F4" t="s"><v>0</v></c>'), 13700000003]]
BASE = workbook_bytes(BASE_ROWS, strings=["新材料", "人工智能"])
FRAGMENTS = [
    '<c r="B2" t="s"><v>7</v></c>', '<c r="B2" t="s"><v>-1</v></c>', '<c t="s"><v>x</v></c>', '<c r="ZZZZ9"><v>1</v></c>',
    '<c r="B3"><f>1+1</f></c>', '<c r="C2" t="str"><f>A1</f><v>广西</v></c>', '<c r="C2" t="e"><v>#N/A</v></c>',
    '<c r="G2"><v>1e999</v></c>', '<c r="G2"><v>' + "9" * 5000 + "</v></c>", '<c r="A2" t="b"><v>1</v></c>',
    '<c r="A2" t="d"><v>2025-13-45</v></c>', '<c r="A2" s="99"><v>45000</v></c>', '<c r="A2" t="inlineStr"/>',
    '<row r="0">', '<row r="-5"/>', '<row r="1.5"/>', '<row r="99999999999"/>', "</row>", "<row>", "</c>",
    '<mergeCell ref="A1:C1"/>', '<mergeCells><mergeCell ref="B2:B3"/></mergeCells>', '<mergeCell ref="nonsense"/>',
    '<!DOCTYPE x [<!ENTITY a "b">]>', "&a;", "&amp;", "&#0;", "&#x1F;", "<![CDATA[=1+1]]>", "<?pi x?>", "<!-- c -->",
    "<si><t>=HYPERLINK(\"x\")</t></si>", "<si/>", "<t>", "\x00", "\ufeff", "\u202e", "<is><t>x</t></is>",
    '<dimension ref="A1:XFD1048576"/>', '<sheetData/>', "<x:row xmlns:x=\"urn:x\"/>",
]


@pytest.fixture
def store(tmp_path):
    s = new_store(tmp_path)
    yield s
    s.close()


def _counts(store):
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Expert)), s.scalar(select(func.count()).select_from(AuditEvent)))


def check(store, tmp_path, monkeypatch, data: bytes) -> None:
    """Import ``data``: a report or a RosterError (store unchanged), no stray file, bounded memory."""
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))  # anything the reader writes to a temp file lands here
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(data)
    before_files = files_under(tmp_path) - files_under(store.root)
    before = _counts(store)
    with bounded_memory(256):
        try:
            import_roster(store, path)
        except RosterError as e:
            assert str(e) and _counts(store) == before
    assert files_under(tmp_path) - files_under(store.root) == before_files
    assert not any(tmp.iterdir())


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, len(BASE) - 1), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.integers(0, len(BASE))))
def test_bytes_flipped_in_the_zip(store, tmp_path, monkeypatch, flips, cut):
    data = bytearray(BASE)
    for pos, byte in flips:
        data[pos] = byte
    check(store, tmp_path, monkeypatch, bytes(data[:cut] if cut is not None else data))


@FUZZ
@given(part=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                             "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]),
       edits=st.lists(st.tuples(st.sampled_from(["cut", "insert", "repeat"]), st.floats(0, 1), st.floats(0, 1),
                                st.sampled_from(FRAGMENTS)), min_size=1, max_size=6))
def test_xml_mutated_inside_a_sound_zip(store, tmp_path, monkeypatch, part, edits):
    members = members_of(BASE)
    xml = members[part].decode("utf-8")
    for op, a, b, fragment in edits:
        i, j = sorted((int(a * len(xml)), int(b * len(xml))))
        if op == "cut":
            xml = xml[:i] + xml[j:]
        elif op == "insert":
            xml = xml[:i] + fragment + xml[i:]
        else:
            xml = xml[:j] + xml[i:j] * 3 + xml[j:]
    members[part] = xml.encode("utf-8", "surrogatepass")
    check(store, tmp_path, monkeypatch, raw_zip(members))


_any_text = st.text(st.characters(codec="utf-8"), max_size=60)
_cell = st.one_of(
    _any_text.map(lambda t: raw(f'<c t="inlineStr"><is><t xml:space="preserve">{escape(t)}</t></is></c>')),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),  # legal text, through the builder
    st.sampled_from(["=1+1", '=HYPERLINK("http://x","y")', "+1", "-1", "@A1", "\u202e王某", "王\u200b某", "ZJ-1"]),
    st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True), st.none(),
    st.tuples(st.text(max_size=30), st.one_of(st.none(), st.text(max_size=30))).map(
        lambda fv: raw(f'<c t="str"><f>{escape(fv[0])}</f>' + (f"<v>{escape(fv[1])}</v>" if fv[1] is not None else "")
                       + "</c>")),
    st.sampled_from(["#REF!", "#N/A", "#DIV/0!"]).map(lambda e: raw(f'<c t="e"><v>{e}</v></c>')),
    st.integers(-3, 5).map(lambda i: raw(f'<c t="s"><v>{i}</v></c>')),
)


@FUZZ
@given(rows=st.lists(st.lists(_cell, max_size=12), max_size=8), head=st.sampled_from([HEAD, HEAD[:3], HEAD[::-1], None]),
       merged=st.lists(st.sampled_from(["A1:B1", "C2:C3", "B2:D2", "A5:A9", "J1:K4"]), max_size=2))
def test_random_cell_contents(store, tmp_path, monkeypatch, rows, head, merged):
    extra = "<mergeCells>" + "".join(f'<mergeCell ref="{m}"/>' for m in merged) + "</mergeCells>" if merged else ""
    sheet = sheet_xml(rows, head=head, extra=extra)
    check(store, tmp_path, monkeypatch, workbook_bytes(sheet=sheet.encode("utf-8", "surrogatepass"),
                                                       strings=["甲", "=1+1", "乙"]))


def test_the_base_workbook_imports(store, tmp_path):
    """The fuzz starts from a sound workbook (else every example would only test the refusal)."""
    path = tmp_path / "base.xlsx"
    path.write_bytes(BASE)
    rep = import_roster(store, path)
    assert rep.added == 3 and not rep.errors
