#!/bin/bash
# t_tui_demo.sh - the demo `make run` opens (.ci/demo) is not empty: Home
# counts drafts, open and overdue hazards and the conflict to resolve, and
# the dashboard's figures for the whole period are those of `fieldcheck
# report`, none of them zero; at 80x24 in Chinese and in English.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

have_locale zh_CN.UTF-8 || { not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"; exit 1; }
command -v sqlite3 >/dev/null || { not_ok "sqlite3 is installed (make deps-test)"; exit 1; }
# The demo is dated from the real today: the TUI stands on it too.
unset FIELDCHECK_NOW
must "the demo is made" sh -c "sh '$TOP/.ci/demo' '$FC' '$T/demo' >/dev/null"
WS=$T/demo/workspace
FIELDCHECK_NOW=$(date +%Y-%m-%dT%H:%M:%S%:z)
"$FC" -C "$WS" report --format json >"$T/rep.json"
json() { sqlite3 :memory: "SELECT json_extract(readfile('$T/rep.json'), '\$.$1')"; }

# figure LABEL KEY: the dashboard shows the report's figure KEY, not zero.
figure() {
	v=$(json "$2")
	if [ "$v" != 0 ] && wait_re "(^| )$1 +$v( |\$)" 2>"$T/wait.err"; then
		ok "$LOC: the dashboard's '$1' is $v, as the report says"
	else
		not_ok "$LOC: the dashboard's '$1' is $v (not 0), as the report says"; cat "$T/wait.err"
	fi
}

# run LOCALE HOME-DRAFTS HOME-CONFLICT DASHBOARD ALL INSPECTIONS FOUND
#     SUPERVISED OVERDUE RECTIFIED: the walk through Home and the dashboard
#     with that language's words.
run() {
	LOC=$1
	tui_start "$1"
	expect "$LOC: Home counts the drafts" "$2$(json drafts)"
	expect "$LOC: Home offers the conflict to resolve" "$3"
	keys f
	expect "$LOC: f opens the dashboard" "$4"
	keys p
	wait_for "..." >/dev/null 2>&1
	keys Home Down Down Enter
	expect "$LOC: the period is the whole demo" "$5"
	figure "$6" inspections
	figure "$7" hazards.found
	figure "$8" hazards.under_supervision
	figure "$9" hazards.overdue
	figure "${10}" hazards.rectified
	keys F10
	wait_exit
}
run en_US.UTF-8 "Drafts: " "1 inspection has conflicting answers" \
	"Dashboard: the figures for a period" "All  p" Inspections "Hazards found" \
	"Under supervision" Overdue Rectified
run zh_CN.UTF-8 "草稿：" "1 次检查有冲突的回答" "数据看板：时段统计" "全部  p" \
	检查记录 发现隐患 挂牌督办 逾期 已整改
