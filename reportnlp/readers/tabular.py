"""Tables: CSV/TSV (standard library), XLSX (``xlsx`` extra: openpyxl), parquet (``parquet`` extra:
pyarrow, read one row group at a time). One row is one document; the header names the fields."""

from __future__ import annotations

import csv
import io
import logging
import math
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, Optional

from reportnlp.errors import InputError
from reportnlp.normalise.decode import decode
from reportnlp.readers.base import (
    DEFAULT_TEXT_KEYS,
    BaseReader,
    Failure,
    Item,
    MissingExtra,
    Record,
    likely_text_field,
    need,
    stem_of,
    text_field_hint,
)
from reportnlp.readers.jsonl import COMPRESSIONS, decompress

_log = logging.getLogger("reportnlp")

csv.field_size_limit(1 << 30)  # a report is one cell: far above the default 128 KiB


def _plain(value: Any) -> Any:
    """A cell as a JSON value: NaN/NaT as None, dates as ISO text, numpy scalars as Python ones, bytes
    as UTF-8 text, anything else (a Decimal) as its text."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return str(value)  # Decimal and other cell types: as text, so every output can write them


def header_delimiter(line: str, text_key: Optional[str], delimiters: str = "\t,") -> Optional[str]:
    """The delimiter of ``line`` when it is a table's header row naming its text column (``text``,
    ``content``, ``html`` or ``text_key``) among short names (``id,title,content,url``), else ``None``: a
    report's first line never reads so."""
    wanted = {text_key} if text_key else {*DEFAULT_TEXT_KEYS, "html"}
    for sep in delimiters:
        names = [n.strip().strip('"').strip() for n in line.rstrip("\r").split(sep)]
        if len(names) >= 2 and all(0 < len(n) <= 40 for n in names) and wanted & set(names):
            return sep
    return None


def table_delimiter(data: bytes, text_key: Optional[str], delimiters: str = "\t,") -> Optional[str]:
    """:func:`header_delimiter` of the first line of ``data`` (UTF-16 with its BOM, as Excel writes "Unicode
    text", or UTF-8 with or without one; undecodable bytes replaced)."""
    head = data[:4096]
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")):
        if head.startswith(bom):
            text = head[len(bom) :].decode(enc, "replace")
            break
    else:
        text = head.decode("utf-8", "replace")
    return header_delimiter(text.split("\n", 1)[0], text_key, delimiters)


class CsvReader(BaseReader):
    """Comma-separated values with a header row, decoded as a ``.txt`` is (UTF-8 with or without BOM,
    UTF-16, GB18030 or Big5: :func:`reportnlp.normalise.decode.decode`)."""

    extensions = tuple(".csv" + c for c in ("",) + COMPRESSIONS)
    delimiter = ","

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        data = decompress(data, path)
        try:  # as a .txt is decoded: BOMs, UTF-8, UTF-16 (Excel's "Unicode text"), GB18030 or Big5
            text, encoding = decode(data, source=path)
        except InputError as err:
            where = path if err.line is None else f"{path}:{err.line}"
            empty = err.message.startswith("empty")
            yield Failure(
                where, err.message if empty else f"{err.message}; save the table as UTF-8"
            )
            return
        header = text.split("\n", 1)[0]
        # Excel's "Unicode text" (UTF-16) is TAB-separated, whatever the name the file was given
        delim = "\t" if self.delimiter == "," and "," not in header and "\t" in header else self.delimiter
        if delim == "," and "," not in header and header_delimiter(header, self.text_key, ";") == ";":
            delim = ";"  # what Excel writes as "CSV" where the decimal mark is a comma
        rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
        if rows.fieldnames and (fail := self.no_text_column(list(rows.fieldnames), path)):
            yield fail
            return
        start = 2  # line 1 is the header; a row's cells may span lines
        last = None  # held back: a quote opened in the last row and never closed swallows the file's rest
        for n, row in enumerate(rows, start=2):
            if last is not None:
                yield _decoded(self.record_from(*last[:3]), encoding)
            last = ({k: v for k, v in row.items() if k is not None}, f"{path}:{start}", f"{stem}-{n}", start)
            start = rows.line_num + 1
        if last is not None:
            obj, where, rid, first = last
            if any("\n" in v for v in obj.values() if isinstance(v, str)) and self._unclosed(text, first, delim):
                lines = text.rstrip("\n").count("\n") - first + 2
                yield Failure(
                    where,
                    f"a quote opened in this row is never closed: the {lines} lines from here to the end "
                    "would be one cell; not read",
                )
            else:
                yield _decoded(self.record_from(obj, where, rid), encoding)

    def _unclosed(self, text: str, first: int, delimiter: str) -> bool:
        """Whether the row starting on line ``first`` runs to the end inside an open quote."""
        tail = "\n".join(text.split("\n")[first - 1 :])
        try:
            for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
                pass
        except csv.Error as err:
            return "unexpected end of data" in str(err)
        return False


