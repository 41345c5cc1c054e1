#!/usr/bin/env python3
"""xlsform_corpus.py - how many real XLSForms that pyxform accepts fieldcheck loads.

    FIELDCHECK_PYXFORM_PATH=/path/to/pyxform-source \\
        python3 tests/corpus/xlsform_corpus.py [--csv] [--list] ./fieldcheck DIR...

Issue 13's target: at least 90 % of the XLSForms pyxform accepts load in
fieldcheck as they are.  Every .xlsx, .xls, .md and pyxform single-file .csv
under the DIRs (workbooks from other projects, never our own) is converted by
pyxform first; what pyxform refuses is not a form and is left out.  What it
accepts is given to `fieldcheck forms check` as an .xlsx (an .xls, .md or
.csv is written out as one first, as a form author would save it), or with
--csv as a folder of CSV sheets, and counted as:

    loads     forms check exits 0
    refused   it exits 1 with FILE:LINE:COL problems (tallied by reason)
    crash     anything else: a signal, another exit code, no message, or a
              sanitizer's report (give a build/asan/fieldcheck as FIELDCHECK)

A dev tool, not a test: it needs pyxform (and openpyxl, xlrd, lark), which
CI cannot install.  Exit 0 always; the figures are the output.
"""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

pyx_path = os.environ.get("FIELDCHECK_PYXFORM_PATH")
if pyx_path:
    sys.path.insert(0, pyx_path)
try:
    import openpyxl
    from pyxform import xls2xform
    from pyxform.xls2json_backends import md_table_to_workbook
except ImportError as e:  # pragma: no cover - said, not hidden
    sys.exit(f"xlsform_corpus: pyxform is not importable ({e}); "
             "set FIELDCHECK_PYXFORM_PATH to its source tree")

EXTS = (".xlsx", ".xls", ".md", ".csv")


def pyxform_accepts(path, tmp):
    """Whether pyxform converts the file (its own checks, no Java validator)."""
    out = os.path.join(tmp, "out.xml")
    try:
        xls2xform.xls2xform_convert(xlsform_path=path, xform_path=out,
                                    validate=False, pretty_print=False)
        return True, ""
    except Exception as e:  # pyxform raises many kinds; any is "refused"
        return False, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"


