#!/bin/bash
# t_tui_truncation.sh - a text longer than its place (issue 17, point 11).
# A column is cut with "…", so the reader sees it goes on: the walk's rows
# (an item's label, a multi-select's value), the walk's title with a long
# enterprise name, the form chooser, the hazards' list, a hazard's
# enterprise line.  Content wraps whole: an item's label and a multi-select
# answer in the walk's detail pane, a hazard's description.  A long text
# scrolls, saying there is more: a hazard's screen, and the sync report,
# whose merge notes name each conflicting item by its whole label.  At
# 80x24 and at 40x12, in English and in Chinese, on one tmux server.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

LONG_ENT="华东化工有限公司城关镇第一分公司危险化学品储运中心仓储物流部"
DESC="现场未辨识有限空间也未建立管理台账，污水井、化粪池、地下管沟出入口\
均未设置安全警示标志和告知牌，作业人员不清楚危险有害因素，监护人员未经培训，\
气体检测报警仪未定期检定，应急救援装备缺失，有限空间作业审批单填写不全，\
现场负责人不在岗，隐患整改前应立即停止一切有限空间作业并组织培训(end)"
B=$T/b
on_b() { "$FC" -C "$B" "$@" >/dev/null; }

setup_ws
"$FC" -C "$WS" enterprise add --code "$USCC2" --name "$LONG_ENT" --town 城关镇 >/dev/null
git init -q --bare --initial-branch=main "$T/central.git"
fc remote add origin "$T/central.git"
on_b init --name 李四 --badge JT-0042 --dept 区交通运输局
on_b remote add origin "$T/central.git"
ID=$("$FC" -C "$WS" inspection new --form confined-space --enterprise "$USCC2")
fc inspection member "$ID" "李四:JT-0042:区交通运输局"
fc inspection answer "$ID" space_count 3
fc inspection answer "$ID" space_kinds "closed_equipment underground aboveground"
fc inspection answer "$ID" identify_ledger_signs fail --description "$DESC"
must "both devices have the inspection" eval 'fc sync && on_b sync'

