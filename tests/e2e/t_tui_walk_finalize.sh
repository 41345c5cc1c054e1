#!/bin/bash
# t_tui_walk_finalize.sh - finalize checks first and asks second: with a
# required item unanswered, or a joint inspection of one officer, F8 in the
# review refuses at once and never asks "sure?"; when all is well it asks.
# At 80x24 and 40x12, in English and Chinese.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

SIX="park_name 一号园区 safety_office pass management_agreement pass risk_map pass
micro_fire_station pass smart_charging pass life_passage pass"

# no_confirm WHAT: the question "sure?" is not on the screen (given time to
# appear).
no_confirm() {
	sleep 0.5
	if screen | grep -qF "$(L 'Finalize this inspection?' '确定定稿？')"; then
		not_ok "$1"; screen | sed 's/^/    | /'
	else
		ok "$1"
	fi
}

one_case() {
	draft hazmat-loading
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	keys F5
	must "$1 $2: the review" wait_for "$(L 'Review' '复核')"
	keys F8
	expect "$1 $2: unanswered items refuse at once" "$(L 'Cannot finalize yet' '尚不能定稿')"
	no_confirm "$1 $2: and it does not ask first"

	# shellcheck disable=SC2086
	DRAFT_TYPE=joint draft six-ones $SIX
	J=$ID loc=$1 size=$2
	must "$loc $size: the joint draft opens" open_draft "$loc" "$size"
	keys F5
	must "$loc $size: its review says it is complete" wait_for "$(L 'Review' '复核')"
	keys F8
	no_confirm "$loc $size: one officer on a joint inspection refuses before asking"
	fc inspection list --status draft --format csv
	check "$loc $size: it stays a draft" grep -q "$J" "$OUT"
	"$FC" -C "$WS" inspection member "$J" "李四:JT-0042:区交通运输局" >/dev/null
	keys Escape
	sleep 0.3
	keys F5 F8
	expect "$loc $size: with two officers it asks" "$(L 'Finalize this inspection?' '确定定稿？')"
}

each_case one_case
