"""Paragraph wholeness of the PDF reader: each .docx paragraph found as one whole PDF paragraph.

    libreoffice --headless --convert-to pdf --outdir PDFS ../shared/corpora/docx/*.docx   # test data
    python bench/eval_pdf_paragraphs.py --docx ../shared/corpora/docx --pdf PDFS

For every ``X.pdf`` in ``--pdf`` with an ``X.docx`` in ``--docx``: the Word paragraphs (read by
:func:`reportnlp.readers.docx.docx_lines`, headers and footers left out) are the truth; the PDF's paragraphs
come from :func:`reportnlp.readers.pdf.pdf_lines` (page numbers, running headers and footers left out). A
Word paragraph is *whole* when one PDF paragraph equals it (whitespace and zero-width characters ignored):
not split, not joined to its neighbour, nothing lost. Prints per file and pooled shares, and the
paragraphs that did not come out whole with where they diverge (``--show``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportnlp.readers.docx import docx_lines  # noqa: E402
from reportnlp.readers.pdf import pdf_lines  # noqa: E402


def key(s: str) -> str:
    return re.sub(r"[\s\u200b-\u200d\ufeff]+", "", s)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docx", type=Path, required=True)
    ap.add_argument("--pdf", type=Path, required=True)
    ap.add_argument("--show", action="store_true", help="print the paragraphs not found whole")
    args = ap.parse_args(argv)
    whole_total = total = 0
    for pdf in sorted(args.pdf.glob("*.pdf")):
        docx = args.docx / (pdf.stem + ".docx")
        if not docx.exists():
            continue
        lines, hints = pdf_lines(pdf.read_bytes())
        paras = {key(ln) for ln, h in zip(lines, hints) if ln and not h}
        dl, dh, _ = docx_lines(docx.read_bytes())
        truth = [key(ln) for ln, h in zip(dl, dh) if ln and not h]
        whole = [t in paras for t in truth]
        whole_total += sum(whole)
        total += len(truth)
        furniture = sum(1 for h in hints if h)
        print(f"{pdf.name}: {sum(whole)}/{len(truth)} whole ({sum(whole) / len(truth):.3f}); "
              f"{furniture} header/footer/page-number lines dropped")  # fmt: skip
        if args.show:
            joined = "\n".join(ln for ln, h in zip(lines, hints) if ln and not h)
            for t, ok in zip(truth, whole):
                if not ok:
                    where = (
                        "starts a PDF paragraph" if ("\n" + t[:15]) in key(joined) else "inside one"
                    )
                    print(f"   not whole ({where}): {t[:60]}")
    print(f"pooled: {whole_total}/{total} paragraphs whole ({whole_total / max(total, 1):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
