"""Bytes → text: detect the encoding of one scraped page and decode it strictly.

Supported: UTF-8 (with or without BOM), UTF-16 (with or without BOM), GB18030 (a superset of GBK and
GB2312) and Big5. Legacy encodings are told apart by how plausible the decoded text is: the share of
CJK characters that are common ones (GB2312 level 1 or Big5 frequently-used characters), derived from
Python's own codecs, so no data file and no network. A file that cannot be decoded raises
:class:`~reportnlp.errors.InputError` naming the line of the first bad byte: nothing is guessed away.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Optional

from reportnlp.errors import InputError

#: Encodings :func:`decode` may report.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030", "big5")

_BOMS = (  # (bom, codec that strips it, name reported)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


@lru_cache(maxsize=1)
def _common_cjk() -> frozenset[str]:
    """Frequently used hanzi: GB2312 level 1 (3,755 simplified) and Big5 A440–C67E (5,401 traditional)."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((hi, lo)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


_ODD = re.compile(
    r"[\ue000-\uf8ff\u3040-\u30ff\u3100-\u312f\u2500-\u257f\uff61-\uff9f\ufffd\u0080-\u009f]"
)


def plausibility(text: str) -> float:
    """Share of CJK ideographs in ``text`` that are common characters, with characters a wrong decoding
    produces (private-use, kana, bopomofo, box drawing, C1 controls) counted against it; 1.0 for no CJK.

    >>> plausibility("关于全市理论宣讲工作汇报") == 1.0
    True
    >>> plausibility("闽\ue804\ue784カ") < 0.5
    True
    """
    common = _common_cjk()
    n = hits = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            n += 1
            hits += ch in common
    odd = len(_ODD.findall(text))
    return hits / (n + odd) if n + odd else 1.0


def _line_of(data: bytes, pos: int, unit: int = 1) -> int:
    """1-based line of byte offset ``pos`` (``unit`` = 2 for UTF-16)."""
    if unit == 2:
        return data[:pos].decode("utf-16-le", "ignore").count("\n") + 1 if pos else 1
    return data.count(b"\n", 0, pos) + 1


def _guess_utf16(data: bytes) -> Optional[tuple[str, str]]:
    """BOM-less UTF-16: the byte order whose strict decoding reads as plausible text, if any."""
    best: Optional[tuple[float, str, str]] = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_binary(text):
            continue
        cjk_or_ascii = sum(
            1
            for ch in text[:5000]
            if ch < "\x7f" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
        )
        score = plausibility(text) * cjk_or_ascii / max(1, min(len(text), 5000))
        if score > 0.5 and (best is None or score > best[0]):
            best = (score, enc, text)
    return (best[2], best[1]) if best else None


