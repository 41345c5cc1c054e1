# t_forms_pyxform.sh - every shipped form round-trips through ODK: exported
# with `forms export` (forms/engine/odk.c), converted by pyxform, ODK's own
# XLSForm converter, and read back by `forms check` and `forms add` as the
# very sheets it was exported from.
#
# pyxform comes from the Python package registry or a source tree named by
# FIELDCHECK_PYXFORM_PATH (it needs openpyxl, xlrd, defusedxml and lark
# importable by the same python; FIELDCHECK_PYTHON names one).  Without it
# the conversion is reported as skipped; the rest runs anyway.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
WS2=$T/ws2
"$FC" -C "$WS2" init --name 李四 --badge JT-0042 --dept 区交通运输局 >/dev/null

# A python that imports pyxform, or nothing.
PY=
for py in ${FIELDCHECK_PYTHON:-} python3 /usr/bin/python3; do
	if PYTHONPATH=${FIELDCHECK_PYXFORM_PATH:-} "$py" -c 'import pyxform, openpyxl' \
		>/dev/null 2>&1; then
		PY=$py
		break
	fi
done

# BOOK XML: pyxform's command line, its own checks (not the Java validator);
# it says {"code": 100, ...} on stderr when it converted with no warning.
pyxform_converts() {
	(cd "$(dirname "$1")" && PYTHONPATH=${FIELDCHECK_PYXFORM_PATH:-} "$PY" \
		-m pyxform.xls2xform --skip_validate --json "$1" "$2") >"$OUT" 2>"$ERR" &&
		grep -q '"code": 100, "message": "Ok!", "warnings": \[\]' "$ERR" &&
		grep -q '<h:title>' "$2"
}

n=0
for dir in "$TOP"/forms/checklists/*/; do
	id=$(basename "$dir")
	book=$T/$id.xlsx
	n=$((n + 1))
	expect_exit 0 "$id: forms export" forms export "$id" --out "$book"
	if [ -n "$PY" ]; then
		check "$id: pyxform converts the exported workbook" pyxform_converts "$book" "$T/$id.xml"
		check "$id: its checks are ODK selects of pass, fail and na" \
			grep -q 'fieldcheck_check' "$T/$id.xml"
	else
		skip "$id: pyxform converts the exported workbook" \
			"pyxform is not importable (set FIELDCHECK_PYXFORM_PATH to its source tree)"
	fi
	expect_exit 0 "$id: forms check loads the exported workbook" forms check "$book"
	"$FC" -C "$WS2" forms add "$book" >"$OUT" 2>"$ERR"
	for s in survey choices settings; do
		check "$id: forms add gives back its $s sheet byte for byte" \
			cmp "$dir/$s.csv" "$WS2/forms/$id/$s.csv"
	done
done
check "the six shipped forms were tried" [ "$n" -ge 6 ]
"$FC" -C "$WS2" forms check >"$OUT" 2>"$ERR"
check "the catalogue sees no clash between them and the installed ones" \
	grep -q 'no problems' "$OUT"
