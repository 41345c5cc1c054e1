# t_repeat.sh - repeats from the command line: instances added (each with
# its own uuid), answered with --instance, removed, shown under their
# repeat's heading, required in every live instance at finalize; a failed
# check inside an instance makes a hazard on the qualified item.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/spot-check" "$WS/forms/"
expect_exit 0 "an inspection on a form with a repeat" \
	inspection new --form spot-check --enterprise "$USCC1"
id=$(cat "$OUT")

expect_exit 0 "inspection show with no instance yet" inspection show "$id"
out_has "(no instances: add one with 'fieldcheck inspection repeat ID vehicle add')" \
	"says how to add the first"
expect_err 1 "is answered once for each “Vehicle”: say which (--instance N)" \
	"an item inside a repeat needs an instance" inspection answer "$id" plate 浙B12345
expect_exit 0 "add a vehicle" inspection repeat "$id" vehicle add
check "add prints the position and the instance's uuid" \
	grep -Eq '^1 [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "$OUT"
v1=$(cut -d' ' -f2 "$OUT")
expect_exit 0 "add a second" inspection repeat "$id" vehicle add
out_has "^2 " "the second is number 2"
v2=$(cut -d' ' -f2 "$OUT")
expect_err 2 "neither add nor remove" "a wrong verb is a usage error" inspection repeat "$id" vehicle grow
expect_err 1 "no repeat 'plate'" "only a repeat takes instances" inspection repeat "$id" plate add

expect_exit 0 "answer in the first by number" inspection answer "$id" plate 浙B12345 --instance 1
expect_exit 0 "answer in the second by uuid" inspection answer "$id" plate 浙B67890 --instance "$v2"
expect_exit 0 "a tanker" inspection answer "$id" tanker yes --instance 1
expect_exit 0 "not a tanker" inspection answer "$id" tanker no --instance 2
expect_err 1 "does not apply" "relevance is per instance: no tank in the second" \
	inspection answer "$id" tank_valid pass --instance 2
expect_exit 0 "a failed check in the first" inspection answer "$id" tank_valid fail --instance 1
out_has "hazard" "makes a hazard"
expect_err 1 "has 2 instances: '3' is neither a number from 1 to 2" \
	"an instance that is not there is named" inspection answer "$id" plate x --instance 3
expect_err 1 "is not inside a repeat: it takes no instance" \
	"an item outside repeats takes no instance" inspection answer "$id" intro x --instance 1

expect_exit 0 "hazard list" hazard list --format csv
out_has "tank_valid@$v1" "the hazard names the qualified item"
hz=$(sqlite3 "$WS/store.db" "SELECT id FROM hazards WHERE item = 'tank_valid@$v1'")
expect_exit 0 "hazard show" hazard show "$hz"
out_has "Is the tank within its inspection validity? (Vehicle 1) (tank_valid@$v1)" \
	"hazard show names the item by its label and its instance"

expect_exit 0 "inspection show" inspection show "$id"
out_has "Vehicle 1  ($v1)" "the first instance under its heading"
out_has "Vehicle 2  ($v2)" "the second"
check "each instance shows its own answer, in order" \
	sh -c "grep -n '浙B12345\|浙B67890\|Vehicle [12] ' '$OUT' | tr '\n' ' ' | grep -q 'Vehicle 1.*浙B12345.*Vehicle 2.*浙B67890'"
out_has "tank_valid *n/a" "the second's tank item does not apply"
out_has "nth *= 2" "position(..) is the instance's number"
out_has "n_checked *= 2" "count() counts the live instances"

expect_exit 0 "the on-site record of the draft" document "$id" record
out_has "Plate (Vehicle 1)" "the record names an instance's item by its label and instance"
out_has "Plate (Vehicle 2)" "and the second's"
check "no answer's key is printed raw" lacks "@" "$OUT"

expect_err 1 "2 required items unanswered: Are the warning marks complete? (Vehicle 1), Are the warning marks complete? (Vehicle 2)" \
	"finalize names what each instance lacks" inspection finalize "$id"
expect_exit 0 "remove the second" inspection repeat "$id" vehicle remove 2
expect_exit 0 "inspection show --format json" inspection show "$id" --format json
out_has "\"item\": \"vehicle@$v2\", \"value\": \"removed\"" "the removal is an answer in the record"
out_has "\"item\": \"plate@$v2\", \"value\": \"浙B67890\"" "the removed instance's answers stay in it"
expect_exit 0 "inspection show" inspection show "$id"
check "a removed instance is not shown" sh -c "! grep -q '$v2' '$OUT'"
out_has "n_checked *= 1" "nor counted"
expect_err 1 "1 required item unanswered: Are the warning marks complete? (Vehicle 1)" \
	"nor required" inspection finalize "$id"
expect_exit 0 "remove by uuid" inspection repeat "$id" vehicle remove "$v1"
expect_exit 0 "hazard list" hazard list --format csv
check "removing the instance withdrew its hazard (it is no longer listed)" sh -c "! grep -q 'tank_valid@' '$OUT'"
expect_exit 0 "a new vehicle" inspection repeat "$id" vehicle add
out_has "^1 " "is number 1 among the live ones"
fc inspection answer "$id" plate 浙A11111 --instance 1
fc inspection answer "$id" tanker no --instance 1
fc inspection answer "$id" marks pass --instance 1
expect_exit 0 "finalize with every live instance answered" inspection finalize "$id"
expect_err 1 "final" "a final inspection takes no new instance" inspection repeat "$id" vehicle add
expect_err 1 "say which (--instance N)" "an amendment inside a repeat names its instance" \
	inspection amend "$id" plate 浙A11112 --reason 抄错
expect_exit 0 "amend in an instance" inspection amend "$id" plate 浙A11112 --reason 抄错 --instance 1
expect_exit 0 "inspection show --format json" inspection show "$id" --format json
out_has "\"item\": \"plate@[0-9a-f-]*\", \"value\": \"浙A11112\".*\"reason\": \"抄错\"" \
	"the amendment names the instance's item"

# repeat_count: the form says how many.
mkdir -p "$WS/forms/counted"
cat >"$WS/forms/counted/survey.csv" <<'CSV'
type,name,label,required,repeat_count
integer,n,How many spaces,yes,
begin_repeat,space,Confined space,,${n}
text,where,Where,yes,
end_repeat,,,,
CSV
printf 'form_id,version\ncounted,1\n' >"$WS/forms/counted/settings.csv"
expect_exit 0 "repeat_count loads" forms check "$WS/forms/counted"
fc inspection new --form counted --enterprise "$USCC1"
id2=$(cat "$OUT")
fc inspection answer "$id2" n 1
fc inspection repeat "$id2" space add
fc inspection answer "$id2" where "boiler" --instance 1
expect_err 1 "has the 1 instances its repeat_count asks for" "no more than repeat_count" \
	inspection repeat "$id2" space add
fc inspection answer "$id2" n 2
expect_err 1 "“Confined space” has 1 instances; its repeat_count asks for 2" \
	"finalize wants as many as repeat_count" inspection finalize "$id2"
