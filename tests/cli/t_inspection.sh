# t_inspection.sh - a whole inspection through the command line: the
# hazmat-loading form, answers checked against the form, two failures that
# become hazards with the right severities and deadlines, finalize, amend.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司 --town 城东街道

expect_err 1 "no form 'hazmat' is installed" "an unknown form is refused" \
	inspection new --form hazmat --enterprise "$USCC1"
expect_err 1 "no enterprise with code $USCC2" "an unknown enterprise is refused" \
	inspection new --form hazmat-loading --enterprise "$USCC2"
expect_err 2 "is not NAME:BADGE:DEPT" "a malformed member is a usage error" \
	inspection new --form hazmat-loading --enterprise "$USCC1" --member 李四
expect_exit 0 "start a joint inspection" inspection new --form hazmat-loading \
	--enterprise "$USCC1" --type joint --location 2号装车台
id=$(cat "$OUT")
check "new prints the id" grep -Eq '^[0-9a-f-]{36}$' "$OUT"
short=$(printf %.8s "$id")

answer() { fc inspection answer "$short" "$@"; }
expect_err 1 "item “Classes of hazardous chemicals this unit fills or loads”: 'gasoline' is not one of the item's choices" "a choice outside the list is refused" \
	inspection answer "$short" products gasoline
expect_err 1 "does not apply given the answers so far" "an item that does not apply is refused" \
	inspection answer "$short" vehicle_plate 浙A12345
expect_err 1 "form hazmat-loading has no item 'nonsense'" "an unknown item is refused" \
	inspection answer "$short" nonsense pass
expect_err 1 "item “Does the unit verify that the vehicle carries the dangerous-goods waybill.*: 'maybe' is not pass" "a check takes only pass, fail or na" \
	inspection answer "$short" waybill_carried maybe
expect_err 1 "does not apply given the answers so far (its group does not)" \
	"the five must-checks wait for a spot-checked vehicle" inspection answer "$short" vehicle_permits pass
expect_exit 0 "products: liquid ammonia and flammable liquids" inspection answer "$short" products "liquid_ammonia flammable_liquid"
expect_exit 0 "a vehicle was spot-checked" inspection answer "$short" spot_check yes
expect_err 1 "item “Plate of the spot-checked vehicle (tractor or rigid truck)”: Invalid plate" "a malformed plate fails the form's constraint" \
	inspection answer "$short" vehicle_plate ABC
expect_exit 0 "a plate the constraint accepts" inspection answer "$short" vehicle_plate 浙A12345
for item in vehicle_permits tank_inspection goods_match_waybill permitted_media \
	waybill_carried pretrip_check warning_marks no_overload escort_present emergency_kit \
	filling_records; do
	answer "$item" pass || not_ok "answer $item"
done
expect_exit 0 "a failed general check" inspection answer "$short" crew_qualifications fail --note "押运员证过期"
out_has "hazard .*: general, due 2026-12-" "it reports the hazard it created"
expect_exit 0 "a failed major check" inspection answer "$short" swivel_arm fail --note "液氨用软管充装"
out_has "hazard .*: major" "the swivel-arm failure is major"

# Changing an answer back withdraws its hazard; failing again recreates it.
expect_exit 0 "answer pass instead" inspection answer "$short" crew_qualifications pass
check "the hazard is withdrawn" [ "$(sql 'SELECT count(*) FROM hazards')" = 1 ]
expect_exit 0 "and fail again" inspection answer "$short" crew_qualifications fail --note "押运员证过期"
check "two hazards now" [ "$(sql 'SELECT count(*) FROM hazards')" = 2 ]

# An item that stops applying loses its answer.
expect_exit 0 "no vehicle after all" inspection answer "$short" spot_check no
check "the plate's answer went with it" [ "$(sql "SELECT count(*) FROM answers WHERE item = 'vehicle_plate'")" = 0 ]
expect_exit 0 "a vehicle again" inspection answer "$short" spot_check yes
check "and the five must-checks' answers, with the hazard one made" \
	[ "$(sql "SELECT count(*) FROM answers WHERE item = 'vehicle_permits'")" = 0 ] &&
	[ "$(sql 'SELECT count(*) FROM hazards')" = 1 ]
