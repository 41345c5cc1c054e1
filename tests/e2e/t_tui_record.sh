#!/bin/bash
# t_tui_record.sh - a finalized inspection is read whole in the TUI: from
# the drafts list (Enter on a finished one, or v) and from the dashboard's
# records, the record screen shows the answers by section under their
# labels (not the items' names), the readings, the notes, the items not
# applicable, the team, the start as local date and time, the hazards; it
# scrolls; a amends an item with a reason, and the amendment shows.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
id=$(final_hazmat)
[ -n "$id" ] || { not_ok "a finalized inspection made"; exit 1; }

# t LOCALE: the words the checks look for, in that language.
words() {
	case $1 in
	zh*) TITLE="检查记录" SECTION="六查验（地方做法）" NA="不适用" FAIL="不合格"
	     LABEL="是否查验押运人员在岗并随车押运" HAZ="发现的隐患（1）" WHICH="补正：选择项目"
	     REASON="补正理由（必填）" AMENDS="补正（1）" AMEND="补正" PASS="合格" FIN="已定稿" ;;
	*) TITLE="Inspection record" SECTION="Six verifications (local practice)"
	   NA="Not applicable" FAIL="Fail" LABEL="Does the unit verify that the escort"
	   HAZ="Hazards found (1)" WHICH="Amend: which item" REASON="Amend: the reason (required)"
	   AMENDS="Amendments (1)" AMEND="Amend" PASS="Pass" FIN="Finished" ;;
	esac
}

record() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h" TZ=Asia/Shanghai
	keys d && sleep 0.2 && keys Tab && wait_for "2026-11-28" >/dev/null
	keys Enter
	expect "Enter on a finished inspection opens its record ($at)" "$TITLE"
	check "the record names no item by its id ($at)" eval '! screen | grep -q "escort_present\|vehicle_plate"'
	seen "the record shows a section's label ($at)" "$SECTION"
	seen "the record shows an item's label ($at)" "${LABEL:0:12}"
	seen "the record shows a note ($at)" "押运员离岗"
	seen "the record shows a reading ($at)" "浙A12345"
	seen "the record shows an item not applicable ($at)" "$NA"
	seen "the record shows the team ($at)" "区应急管理局"
	seen "the record shows the start in local time ($at)" "2026-11-28 09:30"
	seen "the record shows the hazards ($at)" "$HAZ"
	seen "the record shows the hazard's description ($at)" "押运员未随车押运"
	keys Escape
	wait_for "${FIN:0:2}" >/dev/null
	keys v
	expect "v opens the record too ($at)" "$TITLE"
	keys Escape
}

amend() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h" TZ=Asia/Shanghai
	keys d && sleep 0.2 && keys Tab && wait_for "2026-11-28" >/dev/null
	keys Enter && wait_for "$TITLE" >/dev/null
	keys a
	expect "a asks which item to amend ($at)" "$WHICH"
	# the items in the form's order: the 8th is crew_qualifications, passed
	keys Down Down Down Down Down Down Down Enter
	expect "a check offers pass, fail, not applicable ($at)" "$NA"
	keys Down Enter
	expect "then the reason ($at)" "$REASON"
	typed "复核发现证件过期$w"
	keys Enter
	seen "the amendment shows in the record ($at)" "复核发现证件过期$w"
	fc inspection show "$id" --format json
	check "the amendment is in the store ($at)" grep -q "复核发现证件过期$w" "$OUT"
}

both_sizes_and_langs record
both_sizes_and_langs amend
check "four amendments, one per run" [ "$(sql "SELECT count(*) FROM amendments WHERE item = 'crew_qualifications' AND value = 'fail'")" = 4 ]

# A supervisor's workspace pulls the record; on the dashboard, Enter on
# Inspections lists them and Enter on one opens its record, not a walk,
# not the raw record of the history.
supervised() {
	git init -q --bare --initial-branch=main "$T/c.git" &&
	"$FC" -C "$WS" remote add origin "$T/c.git" >/dev/null &&
	"$FC" -C "$WS" sync >/dev/null &&
	"$FC" -C "$T/sv" init --name 王科长 --badge SV-0001 --dept 区应急管理局 --supervisor \
		--from "$T/c.git" >/dev/null
}
must "the record reaches a supervisor's workspace" supervised
WS=$T/sv
dashboard() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h" TZ=Asia/Tokyo   # an hour ahead of where it was made
	keys Enter
	wait_for "hazmat" >/dev/null
	check "the dashboard's records show the local start time ($at)" eval 'screen | grep -q "2026-11-28 10:30"'
	keys Enter
	expect "the dashboard's inspection opens as its record ($at)" "$TITLE"
	check "a supervisor is offered no amending ($at)" eval '! screen | tail -n 1 | grep -qF "a$AMEND"'
	seen "with its answers ($at)" "押运员离岗"
	seen "and its amendments ($at)" "复核发现证件过期$w"
}
both_sizes_and_langs dashboard
