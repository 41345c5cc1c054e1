# t_form_file.sh - a form whose select reads its choices from a CSV file
# beside the survey (select_one_from_file): added on one device, answered,
# synced through a bare central, and on a second device the file arrived
# with the form, so the answer reads with the file's labels there.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b JT-0042 "$T/central.git"

mkdir -p "$T/src/sites"
cat >"$T/src/sites/survey.csv" <<'CSV'
type,name,label::zh,label::en,calculation
select_one_from_file sites.csv,site,作业场所,Work site,
select_multiple_from_file sites.csv,also,其他场所,Other sites,
calculate,site_name,,,"jr:choice-name(${site}, '${site}')"
CSV
printf 'name,label::zh,label::en\nport,港口,Port\nmine,煤矿井下,Coal mine underground\n' \
	>"$T/src/sites/sites.csv"
printf 'form_id,version\nsites,1\n' >"$T/src/sites/settings.csv"

check "forms add takes the form with its file" on a forms add "$T/src/sites"
check "the file is installed beside the survey" cmp "$T/src/sites/sites.csv" "$T/a/forms/sites/sites.csv"
on a enterprise add --code "$USCC1" --name 甲化工
on a inspection new --form sites --enterprise "$USCC1"
id=$(cat "$OUT")
check "a choice of the file answers" on a inspection answer "$id" site mine
check "a select_multiple of the file too" on a inspection answer "$id" also "port mine"
check "an answer the file lacks is refused" sh -c "! '$FC' -C '$T/a' inspection answer '$id' site quarry 2>/dev/null"
check "a syncs" on a sync
git --git-dir="$T/central.git" show main:forms/sites/1/sites.csv >"$OUT" 2>"$ERR"
check "the file travels with the form, byte for byte" cmp "$OUT" "$T/src/sites/sites.csv"

check "b pulls" on b sync
check "b shows a's inspection" on b inspection show "$id"
out_has "site_name *= Coal mine underground" "with the file's label, read from the form b received"
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$T/b" inspection show "$id" >"$OUT" 2>"$ERR"
out_has "site_name *= 煤矿井下" "in Chinese too"
check "b answers it through the same file" on b inspection answer "$id" site port
check "b syncs" on b sync
check "a pulls" on a sync
check "the two devices hold the same tree" [ "$(tree_of a)" = "$(tree_of b)" ]

# A GeoJSON file travels the same way (format 2's form folder takes
# NAME.geojson beside NAME.csv).
cp -r "$FIELDCHECK_TOP/tests/forms/good/geojson" "$T/src/"
check "forms add takes a form with a GeoJSON file" on a forms add "$T/src/geojson"
on a inspection new --form geojson --enterprise "$USCC1"
gid=$(cat "$OUT")
check "a feature answers it" on a inspection answer "$gid" existing w2
check "a syncs it" on a sync
git --git-dir="$T/central.git" show main:forms/geojson/1/toilets.geojson >"$OUT" 2>"$ERR"
check "the GeoJSON file travels with the form, byte for byte" \
	cmp "$OUT" "$T/src/geojson/toilets.geojson"
check "b pulls it" on b sync
check "b shows the inspection" on b inspection show "$gid"
out_has "where *= 27.71 85.31" "a lookup on b reads the feature from the file it received"

# A file the layout does not take, pushed by someone, is quarantined.
git clone -q "$T/central.git" "$T/evil" 2>/dev/null
printf 'name,label\nx,X\n' >"$T/evil/forms/sites/1/Evil Name.csv"
git -C "$T/evil" add -A && git -C "$T/evil" -c user.name=e -c user.email=e@x commit -qm evil &&
	git -C "$T/evil" push -q origin HEAD:main 2>/dev/null
on b sync
check "a form file with a name outside the layout is quarantined" \
	grep -q "Evil Name.csv" "$T/b/quarantine/log"
