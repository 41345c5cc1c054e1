# t_scoped_names.sh - a name used again in other groups (pyxform wants names
# unique among siblings only): such items are answered, shown, hazarded and
# recorded by their scoped names ("front-valve"), names that are unique keep
# theirs, and the record stays fieldcheck/inspection/1.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/scoped-names" "$WS/forms/"

expect_exit 0 "forms check loads the form" forms check "$WS/forms/scoped-names"
check "and says how a shared name is recorded" \
	grep -q "survey.csv:5:2: warning: name 'valve' is used in other groups too: its answers are recorded as 'front-valve'" "$ERR"
check "nested groups: the nearest group tells them apart" \
	grep -q "recorded as 'seal-notes'" "$ERR"
check "the item at the top keeps its name" lacks "recorded as 'notes'" "$ERR"

expect_exit 0 "an inspection on it" inspection new --form scoped-names --enterprise "$USCC1"
id=$(cat "$OUT")
expect_err 1 "form scoped-names has several items called 'valve', in different groups: say which (front-valve, rear-valve)" \
	"the survey's name alone is ambiguous, and the error names the choices" \
	inspection answer "$id" valve pass
expect_exit 0 "the top-level notes by its own name" inspection answer "$id" notes 总体良好
expect_exit 0 "front_present is unique" inspection answer "$id" front_present yes
expect_exit 0 "front-valve" inspection answer "$id" front-valve fail
out_has "hazard" "a failed check in a group makes a hazard"
expect_exit 0 "rear-valve" inspection answer "$id" rear-valve pass
expect_exit 0 "seal-notes" inspection answer "$id" seal-notes 封条完整
expect_exit 0 "front-notes: relevant given front_present" inspection answer "$id" front-notes 有锈

expect_exit 0 "hazard list" hazard list --format csv
out_has ",front-valve," "the hazard names the scoped item"
expect_exit 0 "inspection show" inspection show "$id"
out_has "^  front-valve  *fail  *Is the valve sound?" "show lists the front valve by its scoped name"
out_has "^  rear-valve  *pass  *Is the valve sound?" "and the rear one"
out_has "^  seal-notes  .*Seal notes" "and the seal's notes"
out_has "^  notes  .*General notes" "the top-level notes by its own"
expect_exit 0 "inspection show --format json" inspection show "$id" --format json
out_has '"format": "fieldcheck/inspection/1"' "the record stays format 1: a scoped name is a plain key"
out_has '"item": "front-valve", "value": "fail"' "keyed by the scoped name"
expect_exit 0 "the on-site record" document "$id" record
out_has "Is the valve sound?" "the document names the item by its label"
check "and no scoped name leaks into it" lacks "front-valve" "$OUT"
expect_exit 0 "answering front_present no drops what no longer applies" \
	inspection answer "$id" front_present no
expect_exit 0 "inspection show --format json" inspection show "$id" --format json
check "front-notes and front-valve are gone" lacks '"item": "front-' "$OUT"
check "rear-valve stays" grep -q '"item": "rear-valve", "value": "pass"' "$OUT"
expect_exit 0 "finalize" inspection finalize "$id"
