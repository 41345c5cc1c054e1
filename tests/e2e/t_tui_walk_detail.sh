#!/bin/bash
# t_tui_walk_detail.sh - the walk reads the item whole: the detail pane gets
# the rows the item needs (label, answer, note, hazard, hint), the list the
# rest; and when an answer makes more items apply, the count's jump is
# explained on screen.  At 80x24 and 40x12 (one-item view), en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

NOTE_EN="the attendant left the manhole for ten minutes to fetch tools and nobody watched the entrant meanwhile"
NOTE_ZH="监护人员离开井口约十分钟去取工具，期间无人监护作业人员，且未与作业人员保持联络，已当场要求停止作业"

one_case() {
	draft hazmat-loading
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	expect "$1 $2: 9 items apply at first" "$(L 'draft 0/9' '草稿 0/9')"
	keys Enter
	must "$1 $2: the choices" wait_for "[ ] "
	keys Space Enter
	expect "$1 $2: the count moves to 10" "$(L 'draft 1/10' '草稿 1/10')"
	expect "$1 $2: and the screen says why" "$(L '1 of 10 items apply now' '现有 10 项适用')"
	[ "$2" = 80x24 ] && keys F1 &&
		expect "$1 $2: the help explains the count" "$(L 'items that apply now' '当前适用项数')" &&
		keys Escape

	# shellcheck disable=SC2086
	draft confined-space $CS_BEFORE_O2
	"$FC" -C "$WS" inspection answer "$ID" attendant_on_duty fail \
		--note "$(L "$NOTE_EN" "$NOTE_ZH")" >/dev/null
	must "$1 $2: the walk opens at the oxygen reading" open_draft "$1" "$2"
	must "$1 $2: on it" wait_for "$(L 'Oxygen (% vol)' '氧气浓度（%VOL）')"
	[ "$2" = 40x12 ] && keys F6   # the one-item view: the whole screen for it
	expect "$1 $2: its hint is shown whole" "$(L 'oxygen-enriched' '为富氧')"
	[ "$2" = 40x12 ] && return
	keys Up Up Up   # past the isolation and the briefing
	must "$1 $2: on the failed item" wait_for "$(L 'Does the attendant stay' '监护人员是否全程')"
	expect "$1 $2: its note is shown whole" "$(L 'meanwhile' '已当场要求停止作业')"
	expect "$1 $2: and its hazard" "$(L 'Hazard (general' '隐患（一般')"
}

each_case one_case