# L EN ZH: the text of the language in force ($loc).
L() { if [ "$loc" = zh_CN.UTF-8 ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }
# poll CMD...: until CMD holds of the screen (bounded by $E2E_TIMEOUT, the
# screen shown when it never does).
poll() {
	n=$((E2E_TIMEOUT * 20))
	while [ "$n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	screen | sed 's/^/    | /' >&2
	return 1
}
# The screen's rows, blanks at either end dropped, run together: a text
# wrapped over rows is found whole (a word of English, any Chinese).
joined() { screen | sed 's/^ *//; s/ *$//' | tr -d '\n'; }
has_whole() { joined | grep -qF -- "$1"; }
shows_whole() { poll has_whole "$1"; }
# cut_row TEXT: a row holding TEXT ends in "…".
row_cut() { screen | sed 's/ *$//' | grep -F -- "$1" | grep -q '…$'; }
cut_row() { poll row_cut "$1"; }
title_cut() { screen | head -n 1 | grep -q "…"; }
# the last row of the walk's detail pane at 40x12 ends in "…"
pane_cut() { screen | sed -n 10p | sed 's/ *$//' | grep -q '…$'; }
box_cut() { screen | grep "│" | grep -q "…"; }
at() { tm resize-window -t fc -x "$1" -y "$2" 2>/dev/null; sleep 0.3; }
# find_item WORDS: the walk's '/' moves to the item whose row holds WORDS
# (^U empties the search field of the last search).
find_item() {
	keys / && wait_for "$(L Search 查找)" >/dev/null && keys C-u && typed "$1" && keys Enter
	wait_gone "$(L Search 查找)"
}

walk_and_hazard() {
	loc=$1
	label=$(L "Has the enterprise identified" "是否已辨识有限空间")
	at 80 24 && tui_start "$loc"
	must "home ($loc)" wait_for F10
	keys c
	must "the walk opens ($loc)" wait_for "$(L 'draft ' '草稿 ')"
	find_item "$(L 'neither' '二者均无')"
	must "on the item of the long label ($loc)" wait_for "$(L 'Answer: Fail' '回答：不合格')"
	for size in "80 24" "40 12"; do
		at $size
		check "the walk's title cuts the enterprise with … ($loc, ${size/ /x})" \
			poll title_cut
		check "the item's row in the list is cut with … ($loc, ${size/ /x})" cut_row "$label"
		check "its label wraps whole in the detail pane ($loc, ${size/ /x})" \
			shows_whole "$(L 'hazard)' '患）')"
	done
	at 80 24
	find_item "$(L 'Kinds of' '有限空间类型')"
	must "on the multi-select ($loc)" wait_for "$(L 'Answer: Enclosed' '回答：密闭设备')"
	check "its value in the list is cut with … ($loc, 80x24)" \
		cut_row "$(L 'Kinds of' '有限空间类型')"
	check "its answer wraps whole in the detail pane ($loc, 80x24)" \
		shows_whole "$(L 'refuse' '垃圾站等）')"
	at 40 12
	check "at 40x12 its value in the list is cut with … ($loc)" \
		cut_row "$(L 'Kinds of' '有限空间类型')"
	check "at 40x12 the answer wraps on, the pane's last row says it goes on ($loc)" \
		poll pane_cut
	keys Escape
	at 80 24
	must "home again ($loc)" wait_for F10
	keys h
	must "the hazards ($loc)" wait_for "2026-12-28"
	for size in "80 24" "40 12"; do
		at $size
		check "a hazard's description is cut with … in the list ($loc, ${size/ /x})" \
			cut_row "2026-12-28"
	done
	at 80 24
	keys Enter
	must "the hazard's screen ($loc)" wait_for "$(L 'Events' '进展记录')"
	check "its enterprise line is cut with … ($loc, 80x24)" cut_row "$(L 'Enterprise:' '企业：')"
	check "its description wraps whole ($loc, 80x24)" shows_whole "(end)"
	at 40 12
	check "at 40x12 its enterprise line is cut with … ($loc)" cut_row "$(L 'Enterprise:' '企业：')"
	check "at 40x12 the screen says there is more ($loc)" \
		wait_re "$(L 'rows 1-[0-9]+ of [0-9]+' '第 1-[0-9]+ 行，共 [0-9]+ 行')"
	keys End
	check "End scrolls to the description's end ($loc, 40x12)" shows_whole "(end)"
	check "and the events after it ($loc, 40x12)" wait_for "$(L 'found' '发现')"
	keys Escape
	sleep 0.2
	keys Escape
	must "home again ($loc)" wait_for F10
	keys n
	must "the new-inspection screen ($loc)" wait_for "$(L 'New inspection' '新建检查')"
	keys Enter
	must "the form chooser ($loc)" wait_for "$(L 'Choose the form' '选择检查表')"
	check "at 40x12 its rows are cut with … ($loc)" poll box_cut
	keys Escape
	sleep 0.2
	keys Escape
}

# sync_report LOCALE ITEM...: the ITEMs answered differently on the two
# devices, the TUI's sync merges them; its report scrolls whole.
sync_report() {
	loc=$1; shift
	for item in "$@"; do
		fc inspection answer "$ID" "$item" pass
		on_b inspection answer "$ID" "$item" fail
	done
	on_b sync
	at 80 24 && tui_start "$loc"
	must "home ($loc)" wait_for F10
	keys y
	must "the sync is done ($loc)" wait_for "$(L 'Done.' '完成。')"
	check "the report says it has more rows ($loc, 80x24)" \
		wait_re "$(L 'rows 1-[0-9]+ of [0-9]+' '第 1-[0-9]+ 行，共 [0-9]+ 行')"
	keys End
	check "End shows the last note whole ($loc, 80x24)" \
		shows_whole "$(L choose 待人工选择)"
	at 40 12
	keys Home
	check "at 40x12 the report says it has more ($loc)" \
		wait_re "$(L 'rows 1-[0-9]+ of [0-9]+' '第 1-[0-9]+ 行，共 [0-9]+ 行')"
	check "PgDn pages on ($loc, 40x12)" eval 'keys NPage; wait_re "$(L "rows [2-9]" "第 [2-9]")"'
	keys End
	check "End shows the last note whole ($loc, 40x12)" \
		shows_whole "$(L choose 待人工选择)"
	keys Escape
}

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	if ! have_locale "$loc"; then
		not_ok "the $loc locale is generated (make deps-test)"
		continue
	fi
	walk_and_hazard "$loc"
done
sync_report en_US.UTF-8 ledger_complete signs_complete entry_approval
have_locale zh_CN.UTF-8 && sync_report zh_CN.UTF-8 ventilate_test_work attendant gas_detector
keys F10
if wait_exit; then ok "F10 quits"; else not_ok "F10 quits"; fi
