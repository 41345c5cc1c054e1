# t_demo.sh - the demo `make run` opens (.ci/demo) has something on every
# screen: made in a temporary folder, its report's figures are non-zero and
# agree with the listings of what was made (inspections, drafts, joint,
# hazards at each stage, overdue, listed supervision), every shipped form
# is used, dates run back from today, a conflict waits, the workspace, the
# colleague's laptop, the supervisor and the central agree on one commit;
# a second run keeps the demo, "reset" makes it anew.
. "$FIELDCHECK_TOP/tests/lib.sh"
command -v sqlite3 >/dev/null || { not_ok "sqlite3 is installed (make deps-test)"; exit 1; }
D=$T/demo
WS=$D/workspace

sh "$TOP/.ci/demo" "$FC" "$D" >"$OUT" 2>"$ERR"
check "the demo is made" [ $? -eq 0 ]

# json KEY: a value of the report in $T/rep.json.
json() { sqlite3 :memory: "SELECT json_extract(readfile('$T/rep.json'), '\$.$1')"; }
# rows ARGS: the number of rows a CSV listing prints.
rows() { "$FC" -C "$WS" "$@" --format csv | awk 'NR > 1' | wc -l; }
# hazards_where AWK-CONDITION: hazards of the listing ($5 state, $7 overdue,
# $8 supervised, $4 severity) that meet it.
hazards_where() { "$FC" -C "$WS" hazard list --format csv | awk -F, "NR > 1 && ($1)" | wc -l; }
# same WHAT FIGURE COUNT: the report's figure is non-zero and the listing agrees.
same() {
	if [ "$2" -gt 0 ] && [ "$2" -eq "$3" ]; then ok "$1: $2"; else not_ok "$1: report $2, listing $3"; fi
}

"$FC" -C "$WS" report --format json >"$T/rep.json"
same "inspections" "$(json inspections)" "$(rows inspection list)"
same "drafts" "$(json drafts)" "$(rows inspection list --status draft)"
same "joint inspections" "$(json joint_inspections)" \
	"$("$FC" -C "$WS" inspection list --format csv | awk -F, '$5 == "joint"' | wc -l)"
same "enterprises inspected" "$(json enterprises)" \
	"$("$FC" -C "$WS" inspection list --format csv | awk -F, 'NR > 1 { print $6 }' | sort -u | wc -l)"
same "hazards found" "$(json hazards.found)" "$(rows hazard list)"
same "major hazards" "$(json hazards.major)" "$(hazards_where '$4 == "major"')"
same "overdue hazards" "$(json hazards.overdue)" "$(rows hazard list --overdue)"
same "hazards under listed supervision" "$(json hazards.under_supervision)" \
	"$(hazards_where '$8 == "yes"')"
same "major hazards under listed supervision" "$(json hazards.major_under_supervision)" \
	"$(hazards_where '$8 == "yes" && $4 == "major"')"
same "closed hazards" "$(json hazards.closed)" "$(hazards_where '$5 == "closed"')"
same "hazards not rectified" "$(json hazards.open)" \
	"$(hazards_where '$5 == "open" || $5 == "notified"')"
for st in open notified rectified closed; do
	n=$(hazards_where "\$5 == \"$st\"")
	check "a hazard is $st ($n)" [ "$n" -gt 0 ]
done
check "an unannounced inspection and a re-inspection" \
	[ "$(json unannounced_inspections)" -gt 0 ] && [ "$(json rechecks)" -gt 0 ]
check "finalized inspections too" [ "$(rows inspection list --status final)" -gt 0 ]
n=$("$FC" -C "$WS" inspection list --format csv | awk -F, 'NR > 1 { print $3 }' | sort -u | wc -l)
check "every shipped form is used ($n of $(ls -d "$FIELDCHECK_FORMS"/*/ | wc -l))" \
	[ "$n" -eq "$(ls -d "$FIELDCHECK_FORMS"/*/ | wc -l)" ]

# Dated from today: the newest inspection within two days, the oldest
# within five weeks, nothing after today.
"$FC" -C "$WS" inspection list --format csv | awk -F, 'NR > 1 { print substr($8, 1, 10) }' |
	sort >"$T/dates"
today=$(date +%F)
check "the newest inspection is of the last two days ($(tail -n 1 "$T/dates"))" \
	[ "$(tail -n 1 "$T/dates")" \> "$(date -d '-3 days' +%F)" ]
check "nothing is dated after today" [ ! "$(tail -n 1 "$T/dates")" \> "$today" ]
check "the oldest is of the last five weeks ($(head -n 1 "$T/dates"))" \
	[ "$(head -n 1 "$T/dates")" \> "$(date -d '-36 days' +%F)" ]

# A conflict made by two laptops syncing through the central.
fc inspection list --status conflicted --format csv
check "one inspection waits with conflicting answers" [ "$(awk 'NR > 1' "$OUT" | wc -l)" -eq 1 ]
cid=$(awk -F, 'NR == 2 { print $1 }' "$OUT")
fc inspection show "$cid"
check "the conflict names the other laptop's officer" grep -q "by DEMO-00[12] at" "$OUT"
"$FC" -C "$D/laptop2" inspection list --status conflicted --format csv >"$OUT"
check "the colleague's laptop has the same conflict" grep -q "^$cid," "$OUT"

# Synced: one commit everywhere, nothing waiting.
tip=$(git --git-dir="$D/central.git" rev-parse main)
check "the workspace's replica is the central's main" \
	[ "$(git --git-dir="$WS/replica.git" rev-parse main)" = "$tip" ]
check "the central holds the supervisor's listed supervision" \
	[ "$(git --git-dir="$D/central.git" log --format=%ae main | grep -c '^SUP-')" -gt 0 ]
check "the central holds commits of both laptops" sh -c \
	"git --git-dir='$D/central.git' log --format=%ae main | grep -q '^DEMO-001\$' &&
	 git --git-dir='$D/central.git' log --format=%ae main | grep -q '^DEMO-002\$'"
check "a sync finds nothing to send" fc sync
check "and the central does not move" [ "$(git --git-dir="$D/central.git" rev-parse main)" = "$tip" ]
check "the supervisor's workspace sees the same figures" sh -c \
	"'$FC' -C '$D/supervisor' report --format json | grep -q '\"inspections\": $(json inspections),'"

# Kept, then made anew.
sh "$TOP/.ci/demo" "$FC" "$D" >"$OUT" 2>"$ERR"
check "a second run keeps the demo" [ "$(git --git-dir="$D/central.git" rev-parse main)" = "$tip" ]
check "reset makes it anew" sh -c "sh '$TOP/.ci/demo' '$FC' '$D' reset >/dev/null"
check "with new records" [ "$(git --git-dir="$D/central.git" rev-parse main)" != "$tip" ]
check "and the same figures" sh -c \
	"'$FC' -C '$WS' report --format json | grep -q '\"inspections\": $(json inspections),'"
sh "$TOP/.ci/demo" "$FC" "$D" resett >"$OUT" 2>"$ERR"
check "another word than reset is a usage error that keeps the demo" \
	sh -c "[ $? -eq 2 ] && [ -f '$WS/store.db' ]"