expect_err 1 "7 required items unanswered: Plate of the spot-checked vehicle (tractor or rigid truck), Goods being" \
	"finalize names the required items left unanswered, by label" inspection finalize "$short"
check "and the names 'inspection answer' takes beside the labels" \
	grep -q "(tractor or rigid truck) (vehicle_plate), Goods being filled or loaded into the spot-checked vehicle (product_loaded)" "$ERR"
answer vehicle_plate 浙A12345 && answer product_loaded 液氨 || not_ok "answer the vehicle again"
for item in vehicle_permits tank_inspection goods_match_waybill permitted_media; do
	answer "$item" pass || not_ok "answer $item again"
done
answer crew_qualifications fail --note "押运员证过期" || not_ok "fail crew_qualifications again"

expect_err 1 "a joint inspection needs at least two officers" \
	"a joint inspection needs two officers" inspection finalize "$short"
expect_exit 0 "add a member from another department" inspection member "$short" "李四:JT-0042:区交通运输局"
expect_exit 0 "finalize" inspection finalize "$short"
expect_err 1 "is finalized and cannot be changed" "a finalized inspection refuses answers" \
	inspection answer "$short" escort_present fail
expect_exit 0 "amend it with a reason" inspection amend "$short" escort_present fail --reason "复核发现押运员离岗"
expect_exit 0 "show as JSON" inspection show "$short" --format json
check "the record is final" grep -q '"status": "final"' "$OUT"
check "the amendment is in it" grep -q '"reason": "复核发现押运员离岗"' "$OUT"
check "the team has two departments" grep -q '"dept": "区交通运输局"' "$OUT"

# The two hazards: severities and deadlines from the form.
expect_exit 0 "hazards as JSON" hazard list --inspection "$short" --format json
check "two hazards listed" [ "$(sqlite3 :memory: "select json_array_length(readfile('$OUT'))")" = 2 ]
major_due=$(sqlite3 :memory: "select json_extract(value,'\$.due') from json_each(readfile('$OUT')) where json_extract(value,'\$.severity')='major'")
general_due=$(sqlite3 :memory: "select json_extract(value,'\$.due') from json_each(readfile('$OUT')) where json_extract(value,'\$.severity')='general'")
days() { sqlite3 :memory: "select julianday('$1') - julianday('2026-11-28')"; }
major_days=$(sqlite3 :memory: ".import --csv $TOP/forms/checklists/hazmat-loading/survey.csv s" \
	"SELECT rectify_days FROM s WHERE name = 'swivel_arm'")
check "the major hazard is due rectify_days ($major_days) after the inspection" \
	[ "$(days "$major_due")" = "$major_days.0" ]
check "the general hazard has its own deadline ($general_due)" [ -n "$general_due" ]
expect_exit 0 "list drafts" inspection list --status draft --format csv
check "no drafts remain" [ "$(wc -l <"$OUT")" -eq 1 ]
expect_exit 0 "list finals" inspection list --status final
out_has "$short" "the finalized inspection is listed"

# Numbers are stored in one spelling: equal answers are equal bytes.
n=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
stored() { sql "select value from answers where inspection = '$n' and item = 'tenant_count'"; }
expect_exit 0 "a whole number given as -0" inspection answer "${n%%-*}" tenant_count -0
check "is stored as 0 ($(stored))" [ "$(stored)" = 0 ]
expect_exit 0 "one with leading zeros" inspection answer "${n%%-*}" tenant_count 0012
check "is stored without them ($(stored))" [ "$(stored)" = 12 ]
expect_exit 0 "0 itself" inspection answer "${n%%-*}" tenant_count 0
check "stays 0 ($(stored))" [ "$(stored)" = 0 ]

# Listed by form: only that form's, drafts and finished ones alike.
expect_exit 0 "list the six-ones inspections" inspection list --form six-ones --format json
check "only the six-ones one" [ "$(sqlite3 :memory: "select group_concat(json_extract(value,'\$.form')) from json_each(readfile('$OUT'))")" = six-ones ]
expect_exit 0 "list the finished hazmat-loading ones" inspection list --form hazmat-loading --status final --format csv
out_has "$short" "the finalized one is listed"
check "and no other" [ "$(wc -l <"$OUT")" -eq 2 ]
expect_exit 0 "list an unknown form's" inspection list --form no-such-form --format json
check "none" [ "$(cat "$OUT")" = "[]" ]