def _is_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed in more than 1 % of the text, or any NUL."""
    if "\x00" in text:
        return True
    bad = sum(1 for ch in text[:20000] if ch < " " and ch not in "\t\n\r\f\v")
    return bad > 0.01 * min(len(text), 20000)


def _binary_hint(data: bytes) -> str:
    """What a binary input is, by the first bytes the readers tell standard input apart by
    (:func:`reportnlp.readers.reader_for_data`), and where it is read: the files' readers (``clean_files``,
    the commands), not ``clean()`` on its bytes."""
    from reportnlp.readers import reader_for_data, zip_kind

    if data.startswith(b"PK\x03\x04") and zip_kind(data) is None:
        return " (a ZIP archive: unpack it first, e.g. unzip FILE -d FOLDER, and give the folder)"
    reader = reader_for_data(data)
    kind = getattr(reader, "suffix", None) or next(iter(reader.extensions), "")
    if kind in ("", ".txt", ".html", ".jsonl"):
        return ""
    return f" (a {kind} file: read it with reportnlp.clean_files(path) or the reportnlp commands)"


def decode(
    data: bytes, *, source: Optional[str] = None, encoding: Optional[str] = None
) -> tuple[str, str]:
    """Decode one document's bytes; return ``(text, encoding)``.

    Raises :class:`InputError` for an empty or binary file or bytes that no supported encoding decodes
    (a truncated multi-byte sequence, say), naming ``source`` and the line of the first bad byte.

    >>> decode("關於全市".encode("big5"))
    ('關於全市', 'big5')
    >>> decode("关于全市".encode("gb18030"))
    ('关于全市', 'gb18030')
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise InputError("empty file: no text to clean", source)
    if encoding:
        return _decode_strict(data, encoding, source), encoding
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data, codec, source), source), name
    if b"\x00" in data:
        utf16 = _guess_utf16(data)
        if utf16 is None:
            raise InputError(
                "binary file: NUL bytes and not UTF-16 text" + _binary_hint(data),
                source,
                _line_of(data, data.index(0)),
            )
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_err = err
    else:
        if _is_binary(text) and len(data) % 2 == 0:  # short BOM-less UTF-16 ("。" is 02 30)
            utf16 = _guess_utf16(data)
            if utf16 is not None:
                return utf16
        return _checked(text, source), "utf-8"
    # A file that is valid UTF-8 but for its last bytes was truncated mid-character.
    if utf8_err.start >= len(data) - 3 and utf8_err.reason == "unexpected end of data":
        raise InputError(
            f"truncated multi-byte UTF-8 sequence at byte {utf8_err.start}: the file is cut short "
            "(an interrupted download or copy); fetch or copy it again",
            source,
            _line_of(data, utf8_err.start),
        )
    candidates: list[tuple[float, int, str, str]] = []
    cut: Optional[tuple[float, str, int]] = None  # a legacy file cut short in its last character
    for rank, enc in enumerate(("gb18030", "big5")):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as err:
            if err.start >= len(data) - 3 and err.end == len(data):
                score = plausibility(data[: err.start].decode(enc, "replace"))
                if cut is None or score > cut[0]:
                    cut = (score, enc, err.start)
            continue
        candidates.append((plausibility(text), -rank, enc, text))
    # BOM-less UTF-16 without a NUL byte (no ASCII in it): taken when it reads better than any legacy one
    utf16 = _guess_utf16(data) if len(data) % 2 == 0 else None
    if utf16 is not None and plausibility(utf16[0]) > max(candidates, default=(0.0,))[0]:
        return _checked(utf16[0], source), utf16[1]
    if not candidates and cut is not None and cut[0] >= 0.5:
        raise InputError(
            f"truncated multi-byte {cut[1].upper()} sequence at byte {cut[2]}: the file is cut short "
            "(an interrupted download or copy); fetch or copy it again",
            source,
            _line_of(data, cut[2]),
        )
    # A legacy decoding is taken when it reads as Chinese, or when nothing before the bad byte was
    # multi-byte UTF-8 (so the file never was UTF-8 to begin with).
    damaged_utf8 = any(b >= 0x80 for b in data[: utf8_err.start])
    if candidates:
        score, _, enc, text = max(candidates)
        if score >= 0.5 or not damaged_utf8:
            return _checked(text, source), enc
    raise InputError(
        f"cannot decode: invalid UTF-8 byte 0x{data[utf8_err.start]:02x} at byte {utf8_err.start}"
        " and no supported legacy encoding fits",
        source,
        _line_of(data, utf8_err.start),
    )


def _decode_strict(data: bytes, enc: str, source: Optional[str]) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as err:
        unit = 2 if enc.startswith("utf-16") else 1
        what = (
            "truncated multi-byte sequence"
            if err.reason in ("unexpected end of data", "truncated data")
            else err.reason
        )
        raise InputError(
            f"cannot decode as {enc}: {what} at byte {err.start}",
            source,
            _line_of(data, err.start, unit),
        ) from None


def _checked(text: str, source: Optional[str]) -> str:
    if _is_binary(text):
        raise InputError("binary file: too many control characters for text", source)
    return text
