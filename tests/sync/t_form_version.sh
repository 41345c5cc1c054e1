# t_form_version.sh - an XLSForm whose version is text ("2024.1", KoBo's
# "vTEmiygu2uLZpPHBYX8jKj"): forms check loads it with a warning, forms add
# numbers it after the workspace's copy and keeps the text, the catalogue
# will not take such a folder copied in by hand, and a second device
# receives the numbered form through the central and reads the record.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b JT-0042 "$T/central.git"

mkdir -p "$T/src/kobo"
printf 'type,name,label\ntext,plate,Plate\ninteger,axles,Axles\n' >"$T/src/kobo/survey.csv"
printf 'form_id,version\nkobo,vTEmiygu2uLZpPHBYX8jKj\n' >"$T/src/kobo/settings.csv"

check "forms check loads it" on a forms check "$T/src/kobo"
check "with a warning at the version's cell that says what add does" grep -q \
	"settings.csv:2:2: warning: version 'vTEmiygu2uLZpPHBYX8jKj' is not a whole number: .fieldcheck forms add. numbers the form" "$ERR"
mkdir -p "$T/a/forms/kobo"
cp "$T/src/kobo/"*.csv "$T/a/forms/kobo/"
on a forms list
check "a folder copied in by hand is not offered" sh -c "! grep -q '^kobo ' '$OUT'"
check "and the catalogue says to add it" grep -q \
	"forms/kobo: version 'vTEmiygu2uLZpPHBYX8jKj' is not a whole number; add the form with" "$ERR"
rm -r "$T/a/forms/kobo"
check "forms add numbers it" on a forms add "$T/src/kobo"
out_has "form kobo version 1 added to the workspace's forms (XLSForm version vTEmiygu2uLZpPHBYX8jKj)" \
	"as version 1, naming its text"
check "the installed settings carry the number and the text" \
	grep -qx "kobo,1,vTEmiygu2uLZpPHBYX8jKj" "$T/a/forms/kobo/settings.csv"
check "the same workbook again" on a forms add "$T/src/kobo"
out_has "form kobo version 1 is in the workspace already" "is nothing to do"
printf 'type,name,label\ntext,plate,Plate\ninteger,axles,Axles\nnote,n,Mind the gap\n' \
	>"$T/src/kobo/survey.csv"
printf 'form_id,version\nkobo,2024.1\n' >"$T/src/kobo/settings.csv"
check "the author's next version, also text" on a forms add "$T/src/kobo"
out_has "form kobo version 2 added" "is numbered 2"
printf 'type,name,label\ntext,plate,Plate\n' >"$T/src/kobo/survey.csv"
check "the same text with other contents is refused" sh -c \
	"! '$FC' -C '$T/a' forms add '$T/src/kobo' 2>'$ERR'"
check "saying so" grep -q "another version 2 of form kobo" "$ERR"

on a enterprise add --code "$USCC1" --name 甲化工
on a inspection new --form kobo --enterprise "$USCC1"
id=$(cat "$OUT")
check "an inspection on it" on a inspection answer "$id" plate 浙A12345
check "a syncs" on a sync
git --git-dir="$T/central.git" show main:forms/kobo/2/settings.csv >"$OUT" 2>"$ERR"
check "the central keeps it under its number, with its text" grep -qx "kobo,2,2024.1" "$OUT"
check "b pulls" on b sync
check "b reads the record with the form it received" on b inspection show "$id" --format json
out_has '"form_version": 2' "filled with version 2"
out_has '浙A12345' "and its answer"

# Someone rewrites the numbered form's settings to a text version in the
# central: the form under that number is not replaced.
git clone -q "$T/central.git" "$T/evil" 2>/dev/null
printf 'form_id,version\nkobo,2.0-evil\n' >"$T/evil/forms/kobo/2/settings.csv"
git -C "$T/evil" add -A && git -C "$T/evil" -c user.name=e -c user.email=e@x commit -qm evil &&
	git -C "$T/evil" push -q origin HEAD:main 2>/dev/null
on b sync
check "a numbered form's settings rewritten in the central are quarantined" \
	grep -q '"forms/kobo/2/settings.csv": this form version differs from the copy here' \
	"$T/b/quarantine/log"
check "and b still reads the record with version 2" on b inspection show "$id" --format json
out_has '"form_version": 2' "as before"

# Names as XLSForm writes them: an id with capitals and a dot, items "Q1"
# and "hh.size", a version yyyymmddrr; answered on a, read on b.
mkdir -p "$T/src/HH.Survey"
printf 'type,name,label\ninteger,Q1,Members\ntext,hh.size,Size\nselect_one_from_file UCL_regions.csv,Region,Region\n' \
	>"$T/src/HH.Survey/survey.csv"
printf 'name,label\nN1,North\nS1,South\n' >"$T/src/HH.Survey/UCL_regions.csv"
printf 'form_id,version\nHH.Survey,2024032701\n' >"$T/src/HH.Survey/settings.csv"
check "forms add of HH.Survey" on a forms add "$T/src/HH.Survey"
on a inspection new --form HH.Survey --enterprise "$USCC1"
hh=$(cat "$OUT")
check "an inspection starts on it" [ -n "$hh" ]
check "Q1 is answered" on a inspection answer "$hh" Q1 4
check "hh.size is answered" on a inspection answer "$hh" hh.size big
check "Region, from UCL_regions.csv, is answered" on a inspection answer "$hh" Region S1
check "a syncs it" on a sync
check "the central keeps the form under its id and version" \
	git --git-dir="$T/central.git" cat-file -e main:forms/HH.Survey/2024032701/survey.csv
check "b pulls it" on b sync
check "nothing of it is quarantined" sh -c "! grep -q HH.Survey '$T/b/quarantine/log'"
check "b shows the answers" on b inspection show "$hh"
out_has "Q1 *4" "Q1"
out_has "hh.size *big" "and hh.size"
out_has "Region *S1 *Region" "and the region, its form read with the file that came with it"
mkdir -p "$T/src/twice"
printf 'type,name,label\nselect_one_from_file sites.csv,a,A\nselect_one_from_file Sites.csv,b,B\n' \
	>"$T/src/twice/survey.csv"
printf 'name,label\nx,X\n' >"$T/src/twice/sites.csv"
printf 'name,label\ny,Y\n' >"$T/src/twice/Sites.csv"
check "two files of a form differing only in case are refused" sh -c \
	"! '$FC' -C '$T/a' forms check '$T/src/twice' 2>'$ERR'"
check "naming both" grep -q "sites.csv and Sites.csv differ only in case" "$ERR"

# A form whose settings name no form_id (pyxform takes the file's name):
# its id is its folder's, in the workspace and in every store that keeps it.
mkdir -p "$T/src/nofid"
printf 'type,name,label\ntext,site,Site\n' >"$T/src/nofid/survey.csv"
printf 'version\n3\n' >"$T/src/nofid/settings.csv"
check "forms add of a form without form_id" on a forms add "$T/src/nofid"
on a inspection new --form nofid --enterprise "$USCC1"
nf=$(cat "$OUT")
check "an inspection on it is answered" on a inspection answer "$nf" site 码头
check "and shown (its kept form loads under its id)" on a inspection show "$nf"
check "a syncs it" on a sync
check "b pulls it" on b sync
check "b shows it" on b inspection show "$nf"
out_has "site *码头" "with its answer"
