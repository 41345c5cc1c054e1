# t_two_officers.sh - which inspection types the department does in pairs
# (whoami --two-officers; every type by default): `inspection new` warns on
# stderr when the team is smaller, before anything is answered, and so does
# `finalize`; a type the setting leaves out is not warned of; a bad setting
# is a usage error naming the word; joint inspections still need two to be
# finalized whatever the setting says.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司

expect_exit 0 "whoami" whoami --format csv
out_has ",two_officers" "whoami lists the setting"
out_has ",all" "every type by default"
expect_exit 0 "a routine inspection by one officer starts" \
	inspection new --form six-ones --enterprise "$USCC1"
id=$(cat "$OUT")
check "it warns that the team is short" grep -q \
	"warning: a routine inspection is done by at least 2 officers (enforcement in pairs), and the team has 1: add one with 'fieldcheck inspection member" "$ERR"
expect_exit 0 "with a second officer" inspection new --form six-ones --enterprise "$USCC1" \
	--member "李四:JT-0042:区交通运输局"
check "no warning" [ ! -s "$ERR" ]
for item in park_name safety_office management_agreement risk_map micro_fire_station \
	smart_charging life_passage; do
	v=pass; [ "$item" = park_name ] && v=新城园区
	"$FC" -C "$WS" inspection answer "$id" "$item" "$v" >/dev/null || not_ok "answer $item"
done
expect_exit 0 "finalize is not refused" inspection finalize "$id"
check "but warns once more" grep -q "a routine inspection is done by at least 2 officers" "$ERR"
LC_ALL=zh_CN.UTF-8 "$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1" \
	>"$OUT" 2>"$ERR"
check "in Chinese" grep -q "警告：.*检查至少由 2 名执法人员进行（执法须两人以上），检查组现有 1 人" "$ERR"

expect_err 2 "'daily' is not an inspection type" "an unknown type is a usage error" \
	whoami --two-officers routine,daily
expect_exit 0 "joint only" whoami --two-officers joint
out_has "two officers for: joint" "it says so"
expect_exit 0 "whoami shows it" whoami --format csv
out_has ",,joint" "the setting as set"
expect_exit 0 "a routine inspection by one officer" inspection new --form six-ones --enterprise "$USCC1"
check "is no longer warned of" [ ! -s "$ERR" ]
expect_exit 0 "none" whoami --two-officers none
expect_exit 0 "a joint inspection by one officer" inspection new --form six-ones \
	--enterprise "$USCC1" --type joint
joint=$(cat "$OUT")
check "is warned of whatever the setting" grep -q "a joint inspection is done by at least 2 officers" "$ERR"
for item in park_name safety_office management_agreement risk_map micro_fire_station \
	smart_charging life_passage; do
	v=pass; [ "$item" = park_name ] && v=新城园区
	"$FC" -C "$WS" inspection answer "$joint" "$item" "$v" >/dev/null || not_ok "answer $item"
done
expect_err 1 "a joint inspection needs at least two officers" \
	"and still needs two to be finalized" inspection finalize "$joint"
sqlite3 "$WS/store.db" "UPDATE meta SET value = 'routine,sometimes' WHERE key = 'team.two_officers'"
fc inspection new --form six-ones --enterprise "$USCC1"
check "a setting spoiled in the store is reported, naming it" \
	grep -q "the setting team.two_officers: 'sometimes' is not an inspection type" "$ERR"
