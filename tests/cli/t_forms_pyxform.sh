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

# A form of ours with select_one_external: its itemsets.csv goes out as the
# workbook's external_choices sheet (and beside it), pyxform converts it,
# and it comes back the same; answering, the choice_filter over the file's
# own columns holds.
cp -r "$TOP/tests/forms/good/external" "$WS/forms/"
mkdir -p "$T/ext"
expect_exit 0 "external: forms export" forms export external --out "$T/ext/external.xlsx"
out_has "itemsets.csv: the choices of its select_one_external" "writes itemsets.csv beside it"
if [ -n "$PY" ]; then
	check "external: pyxform converts it" pyxform_converts "$T/ext/external.xlsx" "$T/ext.xml"
else
	skip "external: pyxform converts it" "pyxform is not importable"
fi
"$FC" -C "$WS2" forms add "$T/ext/external.xlsx" >"$OUT" 2>"$ERR"
for s in survey choices settings itemsets; do
	check "external: forms add gives back its $s.csv byte for byte" \
		cmp "$TOP/tests/forms/good/external/$s.csv" "$WS2/forms/external/$s.csv"
done
rm "$T/ext/itemsets.csv"
expect_exit 0 "external: without the file beside it, the sheet is read" \
	forms check "$T/ext/external.xlsx"
fc enterprise add --code "$USCC1" --name 华东化工有限公司
expect_exit 0 "external: an inspection" inspection new --form external --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" province js
expect_err 1 "is not among the choices" "external: a city of another province is refused" \
	inspection answer "$id" city hangzhou
expect_exit 0 "external: one of the province's is taken" inspection answer "$id" city nanjing
