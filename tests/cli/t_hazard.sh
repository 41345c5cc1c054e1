# t_hazard.sh - the hazard closed loop from the command line: filters, the
# deadline in force, overdue against today's date, events and their refusals.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
fc enterprise add --code "$USCC1" --name 甲化工
fc enterprise add --code "$USCC2" --name 乙铸造
i1=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
i2=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC2")

expect_err 2 "hazard add needs --inspection and --description" "add without a description" \
	hazard add --inspection "$i1"
expect_err 1 "no inspection with id ffffffff" "add to an unknown inspection" \
	hazard add --inspection ffffffff --description x
expect_exit 0 "a general hazard due in 5 days" hazard add --inspection "$i1" --description "灭火器过期" --days 5
g=$(cat "$OUT")
expect_exit 0 "a major hazard with a deadline" hazard add --inspection "$i2" \
	--description "熔炼炉无紧急排放" --severity major --deadline 2026-12-31
m=$(cat "$OUT")
expect_err 1 "deadline '2026-02-30': month 2 has no day 30" "an impossible deadline is refused" \
	hazard add --inspection "$i1" --description x --deadline 2026-02-30
expect_err 1 "the deadline 2026-11-27 is before the inspection's date, 2026-11-28" \
	"a deadline before the inspection is refused, naming both dates" \
	hazard add --inspection "$i1" --description x --deadline 2026-11-27
expect_err 1 "the deadline 2025-12-31 is before the inspection's date, 2026-11-28" \
	"so is one given with a failed answer" \
	inspection answer "$i1" safety_office fail --deadline 2025-12-31
check "which is not recorded either" [ "$(sql "select count(*) from answers where item = 'safety_office'")" = 0 ]
expect_err 2 "unknown severity 'huge'" "an unknown severity is a usage error" \
	hazard add --inspection "$i1" --description x --severity huge

expect_exit 0 "list all" hazard list --format csv
check "two hazards" [ "$(wc -l <"$OUT")" -eq 3 ]
expect_exit 0 "list major" hazard list --major --format csv
check "one major" [ "$(wc -l <"$OUT")" -eq 2 ] && out_has "熔炼炉" "it is the furnace"
expect_exit 0 "list by enterprise" hazard list --enterprise "$USCC1" --format csv
out_has "灭火器过期" "the enterprise's hazard" 

# Time passes: the general one is overdue on 2026-12-04.
FIELDCHECK_NOW=2026-12-04T08:00:00+08:00 fc hazard list --overdue --format json
check "overdue after its deadline" grep -q '"description": "灭火器过期"' "$OUT"
check "only that one" [ "$(sqlite3 :memory: "select json_array_length(readfile('$OUT'))")" = 1 ]

expect_err 1 "is not reported rectified yet" "verified before rectified is refused" \
	hazard event "$g" verified
expect_err 2 "'extend' needs the new deadline" "extend without a date is a usage error" \
	hazard event "$g" extend
expect_exit 0 "a notice sets a deadline" hazard event "$g" notice --date 2026-12-10 --note 责令限期整改
expect_exit 0 "an extension" hazard event "$g" extend --date 2026-12-20 --note 企业申请
FIELDCHECK_NOW=2026-12-15T08:00:00+08:00 fc hazard list --overdue --format csv
check "not overdue while the extension runs" [ "$(wc -l <"$OUT")" -eq 1 ]
expect_exit 0 "rectified" hazard event "$g" rectified
FIELDCHECK_NOW=2027-01-15T08:00:00+08:00 fc hazard list --overdue --format csv
check "a rectified hazard is never overdue" lacks 灭火器过期 "$OUT"
check "the unrectified major one is, past its deadline" grep -q 熔炼炉 "$OUT"
expect_exit 0 "list open" hazard list --open --format csv
check "only the major one is open" [ "$(wc -l <"$OUT")" -eq 2 ] && out_has "熔炼炉" "the open one"
expect_exit 0 "verified and closed" hazard event "$g" verified --note 复查合格
expect_err 1 "is verified and closed; only a comment" "nothing but comments after closing" \
	hazard event "$g" notice
