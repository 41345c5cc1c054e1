#!/bin/bash
# t_tui_walk_clear.sh - x on a failed answer withdraws its hazard, so it asks
# first, naming the description that is lost and who recorded it: No keeps
# both, Yes clears the answer and withdraws the hazard.  A passed answer
# clears without asking.  At 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

hazards() { "$FC" -C "$WS" hazard list --open --format csv | sed 1d | wc -l; }

one_case() {
	draft hazmat-loading products flammable_liquid spot_check no
	"$FC" -C "$WS" inspection answer "$ID" waybill_carried fail --note 运单未查验 >/dev/null
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	keys Up
	must "$1 $2: on the failed item" wait_for "$(L 'carries the dangerous-goods' '随车携带危险货物运单')"
	keys x
	expect "$1 $2: x asks first" "$(L 'Clear a failed answer' '清除不合格回答')"
	expect "$1 $2: naming the description lost" "运单未查验"
	keys n
	must "$1 $2: no keeps it" wait_gone "$(L 'Clear a failed answer' '清除不合格回答')"
	check "$1 $2: the hazard is still there" [ "$(hazards)" -eq 1 ]
	keys x
	must "$1 $2: asked again" wait_for "$(L 'Clear a failed answer' '清除不合格回答')"
	keys y
	expect "$1 $2: yes clears" "$(L 'Answer cleared.' '回答已清除。')"
	check "$1 $2: and withdraws the hazard" [ "$(hazards)" -eq 0 ]
	keys Down p Up x
	expect "$1 $2: a passed answer clears without asking" "$(L 'Answer cleared.' '回答已清除。')"
}

each_case one_case
