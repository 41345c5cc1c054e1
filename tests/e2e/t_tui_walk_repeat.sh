#!/bin/bash
# t_tui_walk_repeat.sh - a repeat in the walk: its instance shown under
# "Vehicle 1 of 1"; + adds one ("Vehicle 2 of 2") and the item typed there
# is that instance's; Up from its heading goes back into the first; - asks,
# then removes the instance shown (the first, after Up).  en and zh at 80x24, the heading at 40x12.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

one_case() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/spot-check" "$WS/forms/"
	ID=$("$FC" -C "$WS" inspection new --form spot-check --enterprise "$USCC1")
	v1=$("$FC" -C "$WS" inspection repeat "$ID" vehicle add | cut -d' ' -f2)
	"$FC" -C "$WS" inspection answer "$ID" plate 浙A11111 --instance 1 >/dev/null
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	expect "$1 $2: the repeat's heading says which instance" "$(L 'Vehicle 1 of 1' '抽查车辆 第 1 个，共 1 个')"
	keys +
	expect "$1 $2: + adds a second and shows it" "$(L 'Vehicle 2 of 2' '抽查车辆 第 2 个，共 2 个')"
	"$FC" -C "$WS" inspection show "$ID" >"$OUT"
	check "$1 $2: the store has it" grep -q "Vehicle 2  (" "$OUT"
	keys Down
	sleep 0.3
	keys Enter
	sleep 0.3
	typed 浙B22222
	keys Enter
	sleep 0.5
	"$FC" -C "$WS" inspection show "$ID" --format json >"$OUT"
	v2=$(grep -o '"item": "vehicle@[0-9a-f-]*"' "$OUT" | grep -v "$v1" | sed 's/.*@//; s/"$//')
	check "$1 $2: the plate typed is the second vehicle's" \
		grep -q "\"item\": \"plate@$v2\", \"value\": \"浙B22222\"" "$OUT"
	# Up through the second's items (the answer moved on to the next one),
	# then from its heading into the first
	for _ in 1 2 3 4; do
		keys Up
		sleep 0.3
		screen | grep -q "$(L 'Vehicle 1 of 2' '抽查车辆 第 1 个，共 2 个')" && break
	done
	expect "$1 $2: Up from the heading goes back into the first" \
		"$(L 'Vehicle 1 of 2' '抽查车辆 第 1 个，共 2 个')"
	keys -
	expect "$1 $2: - asks first" "$(L 'Remove an instance' '删除实例')"
	keys y
	expect "$1 $2: the other one is shown" "$(L 'Vehicle 1 of 1' '抽查车辆 第 1 个，共 1 个')"
	"$FC" -C "$WS" inspection show "$ID" --format json >"$OUT"
	check "$1 $2: the first is removed in the record" \
		grep -q "\"item\": \"vehicle@$v1\", \"value\": \"removed\"" "$OUT"
	keys F5
	expect "$1 $2: the review names the instance an unanswered item is in" \
		"$(L 'Tank vehicle? (Vehicle 1)' '是否罐车（抽查车辆 1）')"
	keys Escape
	expect "$1 $2: back in the walk" "$(L 'Vehicle 1 of 1' '抽查车辆 第 1 个，共 1 个')"
	if [ "$2" = 80x24 ]; then
		tm resize-window -t fc -x 40 -y 12 2>/dev/null
		expect "$1 40x12: the heading is there at the smallest size" \
			"$(L 'Vehicle 1 of 1' '抽查车辆 第 1 个')"
	fi
}

WALK_SIZES="80x24"
each_case one_case
