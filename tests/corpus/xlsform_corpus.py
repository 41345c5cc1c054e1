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
              (one whose only problems are choices files not beside it is
              counted apart too: the corpus lacks them, not fieldcheck)
    crash     anything else: a signal, another exit code, no message, or a
              sanitizer's report (give a build/asan/fieldcheck as FIELDCHECK)

With --walk, each form that loads is then walked on the command line in a
workspace of its own, as an inspector would: `forms add`, `inspection new`,
every question answered in survey order with a plausible value of its type
(a repeat's first instance added first), `inspection show`, `inspection
finalize`.  It counts forms that start and show ("walks"), answers taken
and refused (a refusal may be the form's constraint doing its job), forms
that finalize, and any crash of a step.

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
                # an empty text cell as no cell, as a spreadsheet saves it
                row.append(cell_text(v) if v != "" else None)
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
    # the workbook's name as fieldcheck reads it when settings give no id
    base = re.sub(r"[^A-Za-z0-9_.-]", "_",
                  os.path.splitext(os.path.basename(xlsx))[0].rstrip(" "))
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
    """The CSV and GeoJSON files beside the original workbook (a select's
    choices), beside the folder's sheets too."""
    d = os.path.dirname(src)
    for n in os.listdir(d):
        if n.endswith((".csv", ".geojson")) and n not in ("survey.csv", "choices.csv",
                                                          "settings.csv"):
            dest = os.path.join(folder, n)
            if not os.path.exists(dest):
                shutil.copyfile(os.path.join(d, n), dest)


LOC = re.compile(r"^/.*?\.(xlsx|csv)(:(survey|choices|settings)![A-Z]+\d+|:\d+:\d+)?: "
                 r"|^/[^:]*?/[^/:]+(:\d+:\d+)?: ")


# A form refused only because a file its selects read is not beside it (the
# corpus's repositories left their media out); ODK Collect cannot open such
# a form either.
NOT_BESIDE = re.compile(r" is not beside the form")


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


WALK_SKIP = {"note", "calculate", "start", "end", "today", "deviceid", "username",
             "phonenumber", "email", "audit", "subscriberid", "simserial", "hidden",
             "start-geopoint", "image", "audio", "video", "file", "background-audio",
             "xml-external", "csv-external", "begin_group", "end_group", "begin group",
             "end group"}


def sheet_dicts(wb, name):
    """A sheet's rows as dicts keyed by lower-case header, or []."""
    for ws in wb.worksheets:
        if ws.title.strip().lower() == name:
            rows = sheet_rows(ws)
            if not rows:
                return []
            head = [h.strip().lower() for h in rows[0]]
            return [dict(zip(head, r)) for r in rows[1:]]
    return []


def plausible(typ, lists):
    """An answer of type typ, or None to leave the question alone."""
    words = typ.split()
    base = words[0] if words else ""
    if base in ("select_one", "select_multiple", "select_one_from_file",
                "select_multiple_from_file", "select", "rank"):
        names = lists.get(words[-1], []) if len(words) > 1 else []
        return names[0] if names else None
    return {"text": "abc", "string": "abc", "barcode": "abc", "integer": "1",
            "int": "1", "decimal": "1.5", "range": "1", "date": "2026-11-28",
            "time": "09:30", "datetime": "2026-11-28T09:30", "geopoint": "30.25 120.16",
            "check": "pass", "acknowledge": "OK", "trigger": "OK"}.get(base.lower())


def walk(fc, target, book, tmp):
    """Walks a loaded form on the command line (see --walk); a dict of what
    happened."""
    ws = os.path.join(tmp, "ws")
    out = {"walks": 0, "taken": 0, "refused": 0, "final": 0, "crash": ""}

    def run(*a):
        p = subprocess.run([fc, "-C", ws] + list(a), capture_output=True, text=True,
                           errors="replace", timeout=60)
        if p.returncode not in (0, 1) or "Sanitizer" in p.stderr or "runtime error:" in p.stderr:
            out["crash"] = out["crash"] or f"{a[0]} {a[1] if len(a) > 1 else ''}: exit {p.returncode}"
        return p

    run("init", "--name", "walker", "--badge", "ZJ-0001", "--dept", "d")
    p = run("forms", "add", target)
    m = re.search(r"^form (\S+) version", p.stdout, re.M)
    if not m:
        return out
    run("enterprise", "add", "--code", "91350100M000100Y43", "--name", "walk")
    p = run("inspection", "new", "--form", m.group(1), "--enterprise", "91350100M000100Y43")
    iid = p.stdout.strip()
    if p.returncode or not iid:
        out["crash"] = out["crash"] or "inspection new: " + p.stderr.strip()[:80]
        return out
    wb = openpyxl.load_workbook(book, read_only=True, data_only=True)
    lists = {}
    for row in sheet_dicts(wb, "choices"):
        ln = (row.get("list_name") or row.get("list name") or "").strip()
        if ln and row.get("name"):
            lists.setdefault(ln, []).append(row["name"].strip())
    repeats = []
    for row in sheet_dicts(wb, "survey"):
        typ, name = (row.get("type") or "").strip(), (row.get("name") or "").strip()
        low = " ".join(typ.lower().replace("_", " ").split())
        if low == "begin repeat":
            ok = not repeats and run("inspection", "repeat", iid, name, "add").returncode == 0
            repeats.append(ok)
            continue
        if low == "end repeat":
            repeats and repeats.pop()
            continue
        if not name or low in WALK_SKIP or low.startswith(("begin", "end")):
            continue
        v = plausible(typ, lists)
        if v is None or (repeats and not all(repeats)) or len(repeats) > 1:
            continue
        extra = ["--instance", "1"] if repeats else []
        p = run("inspection", "answer", iid, name, v, *extra)
        out["taken" if p.returncode == 0 else "refused"] += 1
        if p.returncode and os.environ.get("CORPUS_WALK_REFUSALS"):
            with open(os.environ["CORPUS_WALK_REFUSALS"], "a") as fh:
                fh.write(f"{typ}\t{name}={v}\t{p.stderr.strip()[:160]}\n")
    out["walks"] = int(run("inspection", "show", iid).returncode == 0)
    p = run("inspection", "finalize", iid)
    out["final"] = int(p.returncode == 0)
    if p.returncode and os.environ.get("CORPUS_WALK_REFUSALS"):
        with open(os.environ["CORPUS_WALK_REFUSALS"], "a") as fh:
            fh.write(f"finalize\t{book}\t{p.stderr.strip()[:300]}\n")
    return out


def main(argv):
    use_csv = "--csv" in argv
    walking = "--walk" in argv
    walked = Counter()
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
    needs_media = 0
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
            if walking and result == "loads":
                w = walk(fc, target, book, tmp)
                for k in ("walks", "taken", "refused", "final"):
                    walked[k] += w[k]
                walked["forms"] += 1
                if w["crash"]:
                    walked["crash"] += 1
                    print(f"walk-crash\t{path}\t{w['crash']}")
                elif not w["walks"]:
                    print(f"walk-fails\t{path}")
        tally[result] += 1
        if result == "refused" and all(NOT_BESIDE.search(l) for l in probs):
            needs_media += 1
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
    if needs_media:
        have = n - needs_media
        print(f"(of the refused, {needs_media} only for a choices file not beside "
              f"the form in the corpus; of the {have} others, {tally['loads']} load, "
              f"{100.0 * tally['loads'] / have if have else 0:.1f} %)")
    if walking:
        print(f"\nwalked {walked['forms']} forms that load: {walked['walks']} start and show, "
              f"{walked['final']} finalize; answers taken {walked['taken']}, refused "
              f"{walked['refused']}; crashes {walked['crash']}")
    print("\nforms refused, by reason (a form counts once per reason):")
    for k, c in kinds.most_common(40):
        print(f"{c:4}  {k}")


if __name__ == "__main__":
    main(sys.argv[1:])