expect_exit 0 "a comment after closing" hazard event "$g" comment --note 归档
expect_exit 0 "listed supervision of the major" hazard event "$m" supervise
expect_err 1 "already under listed supervision" "supervision only once" hazard event "$m" supervise
expect_err 2 "unknown event 'found'" "'found' is not recorded by hand" hazard event "$m" found
expect_err 1 "no hazard with id 00000000" "an unknown hazard" hazard event 00000000 comment
expect_err 1 "is not a hazard id" "a too-short id" hazard show abc

expect_exit 0 "show" hazard show "$(printf %.8s "$g")"
out_has "state       closed" "the state is derived from the events"
out_has "(now due 2026-12-20)" "the deadline in force is the extension's"
expect_exit 0 "show as JSON is the record" hazard show "$g" --format json
check "the record decodes: its events in order" [ "$(grep -c '"kind"' "$OUT")" -eq 6 ]
expect_exit 0 "supervised shows in the list" hazard list --major --format json
check "supervised yes" grep -q '"supervised": "yes"' "$OUT"

# --replace changes the hazard a failed item made, as the walk's dialog does.
i3=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
fc inspection answer "$i3" risk_map fail
old=$(sql "select id from hazards where inspection = '$i3' and item = 'risk_map'")
expect_err 2 "needs the --item" "--replace without --item is a usage error" \
	hazard add --inspection "$i3" --description x --replace
expect_err 1 "item 'safety_office' has no hazard to change" "--replace of an item without one" \
	hazard add --inspection "$i3" --item safety_office --description x --replace
expect_exit 0 "--replace of the failed item's hazard" hazard add --inspection "$i3" \
	--item risk_map --description 图未张贴 --severity major --deadline 2026-12-15 --replace
check "the item has one hazard, the new one" [ "$(sql "select count(*) || ' ' || (id <> '$old') \
	|| ' ' || severity || ' ' || description || ' ' || deadline from hazards \
	where inspection = '$i3' and item = 'risk_map'")" = "1 1 major 图未张贴 2026-12-15" ]
check "the store is sound" [ "$(sql 'PRAGMA integrity_check')" = ok ]

# Days later, on a draft begun on the 28th: a deadline already past is
# refused however it is given, with today's date; today itself is accepted.
export FIELDCHECK_NOW=2026-12-03T09:00:00+08:00
expect_err 1 "the deadline 2026-12-01 is in the past (today is 2026-12-03)" \
	"a deadline in the past is refused, naming today" \
	hazard add --inspection "$i3" --description x --deadline 2026-12-01
expect_err 1 "the deadline 2026-12-02 is in the past (today is 2026-12-03)" \
	"so is one given with a failed answer" \
	inspection answer "$i3" safety_office fail --deadline 2026-12-02
check "which is not recorded" [ "$(sql "select count(*) from answers where inspection = '$i3' \
	and item = 'safety_office'")" = 0 ]
expect_err 1 "the deadline 2026-12-01 is in the past" "and one given by --replace" \
	hazard add --inspection "$i3" --item risk_map --description x --deadline 2026-12-01 --replace
expect_exit 0 "a deadline of today is accepted" hazard add --inspection "$i3" \
	--description 当场整改 --deadline 2026-12-03
expect_exit 0 "a failed answer without a deadline counts the form's days from today" \
	inspection answer "$i3" safety_office fail
check "so its deadline is not in the past" sh -c "[ \"\$(sqlite3 '$WS/store.db' \"select deadline \
	from hazards where inspection = '$i3' and item = 'safety_office'\")\" \\> 2026-12-03 ]"
h=$(sql "select id from hazards where inspection = '$i3' and item = 'risk_map'")
expect_err 1 "the deadline 2026-12-02 is in the past" "a notice's deadline in the past is refused" \
	hazard event "$h" notice --date 2026-12-02
