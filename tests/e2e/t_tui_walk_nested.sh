#!/bin/bash
# t_tui_walk_nested.sh - a repeat inside a repeat in the walk: the inner
# repeat shows the instances inside the vehicle shown ("Compartment 1 of
# 1" under "Vehicle 1 of 2"), + on it adds one inside that vehicle, and
# going on past the first vehicle's end shows the second with its own; the
# review names an unanswered item by both instances.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

one_case() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/nested-repeat" "$WS/forms/"
	ID=$("$FC" -C "$WS" inspection new --form nested-repeat --enterprise "$USCC1")
	v1=$("$FC" -C "$WS" inspection repeat "$ID" vehicle add | cut -d' ' -f2)
	"$FC" -C "$WS" inspection answer "$ID" plate 浙A11111 --instance 1 >/dev/null
	"$FC" -C "$WS" inspection answer "$ID" n_comp 2 --instance 1 >/dev/null
	"$FC" -C "$WS" inspection repeat "$ID" compartment add 1 >/dev/null
	"$FC" -C "$WS" inspection repeat "$ID" vehicle add >/dev/null
	"$FC" -C "$WS" inspection answer "$ID" plate 浙B22222 --instance 2 >/dev/null
	"$FC" -C "$WS" inspection answer "$ID" n_comp 1 --instance 2 >/dev/null
	"$FC" -C "$WS" inspection repeat "$ID" compartment add 2 >/dev/null
	"$FC" -C "$WS" inspection answer "$ID" loaded no --instance 2/1 >/dev/null
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	expect "$1 $2: the outer repeat's heading" "$(L 'Vehicle 1 of 2' '车辆 第 1 个，共 2 个')"
	expect "$1 $2: the inner one's shows the first vehicle's" \
		"$(L 'Compartment 1 of 1' '隔仓 第 1 个，共 1 个')"
	for _ in 1 2 3; do   # onto the compartment's heading: past plate and n_comp
		keys Down
		sleep 0.3
	done
	keys +
	expect "$1 $2: + there adds a compartment to the first vehicle" \
		"$(L 'Compartment 2 of 2' '隔仓 第 2 个，共 2 个')"
	"$FC" -C "$WS" inspection show "$ID" --format json >"$OUT"
	check "$1 $2: its marker names the first vehicle" \
		sh -c "[ \$(grep -c '\"item\": \"compartment@[0-9a-f-]*\", \"value\": \"[12]@$v1\"' '$OUT') -eq 2 ]"
	for _ in 1 2 3 4 5 6 7 8; do   # on past the first vehicle's end
		keys Down
		sleep 0.3
		screen | grep -q "$(L 'Vehicle 2 of 2' '车辆 第 2 个，共 2 个')" && break
	done
	expect "$1 $2: on past the end of the first vehicle: the second" \
		"$(L 'Vehicle 2 of 2' '车辆 第 2 个，共 2 个')"
	expect "$1 $2: with its own compartment" "$(L 'Compartment 1 of 1' '隔仓 第 1 个，共 1 个')"
	keys F5
	expect "$1 $2: the review names both instances an unanswered item is in" \
		"$(L 'Loaded? (Compartment 1) (Vehicle 1)' '是否装载（隔仓 1）（车辆 1）')"
}

WALK_SIZES="80x24"
each_case one_case
