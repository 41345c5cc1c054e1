#!/bin/bash
# t_tui_repeat_choices.sh - a select_one ${q} in the walk: its chooser
# offers the names answered in the repeat's instances that its
# choice_filter keeps (a worker under the minimum age left out), the one
# chosen is recorded, and its row shows the value itself; amending the
# finalized record offers them again.  80x24, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/repeat-choices" "$WS/forms/"
	fc inspection new --form repeat-choices --enterprise "$USCC1"
	id=$(cat "$OUT")
	for k in 1 2 3; do fc inspection repeat "$id" worker add; done
	set -- 王五 45 "赵 六" 17 孙七 30
	for k in 1 2 3; do
		fc inspection answer "$id" wname "$1" --instance $k
		fc inspection answer "$id" age "$2" --instance $k
		shift 2
	done
	fc inspection answer "$id" min_age 18
	if [ "$loc" = zh_CN.UTF-8 ]; then officer=安全负责人; else officer="Safety officer"; fi
	TM_COLS=80 TM_ROWS=24 tui_start "$loc"
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	wait_for "$officer" >/dev/null
	keys Home
	for k in 1 2 3 4 5 6 7 8 9 10; do keys Down; done # past the workers
	while ! tmux -L "$TM_SOCK" capture-pane -p -t fc | grep -A1 '^────' | grep -q "$officer" &&
		[ "${n:=0}" -lt 12 ]; do
		keys Down
		n=$((n + 1))
	done
	n=0
	keys Enter
	expect "$loc: the chooser offers the workers' names" "│ 王五"
	expect "$loc: each of the age the choice_filter asks" "│ 孙七"
	check "$loc: but not one under the minimum age" \
		sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q '赵 六'"
	keys Down Enter
	sleep 0.5
	check "$loc: the name chosen is recorded" \
		sh -c "'$FC' -C '$WS' inspection show '$id' | grep -q 'officer  *孙七'"
	check "$loc: its row shows the name" wait_re "\\[x\\] $officer +孙七$"
	tm kill-server >/dev/null 2>&1
	amend_case
}

# The record of the finalized inspection: amending the select offers the
# workers' names again, and the one chosen is the amendment.
amend_case() {
	if [ "$loc" = zh_CN.UTF-8 ]; then which="补正：选择项目" reason="补正理由（必填）"
	else which="Amend: which item" reason="Amend: the reason (required)"; fi
	fc inspection finalize "$id" || { not_ok "$loc: the inspection finalizes"; return; }
	TM_COLS=80 TM_ROWS=24 tui_start "$loc"
	keys d && sleep 0.3 && keys Tab && wait_for "2026-11-28" >/dev/null
	keys Enter
	sleep 0.3
	keys a
	must "$loc: a asks which item" wait_for "$which"
	for k in 1 2 3 4 5 6 7; do keys Down; done # the workers' six, min_age
	keys Enter
	expect "$loc: amending the select offers the workers' names" "│ 王五"
	keys Enter
	expect "$loc: then the reason" "$reason"
	typed "负责人记错"
	keys Enter
	sleep 0.5
	check "$loc: the name chosen is the amendment" \
		sh -c "'$FC' -C '$WS' inspection show '$id' --format json | grep -q '\"officer\", \"value\": \"王五\"'"
	tm kill-server >/dev/null 2>&1
}

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
