"""The scan-input reader, headless: what a barcode scanner typed, told from a person's typing by its timing alone,
and which scans are a customer's personal QR (without reading the code's format)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.scan import (
    PERSONAL_QR_MAX,
    SCAN_GAP_S,
    SHORTEST_SCAN,
    ScanKind,
    ScanReader,
    kind_of_scan,
)

# Printable text a scanner can type (the code's content: anything but control characters).
printable = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1)
scanned = st.text(
    st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=SHORTEST_SCAN, max_size=300
)
fast_gap = st.floats(min_value=0.0, max_value=SCAN_GAP_S)
slow_gap = st.floats(min_value=SCAN_GAP_S * 1.01, max_value=5.0)


def type_into(reader: ScanReader, text: str, gaps: list[float], start: float) -> float:
    """Feed `text` key by key, `gaps[i]` seconds before key i; returns the time of the last key."""
    at = start
    for char, gap in zip(text, gaps, strict=True):
        at += gap
        reader.feed(char, at)
    return at


@given(st.data(), scanned, st.floats(min_value=0, max_value=1e6))
def test_a_fast_burst_ending_in_enter_is_read_whole(data, code, start):
    reader = ScanReader()
    gaps = [data.draw(slow_gap)] + [data.draw(fast_gap) for _ in code[1:]]
    last = type_into(reader, code, gaps, start)
    assert reader.enter(last + data.draw(fast_gap)) == code


@given(st.data(), printable, scanned)
def test_slow_typing_before_a_scan_is_not_part_of_it(data, typed, code):
    reader = ScanReader()
    last = type_into(reader, typed, [data.draw(slow_gap) for _ in typed], 0.0)
    last = type_into(reader, code, [data.draw(slow_gap)] + [data.draw(fast_gap) for _ in code[1:]], last)
    assert reader.enter(last + data.draw(fast_gap)) == code


@given(st.data(), printable)
def test_a_person_typing_is_never_a_scan(data, typed):
    """Any one pause longer than a scanner's, between two keys or before Enter, and it was a person."""
    reader = ScanReader()
    gaps = [data.draw(fast_gap | slow_gap) for _ in typed]
    slow_at = data.draw(st.integers(min_value=1, max_value=len(typed)))
    enter_gap = data.draw(slow_gap) if slow_at == len(typed) else data.draw(fast_gap)
    if slow_at < len(typed):
        gaps[slow_at] = data.draw(slow_gap)  # a pause inside: the burst before Enter is only what came after it
    last = type_into(reader, typed, gaps, 0.0)
    read = reader.enter(last + enter_gap)
    if read is not None:
        # only what came after the last pause, and only if that was a scanner's burst
        assert len(read) >= SHORTEST_SCAN
        assert slow_at < len(typed)
        assert typed[slow_at:].endswith(read)


@given(st.data(), st.text(min_size=1, max_size=SHORTEST_SCAN - 1))
def test_a_few_fast_keys_are_typing_not_a_scan(data, typed):
    reader = ScanReader()
    last = type_into(reader, typed, [1.0] + [data.draw(fast_gap) for _ in typed[1:]], 0.0)
    assert reader.enter(last + 0.001) is None


@given(st.data(), scanned)
def test_an_editing_key_inside_the_burst_breaks_it(data, code):
    reader = ScanReader()
    last = type_into(reader, code, [1.0] + [0.001 for _ in code[1:]], 0.0)
    reader.other(last + 0.001)  # Backspace, an arrow: a person's hand
    assert reader.enter(last + 0.002) is None


@given(scanned)
def test_each_enter_starts_afresh(code):
    reader = ScanReader()
    last = type_into(reader, code, [1.0] + [0.001 for _ in code[1:]], 0.0)
    assert reader.enter(last + 0.001) == code
    assert reader.enter(last + 0.002) is None


@given(st.text(alphabet="0123456789 ,.-+\u00a0", min_size=1))
def test_numbers_are_left_to_the_field_they_were_typed_into(text):
    """An amount on the amount screen, a phone number on the customer screen: typed as today."""
    assert kind_of_scan(text) is ScanKind.NUMBER


@given(scanned.filter(lambda t: any(c not in "0123456789 ,.-+\u00a0" for c in t)))
def test_any_other_printable_text_of_5_to_255_characters_is_a_personal_qr(code):
    expected = ScanKind.PERSONAL_QR if len(code) <= PERSONAL_QR_MAX else ScanKind.NOT_A_CODE
    assert kind_of_scan(code) is expected


@given(printable, st.sampled_from(["\t", "\x1d", "\x1b", "\x00", "\x7f"]), printable)
def test_control_characters_are_not_in_a_personal_qr(head, control, tail):
    assert kind_of_scan(head + control + tail) is ScanKind.NOT_A_CODE


def test_a_tokenized_code_is_a_personal_qr_and_is_never_changed():
    code = "https://qr.vipps.no/p/0a1B2c3D4e5F6g7H8i9J"
    reader = ScanReader()
    type_into(reader, code, [1.0] + [0.004] * (len(code) - 1), 0.0)
    assert reader.enter(1.0 + 0.004 * len(code)) == code
    assert kind_of_scan(code) is ScanKind.PERSONAL_QR
