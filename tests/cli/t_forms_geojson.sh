# t_forms_geojson.sh - a select from a GeoJSON file (select_one_from_file
# FILE.geojson), as the osm-fieldwork forms have it: `forms check` reads
# the file beside the form and names where a broken one is broken; since
# the sync carries a form's CSV files only, `forms add` and `inspection
# new` refuse such a form, naming the file, rather than lose it.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/geojson" "$T/geojson"

expect_exit 0 "a form with a GeoJSON file loads" forms check "$T/geojson"
out_has "1 form checked, no problems" "with no problem"
check "a lookup of a property no feature has reads as '', with a warning (ODK reads it so)" \
	grep -q "survey.csv:7:4: warning: calculation: 'wheelchair' is no column of toilets.geojson (yet): it reads as ''" "$ERR"
printf '{"type":"FeatureCollection","features":[\n{"type":"Feature","id":"a b\\u0001"}]}\n' \
	>"$T/geojson/toilets.geojson"
expect_err 1 "toilets.geojson:2:24: text" "a broken file is refused at its line and column" \
	forms check "$T/geojson"
rm "$T/geojson/toilets.geojson"
expect_err 0 "warning: toilets.geojson is not beside the form" \
	"one that is not there is warned of (pyxform takes the form)" forms check "$T/geojson"
cp "$FIELDCHECK_TOP/tests/forms/good/geojson/toilets.geojson" "$T/geojson/"

expect_exit 0 "forms add takes it with its file" forms add "$T/geojson"
check "the file is installed beside the survey" \
	cmp "$T/geojson/toilets.geojson" "$WS/forms/geojson/toilets.geojson"
expect_exit 0 "an inspection on it" inspection new --form geojson --enterprise "$USCC1"
gid=$(cat "$OUT")
expect_exit 0 "a feature answers it" inspection answer "$gid" existing w2
expect_err 1 "w9" "a feature the file lacks is refused" inspection answer "$gid" existing w9
expect_exit 0 "show" inspection show "$gid"
out_has "where *= 27.71 85.31" "a lookup reads the feature's geometry from the kept file"
