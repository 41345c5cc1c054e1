#!/bin/bash
# t_tui_walk_small.sh - behind the "window too small" screen no key acts, in
# the walk, in its dialogs and in the review: shrink to 30x10, press a key
# that would answer, submit or finalize, enlarge, and nothing happened.
# Starting at 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

SIX="park_name 一号园区 safety_office pass management_agreement pass risk_map pass
micro_fire_station pass smart_charging pass life_passage pass"

# small KEYS...: shrinks to 30x10, sends the keys, enlarges back to $size.
small() {
	tm resize-window -t fc -x 30 -y 10
	wait_for "(now 30x10)" >/dev/null || wait_for "（当前 30x10）" || return 1
	keys "$@"
	sleep 0.3
	tm resize-window -t fc -x "${size%x*}" -y "${size#*x}"
}

answers() { "$FC" -C "$WS" inspection show "$ID" --format json | grep -c '"item": '; }

one_case() {
	draft hazmat-loading products flammable_liquid spot_check no
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	must "$1 $2: on a check item" wait_for "$(L 'draft 2/' '草稿 2/')"
	must "$1 $2: p while too small" small p
	must "$1 $2: the walk again" wait_for "$(L 'draft ' '草稿 ')"
	check "$1 $2: p did not answer the item" [ "$(answers)" -eq 2 ]
	expect "$1 $2: the count says so too" "$(L 'draft 2/' '草稿 2/')"
	keys f
	must "$1 $2: the hazard dialog" wait_for "$(L 'Failed: the hazard found' '不合格：发现的隐患')"
	typed "x1"
	must "$1 $2: Enter while too small" small Enter
	expect "$1 $2: the dialog is still open" "$(L 'Failed: the hazard found' '不合格：发现的隐患')"
	check "$1 $2: and nothing was saved" [ "$(answers)" -eq 2 ]
	keys Escape

	# shellcheck disable=SC2086
	draft six-ones $SIX
	must "$1 $2: a complete draft opens" open_draft "$1" "$2"
	keys F5
	must "$1 $2: its review" wait_for "$(L 'Review' '复核')"
	must "$1 $2: F8 while too small" small F8
	sleep 0.3
	if screen | grep -qF "$(L 'Finalize this inspection?' '确定定稿？')"; then
		not_ok "$1 $2: F8 did not act"
	else
		ok "$1 $2: F8 did not act"
	fi
	keys F8
	must "$1 $2: F8 asks" wait_for "$(L 'Finalize this inspection?' '确定定稿？')"
	must "$1 $2: y while too small" small y
	expect "$1 $2: the question is still open" "$(L 'Finalize this inspection?' '确定定稿？')"
	fc inspection list --status draft --format csv
	check "$1 $2: it is still a draft" grep -q "$ID" "$OUT"
}

each_case one_case
