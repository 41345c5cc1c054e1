#!/bin/bash
# t_tui_walk_fail.sh - failing an item asks for the defect found: the
# description starts empty with the question shown under it as a prompt, an
# empty description is refused with a message that says why, and the hazard
# keeps what was typed, never the question.  At 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

one_case() {
	draft hazmat-loading products flammable_liquid spot_check no
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	expect "$1 $2: on the first check" "$(L 'carries the dangerous-goods' '随车携带危险货物运单')"
	keys f
	must "$1 $2: the hazard dialog" wait_for "$(L 'Failed: the hazard found' '不合格：发现的隐患')"
	expect "$1 $2: it asks for the defect found" "$(L 'Defect' '发现的问题')"
	expect "$1 $2: the question is shown as a prompt" "$(L 'Does the unit verify' '是否查验车辆')"
	keys Enter
	expect "$1 $2: an empty description is refused, saying why" \
		"$(L 'Describe the defect found' '请描述发现的问题')"
	fc hazard list --format json
	check "$1 $2: nothing was saved" lacks '"id"' "$OUT"
	typed "$(L 'waybill not verified' '运单未查验')"
	keys Enter
	expect "$1 $2: the failure is saved" "$(L 'Failed: hazard recorded.' '不合格：隐患已记录。')"
	fc hazard list --format json
	out_has "\"description\": \"$(L 'waybill not verified' '运单未查验')\"" \
		"$1 $2: the hazard holds the defect typed"
	check "$1 $2: not the question" lacks "$(L 'Does the unit verify' '是否查验车辆')" "$OUT"
}

each_case one_case