def cell_text(v):
    """A cell as the text XLSForm reads (pyxform's xlsx_value_to_str, roughly)."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def xls_to_xlsx(path, dest):
    """Each cell as pyxform reads it (xls_value_to_unicode): a date or time
    cell as its str(), every cell written as text."""
    import datetime
    import xlrd
    book = xlrd.open_workbook(path)
    wb = openpyxl.Workbook(write_only=True)
    for sh in book.sheets():
        ws = wb.create_sheet(title=sh.name)
        for r in range(sh.nrows):
            row = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                v = cell.value
                if cell.ctype == xlrd.XL_CELL_EMPTY:
                    v = None
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    v = bool(v)
                elif cell.ctype == xlrd.XL_CELL_DATE:
                    t = xlrd.xldate_as_tuple(v, book.datemode)
                    v = str(datetime.time(*t[3:]) if t[:3] == (0, 0, 0)
                            else datetime.datetime(*t))
                row.append(cell_text(v))
            ws.append(row)
    wb.save(dest)


def csv_form_to_xlsx(path, dest):
    """pyxform's single-file CSV: a sheet's name in the first column."""
    wb = openpyxl.Workbook(write_only=True)
    ws = None
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            if row and row[0].strip():
                ws = wb.create_sheet(title=row[0].strip())
            if ws is not None and len(row) > 1 and any(c.strip() for c in row[1:]):
                ws.append([c.strip() or None for c in row[1:]])
    wb.save(dest)


def as_xlsx(path, tmp):
    base = os.path.splitext(os.path.basename(path))[0]
    dest = os.path.join(tmp, base + ".xlsx")
    if path.endswith(".xlsx"):
        return path
    if path.endswith(".xls"):
        xls_to_xlsx(path, dest)
    elif path.endswith(".md"):
        with open(path, encoding="utf-8") as fh:
            md_table_to_workbook(fh.read()).save(dest)
    else:
        csv_form_to_xlsx(path, dest)
    return dest


def sheet_rows(ws):
    """A sheet's cells as text, up to its last row and column holding one
    (what a spreadsheet's CSV export writes)."""
    rows = [["" if v is None else cell_text(v) for v in row]
            for row in ws.iter_rows(values_only=True)]
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((max((k + 1 for k, v in enumerate(r) if v), default=0) for r in rows),
                default=0)
    return [r[:width] + [""] * (width - len(r[:width])) for r in rows]


def as_csv_folder(xlsx, tmp):
    """The workbook's survey, choices and settings as CSV files in a folder
    named as its form_id (fieldcheck's layout: a form's folder is its id),
    else as the workbook; its external_choices as itemsets.csv, as pyxform
    writes it; and the CSV files beside the workbook, as they are."""
    wb = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
    sheets = {}
    for ws in wb.worksheets:
        name = ws.title.strip().lower()
        if name in ("survey", "choices", "settings"):
            sheets[name] = sheet_rows(ws)
        elif name == "external_choices":
            sheets["itemsets"] = sheet_rows(ws)
        elif len(wb.worksheets) == 1:  # pyxform reads a lone sheet as the survey
            sheets["survey"] = sheet_rows(ws)
    base = os.path.splitext(os.path.basename(xlsx))[0]
    st = sheets.get("settings", [])
    # the id as fieldcheck reads it: form_id, or pyxform's other names of it,
    # the header without case
    ids = [k for k, h in enumerate(st[0] if st else [])
           if h.strip().lower().replace(" ", "_") in ("form_id", "id_string", "set_form_id")]
    if len(st) > 1 and ids and ids[0] < len(st[1]) and \
            re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", st[1][ids[0]].strip()):
        base = st[1][ids[0]].strip()
    folder = os.path.join(tmp, "csv", base)
    os.makedirs(folder, exist_ok=True)
    for name, rows in sheets.items():
        with open(os.path.join(folder, name + ".csv"), "w", newline="",
                  encoding="utf-8") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
    return folder


def copy_media(src, folder):
    """The CSV files beside the original workbook (a select's choices),
    beside the folder's sheets too."""
    d = os.path.dirname(src)
    for n in os.listdir(d):
        if n.endswith(".csv") and n not in ("survey.csv", "choices.csv", "settings.csv"):
            dest = os.path.join(folder, n)
            if not os.path.exists(dest):
                shutil.copyfile(os.path.join(d, n), dest)


LOC = re.compile(r"^/.*?\.(xlsx|csv)(:(survey|choices|settings)![A-Z]+\d+|:\d+:\d+)?: "
                 r"|^/[^:]*?/[^/:]+(:\d+:\d+)?: ")


def reason(line):
    """A problem line without its place, and with the names it quotes made
    generic, so one feature counts once whatever the form calls things."""
    msg = LOC.sub("", line, count=1)
    return msg


def generic(msg):
    msg = re.sub(r"'[^']*'", "'…'", msg)
    msg = re.sub(r"\$\{[^}]*\}", "${…}", msg)
    msg = re.sub(r"\b\d+\b", "N", msg)
    return msg


def check(fc, target):
    p = subprocess.run([fc, "-C", os.devnull, "forms", "check", target],
                       capture_output=True, text=True, errors="replace", timeout=60)
    if "Sanitizer" in p.stderr or "runtime error:" in p.stderr:
        return "crash", [l for l in p.stderr.splitlines() if "ERROR" in l or "runtime error" in l][:3]
    if p.returncode == 0:
        return "loads", []
    probs = [l for l in p.stderr.splitlines()
             if l and not re.match(r"^\d+ forms? checked", l)]
    if p.returncode == 1 and probs:
        return "refused", probs
    return "crash", [f"exit {p.returncode}"] + probs[:3]


def main(argv):
    use_csv = "--csv" in argv
    listing = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    fc, dirs = os.path.abspath(args[0]), args[1:]
    files = []
    for d in dirs:
        for root, _, names in os.walk(d):
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith(EXTS)]
    tally, reasons, kinds, pyx_refused = Counter(), Counter(), Counter(), 0
    for path in sorted(files):
        with tempfile.TemporaryDirectory(prefix="xls_corpus_") as tmp:
            ok, why = pyxform_accepts(path, tmp)
            if not ok:
                pyx_refused += 1
                continue
            try:
                book = as_xlsx(path, tmp)
                target = as_csv_folder(book, tmp) if use_csv else book
                if use_csv:
                    copy_media(path, target)
            except Exception as e:
                tally["unconverted"] += 1
                print(f"unconverted\t{path}\t{type(e).__name__}: {e}")
                continue
            result, probs = check(fc, target)
        tally[result] += 1
        first = set()
        for l in probs:
            first.add(generic(reason(l)))
        for g in first:
            kinds[g] += 1
        if listing or result == "crash":
            print(f"{result}\t{path}\t{reason(probs[0]) if probs else ''}")
    n = sum(tally.values())
    print(f"\nfiles {len(files)}, pyxform refuses {pyx_refused}, pyxform accepts {n}")
    for k in ("loads", "refused", "crash", "unconverted"):
        print(f"{k:12} {tally[k]:4}  {100.0 * tally[k] / n if n else 0:5.1f} %")
    print("\nforms refused, by reason (a form counts once per reason):")
    for k, c in kinds.most_common(40):
        print(f"{c:4}  {k}")


if __name__ == "__main__":
    main(sys.argv[1:])
