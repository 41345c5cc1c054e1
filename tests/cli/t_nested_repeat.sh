# t_nested_repeat.sh - a repeat inside a repeat from the command line:
# compartments added in a vehicle (the instance of the outer repeat named
# by number or uuid), answered with --instance 1/2, shown under their
# vehicle, the outer answers read from inside (${plate} in a label,
# relevance), repeat_count per vehicle, finalize naming both instances, and
# removing a vehicle withdrawing its compartments and their hazards.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/nested-repeat" "$WS/forms/"
expect_exit 0 "an inspection on a form with a repeat in a repeat" \
	inspection new --form nested-repeat --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection repeat "$id" vehicle add
v1=$(cut -d' ' -f2 "$OUT")
fc inspection repeat "$id" vehicle add
v2=$(cut -d' ' -f2 "$OUT")
expect_err 1 "“Compartment” is answered once for each “Vehicle”: say which" \
	"a compartment needs its vehicle" inspection repeat "$id" compartment add
expect_err 1 "does not apply given the answers so far" \
	"relevance is read in the vehicle: no compartments before n_comp" \
	inspection repeat "$id" compartment add 1
fc inspection answer "$id" plate 浙A11111 --instance 1
fc inspection answer "$id" n_comp 2 --instance 1
fc inspection answer "$id" plate 浙B22222 --instance "$v2"
fc inspection answer "$id" n_comp 1 --instance 2
expect_exit 0 "a compartment in the first vehicle, by number" inspection repeat "$id" compartment add 1
out_has "^1 " "is number 1 in it"
c11=$(cut -d' ' -f2 "$OUT")
expect_exit 0 "a second in the first" inspection repeat "$id" compartment add 1
out_has "^2 " "is number 2 in it"
expect_exit 0 "one in the second vehicle, by uuid" inspection repeat "$id" compartment add "$v2"
out_has "^1 " "numbers count within each vehicle"
c21=$(cut -d' ' -f2 "$OUT")
expect_err 1 "has the 2 instances its repeat_count asks for" \
	"repeat_count is per vehicle" inspection repeat "$id" compartment add 1
expect_err 1 "is inside “Vehicle”: '3' names none of its live instances" \
	"a bare number does not name a compartment" inspection answer "$id" loaded yes --instance 3
expect_exit 0 "answer in compartment 1 of vehicle 1" inspection answer "$id" loaded yes --instance 1/1
expect_exit 0 "a failed seal there" inspection answer "$id" seal fail --instance 1/1
out_has "hazard" "makes a hazard"
expect_exit 0 "answer in the second's compartment by uuid" inspection answer "$id" loaded no --instance "$c21"
expect_err 1 "does not apply" "relevance is per compartment" \
	inspection answer "$id" seal pass --instance 2/1

expect_exit 0 "hazard list" hazard list --format csv
out_has "seal@$c11" "the hazard names the innermost instance's item"
hz=$(sqlite3 "$WS/store.db" "SELECT id FROM hazards WHERE item = 'seal@$c11'")
expect_exit 0 "hazard show" hazard show "$hz"
out_has "Is the seal intact? (Compartment 1) (Vehicle 1)" "the item named by both instances"

expect_exit 0 "inspection show --format json" inspection show "$id" --format json
out_has "\"item\": \"compartment@$c11\", \"value\": \"1@$v1\"" \
	"a nested instance's marker says which vehicle it is in"
out_has "\"item\": \"compartment@$c21\", \"value\": \"1@$v2\"" "and the other's"
out_has '"format": "fieldcheck/inspection/2"' "format 2, which already keys answers by instance"
expect_exit 0 "inspection show" inspection show "$id"
check "each vehicle's compartments under it, in order" \
	sh -c "grep -n 'Vehicle [12] \|Compartment [12] ' '$OUT' | tr '\n' ' ' | grep -q 'Vehicle 1.*Compartment 1.*Compartment 2.*Vehicle 2.*Compartment 1'"
out_has "n_comps *= 2" "count() counts the compartments of its vehicle"
out_has "n_comps *= 1" "in each vehicle"
out_has "n_vehicles *= 2" "and the vehicles at the top"
expect_exit 0 "the on-site record" document "$id" record
out_has "Loaded? (Compartment 1) (Vehicle 2)" "the record names both instances"

expect_err 1 "cannot finalize: 1 required item unanswered: Loaded? (Compartment 2) (Vehicle 1)" \
	"finalize names what each instance lacks, with its vehicle" inspection finalize "$id"
expect_exit 0 "remove vehicle 1" inspection repeat "$id" vehicle remove 1
expect_exit 0 "hazard list" hazard list --format csv
check "its compartment's hazard is withdrawn" lacks "seal@" "$OUT"
expect_exit 0 "inspection show" inspection show "$id"
check "its compartments are not shown" lacks "$c11" "$OUT"
out_has "n_vehicles *= 1" "nor counted"
expect_err 1 "is inside “Vehicle”" "nor answered" inspection answer "$id" loaded no --instance "$c11"
expect_exit 0 "finalize with the one vehicle left complete" inspection finalize "$id"
expect_exit 0 "amend in a compartment, named by its numbers" \
	inspection amend "$id" loaded yes --instance 1/1 --reason 看错
expect_exit 0 "inspection show --format json" inspection show "$id" --format json
out_has "\"item\": \"loaded@$c21\", \"value\": \"yes\".*\"reason\": \"看错\"" \
	"the amendment names the compartment's item"