def _decoded(item: Item, encoding: str) -> Item:
    """A table row's record with the codec its file was decoded from (``--stats`` reports it); a failure as it
    is."""
    return replace(item, encoding=encoding) if isinstance(item, Record) else item


class TsvReader(CsvReader):
    """Tab-separated values with a header row."""

    extensions = tuple(".tsv" + c for c in ("",) + COMPRESSIONS)
    delimiter = "\t"


class XlsxReader(BaseReader):
    """Excel workbooks: every sheet, its first row the header; ``source`` is ``file:sheet:row``."""

    extensions = (".xlsx", ".xlsm")
    extra = "xlsx"
    modules = ("openpyxl",)

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        openpyxl = need("openpyxl", "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # a sheet without a text column beside one with it (a 说明 sheet of notes, a code list) is
        # skipped with a warning; a workbook in which no sheet has one is an error, one a sheet
        textless: list[Failure] = []
        read_any = False
        try:
            for sheet in book.worksheets:
                rows = sheet.iter_rows(values_only=True)
                header = next(rows, None)
                if not header:
                    continue
                names = [
                    str(h) if h is not None else f"column{i + 1}" for i, h in enumerate(header)
                ]
                first = 2  # the row number of the first record
                if fail := self.no_text_column(names, f"{path}:{sheet.title}"):
                    # a sheet's title above its header (国务院政府工作报告汇总 in A1, merged): the header
                    # is the first of the next rows that names the text column
                    above = [header]
                    for row in rows:
                        found = [str(h) if h is not None else f"column{i + 1}" for i, h in enumerate(row)]
                        if len(above) > 4 or any(v is not None and len(str(v)) > 40 for v in row):
                            break  # a record's row, not a header's: no header below the title
                        above.append(row)
                        if likely_text_field(found):  # a header, its text under another name
                            fail = Failure(
                                fail.where,
                                f"{fail.message.split(';')[0]}, and row {len(above)} below the sheet's "
                                f"title reads as its header ({', '.join(found[:12])}); "
                                + text_field_hint(found),
                            )
                            if self.no_text_column(found, ""):
                                break  # the header, whose text column --text-field names
                        if not self.no_text_column(found, ""):
                            names, first = found, len(above) + 1
                            titles = [str(v) for r in above[:-1] for v in r if v is not None]
                            _log.warning(
                                "%s:%s: the header is row %d; the rows above it are the sheet's title, "
                                "not records: %s",
                                path,
                                sheet.title,
                                len(above),
                                " | ".join(titles)[:120],
                            )
                            fail = None
                            break
                    if fail:
                        textless.append(fail)
                        continue
                read_any = True
                for n, row in enumerate(rows, start=first):
                    if all(v is None for v in row):
                        continue
                    obj = {k: _plain(v) for k, v in zip(names, row)}
                    yield self.record_from(obj, f"{path}:{sheet.title}:{n}", f"{stem}-{n}")
        finally:
            book.close()
        if not read_any:
            yield from textless
            return
        for fail in textless:
            _log.warning("%s: sheet skipped: %s", fail.where, fail.message.split(";")[0])


class LegacyExcelReader(BaseReader):
    """``.xls`` and ``.et`` (binary Excel, WPS spreadsheets): not read; a per-file error says how to
    convert them (the batch goes on)."""

    extensions = (".xls", ".et")

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        yield Failure(
            path,
            "binary spreadsheets (.xls, .et) are not read; convert it first, e.g. "
            f"libreoffice --headless --convert-to xlsx '{path}'",
        )


class ParquetReader(BaseReader):
    """Parquet tables, one row group at a time (a large file never sits in memory whole);
    ``source`` is ``file:row`` (1-based over the file)."""

    extensions = (".parquet",)
    extra = "parquet"
    modules = ("pyarrow",)

    def read(self, path: str, data: Optional[bytes] = None) -> Iterator[Item]:
        if data is not None or path == "-":
            yield from super().read(path, data)
            return
        # a file is opened, not read whole: a row group at a time
        yield from self.ids_checked(_guarded(self._rows(path, path, stem_of(path)), path), path)

    def read_bytes(self, data: bytes, path: str, stem: str) -> Iterator[Item]:
        yield from self._rows(io.BytesIO(data), path, stem)

    def read_row_groups(
        self,
        path: str,
        shown: str,
        first: int,
        end: int,
        first_row: int,
        skip: int = 0,
        take: Optional[int] = None,
    ) -> Iterator[Item]:
        """The records of row groups ``first`` … ``end - 1`` of the file at ``path`` (a partition of a
        run: :mod:`reportnlp.pipeline.plan`), the first ``skip`` rows left out and at most ``take`` read (a
        slice of one large group), named ``shown:row`` and ``stem-row`` from ``first_row``, the 1-based
        number of the first row read: as :meth:`read` names them."""
        rows = self._rows(path, shown, stem_of(shown), range(first, end), first_row, skip, take)
        yield from self.ids_checked(_guarded(rows, shown), shown)

    def _rows(
        self,
        source: Any,
        path: str,
        stem: str,
        groups: Optional[range] = None,
        first_row: int = 1,
        skip: int = 0,
        take: Optional[int] = None,
    ) -> Iterator[Item]:
        need("pyarrow", "parquet")
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(source)
        if fail := self.no_text_column(list(pf.schema_arrow.names), path):
            if first_row == 1:  # said once, by the partition holding the file's first row
                yield fail
            return
        n = first_row - 1
        left = take
        # a text or page column of bytes stays bytes: its encoding is detected (a GBK page), not assumed
        raw = {*((self.text_key,) if self.text_key else DEFAULT_TEXT_KEYS), "html"}
        groups = groups if groups is not None else range(pf.num_row_groups)
        # batches of rows, not whole groups: a large group never sits in memory as Python objects
        for batch in pf.iter_batches(batch_size=256, row_groups=list(groups), use_threads=False):
            if skip >= batch.num_rows:
                skip -= batch.num_rows
                continue
            if skip:
                batch, skip = batch.slice(skip), 0
            for obj in batch.to_pylist():
                if left is not None:
                    if left <= 0:
                        return
                    left -= 1
                n += 1
                obj = {
                    k: v if k in raw and isinstance(v, bytes) else _plain(v) for k, v in obj.items()
                }
                yield self.record_from(obj, f"{path}:{n}", f"{stem}-{n}")
            if left is not None and left <= 0:
                return


def parquet_row_groups(path: str) -> Optional[list[tuple[int, int]]]:
    """``(rows, bytes)`` of each row group of a parquet file (bytes uncompressed: what the run will read,
    as a JSONL file's bytes are), from its footer alone; ``None`` when it cannot be read so (no pyarrow, not a parquet file): the run then reads
    the file whole and its read reports the error."""
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
        groups = []
        for g in range(meta.num_row_groups):
            rg = meta.row_group(g)
            # uncompressed: the work, as a JSONL file's bytes are
            groups.append((rg.num_rows, rg.total_byte_size))
        return groups
    except Exception:  # unreadable here: read whole, and reported by the task that reads it
        return None


def _guarded(items: Iterator[Item], shown: str) -> Iterator[Item]:
    """*items*, then a :class:`Failure` naming *shown* if reading the parquet file fails part way."""
    try:
        yield from items
    except OSError as err:
        yield Failure(shown, f"cannot read: {err.strerror or err}")
    except MissingExtra as err:
        yield Failure(shown, str(err))
    except Exception as err:  # one bad file never costs the batch
        yield Failure(shown, f"cannot read as parquet: {type(err).__name__}: {err}")
