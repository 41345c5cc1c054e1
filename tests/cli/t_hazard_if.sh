# t_hazard_if.sh - a select_one whose hazard_if choices raise a hazard (a
# yes/no checklist written elsewhere): answering one creates the hazard
# with the form's severity and deadline, or the officer's; answering
# another withdraws it; a choice not named raises nothing; the hazard goes
# through the order and the on-site measures like a failed check's.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
export FIELDCHECK_NOW=2026-03-02T09:00:00+08:00
expect_exit 0 "forms add of a form with hazard_if" forms add "$FIELDCHECK_TOP/tests/forms/good/hazard-if"
expect_exit 0 "an inspection on it" inspection new --form hazard-if --enterprise "$USCC1"
id=$(cat "$OUT")
expect_exit 0 "a choice hazard_if does not name" inspection answer "$id" guard yes
expect_exit 0 "hazard list" hazard list --format csv
check "raises nothing" test "$(grep -c "$id" "$OUT")" -eq 0
expect_exit 0 "a choice hazard_if names" inspection answer "$id" guard no
expect_exit 0 "hazard list" hazard list --format csv
check "raises the item's hazard: major, due in the form's 3 days" \
	sh -c "grep '${id%%-*}' '$OUT' | grep -q 'major.*2026-03-05'"
expect_exit 0 "the other choice again" inspection answer "$id" guard yes
expect_exit 0 "hazard list" hazard list --format csv
check "withdraws it" test "$(grep -c "${id%%-*}" "$OUT")" -eq 0
expect_exit 0 "answered with the officer's hazard" inspection answer "$id" guard unsure \
	--severity general --deadline 2026-03-20 --description "护栏缺失两段"
expect_exit 0 "hazard list" hazard list --format csv
check "the officer's severity, deadline and description" \
	sh -c "grep '${id%%-*}' '$OUT' | grep 'general' | grep '2026-03-20' | grep -q '护栏缺失两段'"
expect_exit 0 "a select_one without hazard_if" inspection answer "$id" sign no
expect_exit 0 "hazard list" hazard list --format csv
check "raises nothing" test "$(grep -c "${id%%-*}" "$OUT")" -eq 1
expect_exit 0 "finalize" inspection finalize "$id"
expect_exit 0 "the on-site measures decision" document "$id" measures
out_has "护栏缺失两段" "names the hazard whose item calls for a measure"
