"""Province batch outputs: the per-agency matrix grouped by level, the summary by level, and the changes
since a baseline — as a terminal table, Markdown, CSV, HTML or JSON.

One module per format, each a :class:`~isocheck.report.batch.base.BatchFormat` (start, one agency,
end; see :mod:`isocheck.report.batch.base`). :data:`BATCH_FORMATS` is the registry the CLI offers; a
new format (HTML with charts, XLSX, Word) is one more module and one more line here.
"""

from __future__ import annotations

from isocheck.report.batch.base import BatchFormat, BatchHeader, BatchSummary
from isocheck.report.batch.csv_format import CsvFormat
from isocheck.report.batch.docx_format import DocxFormat
from isocheck.report.batch.html import HtmlFormat
from isocheck.report.batch.json_format import JsonFormat
from isocheck.report.batch.table import MarkdownFormat, TableFormat
from isocheck.report.batch.xlsx_format import XlsxFormat

BATCH_FORMATS: dict[str, type[BatchFormat]] = {
    "table": TableFormat,
    "md": MarkdownFormat,
    "csv": CsvFormat,
    "json": JsonFormat,
    "html": HtmlFormat,
    "xlsx": XlsxFormat,
    "docx": DocxFormat,
}

__all__ = ["BATCH_FORMATS", "BatchFormat", "BatchHeader", "BatchSummary"]
