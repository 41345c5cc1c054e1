# t_forms_xlsx.sh - XLSForm workbooks on the command line: a shipped form
# exported to .xlsx, checked, added to a workspace as another version and
# walked; a broken workbook's problems named by sheet and cell; an old .xls.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
cd "$T" || exit 1

expect_exit 0 "forms export writes a shipped form as a workbook" \
	forms export six-ones --out "$T/six.xlsx"
out_has "six.xlsx: form six-ones version 1" "it says what it wrote"
check "the file is a zip (PK)" [ "$(head -c 2 "$T/six.xlsx")" = PK ]
expect_err 1 "cannot create $T/six.xlsx: File exists" \
	"export never writes over an existing file" forms export six-ones --out "$T/six.xlsx"
expect_err 1 "no form 'nope'" "export of an unknown form says so" forms export nope
expect_exit 0 "forms check reads the workbook" forms check "$T/six.xlsx"
out_has "1 form checked, no problems" "and finds no problem"
expect_exit 0 "forms add of the same form as installed" forms add "$T/six.xlsx"
out_has "form six-ones version 1 added" "is added"
check "as the three CSV sheets in the workspace" \
	[ -f "$WS/forms/six-ones/survey.csv" ] && [ -f "$WS/forms/six-ones/settings.csv" ]
check "and the catalogue finds no clash (the same bytes as installed)" \
	sh -c "'$FC' -C '$WS' forms check 2>&1 | grep -q 'no problems'"
expect_exit 0 "the same workbook again is nothing to do" forms add "$T/six.xlsx"
out_has "is in the workspace already" "and says so"

# A district's version 2: the workspace's copy with its version raised.
mkdir -p "$T/v2/six-ones"
cp "$WS/forms/six-ones/"*.csv "$T/v2/six-ones/"
sed -i '2s/^six-ones,1,/six-ones,2,/' "$T/v2/six-ones/settings.csv"
expect_exit 0 "forms add of a folder with version 2" forms add "$T/v2/six-ones"
out_has "form six-ones version 2 added" "replaces version 1"
expect_exit 0 "forms list" forms list --format csv
out_has "^six-ones,2," "the catalogue now offers version 2"
expect_err 1 "the workspace has version 2 of form six-ones; this is version 1" \
	"version 1 can no longer replace it" forms add "$T/six.xlsx"
fc enterprise add --code "$USCC1" --name 园区
expect_exit 0 "an inspection starts on the added form" inspection new --form six-ones \
	--enterprise "$USCC1"
expect_exit 0 "inspection show" inspection show "$(cat "$OUT")" --format json
out_has '"form_version": 2' "it is filled with version 2"

# Not workbooks: an old binary .xls, a text file, a missing file.
printf '\320\317\021\340\241\261\032\341rest' >"$T/old.xls"
expect_err 1 "an old binary .xls workbook: save it as .xlsx" \
	"an .xls is refused with the way to convert it" forms check "$T/old.xls"
printf 'type,name\n' >"$T/form.xlsx"
expect_err 1 "$T/form.xlsx: not an .xlsx workbook: not a zip archive" \
	"a file that is no zip says so" forms check "$T/form.xlsx"
expect_err 1 "$T/none.xlsx: cannot open:" "a missing file" forms check "$T/none.xlsx"

# A version written yyyymmddrr, as XLSForm authors often do, loads and an
# inspection can be filled with it (the loader and the record agree).
mkdir -p "$T/dated/six-ones"
cp "$WS/forms/six-ones/"*.csv "$T/dated/six-ones/"
sed -i '2s/^six-ones,2,/six-ones,2024032701,/' "$T/dated/six-ones/settings.csv"
expect_exit 0 "forms add of version 2024032701" forms add "$T/dated/six-ones"
expect_exit 0 "an inspection starts on it" inspection new --form six-ones --enterprise "$USCC1"
expect_exit 0 "and is shown" inspection show "$(cat "$OUT")" --format json
out_has '"form_version": 2024032701' "with that version"

# A select_one_from_file's CSV goes out beside the workbook and comes back
# with it: forms add FORM.xlsx reads it from the workbook's folder.
mkdir -p "$T/ff/sites"
printf 'type,name,label\nselect_one_from_file sites.csv,site,Site\n' >"$T/ff/sites/survey.csv"
printf 'name,label\nport,Port\nmine,Mine\n' >"$T/ff/sites/sites.csv"
printf 'form_id,version\nsites,1\n' >"$T/ff/sites/settings.csv"
expect_exit 0 "forms add of a form with a CSV file" forms add "$T/ff/sites"
mkdir -p "$T/ffout"
expect_exit 0 "forms export of it" forms export sites --out "$T/ffout/sites.xlsx"
check "the CSV file is written beside the workbook" cmp "$T/ff/sites/sites.csv" "$T/ffout/sites.csv"
WS2=$T/ws2
"$FC" -C "$WS2" init --name 李四 --badge JT-0042 --dept 区交通运输局 >/dev/null
"$FC" -C "$WS2" forms add "$T/ffout/sites.xlsx" >"$OUT" 2>"$ERR"
check "forms add FORM.xlsx takes the file beside it" cmp "$T/ff/sites/sites.csv" "$WS2/forms/sites/sites.csv"
rm "$T/ffout/sites.csv"
# Without its file the form still loads, as pyxform and ODK Central take
# it (the file uploaded apart): the cell says what is missing, the select
# is shown but not asked, and nothing of the file is kept or synced.
expect_err 0 "sites.xlsx:survey!A2: warning: sites.csv is not beside the form" \
	"without it the workbook's cell says what is missing" forms check "$T/ffout/sites.xlsx"
sed -i 's/^sites,1$/sites,2/' "$T/ff/sites/settings.csv"
printf 'text,remark,Remark\n' >>"$T/ff/sites/survey.csv"
rm "$T/ff/sites/sites.csv"
expect_err 0 "warning: sites.csv is not beside the form (select_one_from_file reads its choices from it): 'site' is shown but cannot be answered" \
	"forms add says it too, and adds the form" forms add "$T/ff/sites"
check "no file is made up in the workspace" test ! -e "$WS/forms/sites/sites.csv"
expect_exit 0 "an inspection starts on it" inspection new --form sites --enterprise "$USCC1"
sid=$(cat "$OUT")
expect_err 1 "item “Site” cannot be answered: its choices file sites.csv was not beside the form" \
	"its select says why it takes no answer" inspection answer "$sid" site port
expect_exit 0 "the rest is answered" inspection answer "$sid" remark ok
expect_exit 0 "and the inspection finalizes" inspection finalize "$sid"
