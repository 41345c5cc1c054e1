#!/bin/bash
# t_tui_walk_odk.sh - ODK's acknowledge, range, geotrace and rank items in
# the walk: Enter on an acknowledgement offers its one answer, OK; a range
# and a trace are typed in the line editor, which says what they take and
# keeps a refused value open with the reason; a ranking is chosen place by
# place from the choices left.  What is recorded is what ODK records.
# At 80x24, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

answer_of() {
	sqlite3 "$WS/store.db" "SELECT value FROM answers WHERE item = '$1'" 2>/dev/null
}

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/odk-types" "$WS/forms/"
	ID=$("$FC" -C "$WS" inspection new --form odk-types --enterprise "$USCC1") ||
		{ not_ok "a draft of the odk-types form"; return; }
	TM_COLS=80 TM_ROWS=24 tui_start "$loc" LANGUAGE=
	must "$loc: home" wait_for F10
	keys d && sleep 0.3 && keys Enter
	must "$loc: the walk opens" wait_for "$(L 'draft ' '草稿 ')"
	must "$loc: the acknowledgement" wait_for "$(L "I have read the site's safety rules" '我已阅读现场安全规定')"
	keys Enter
	expect "$loc: Enter offers its one answer" "$(L 'OK' '确定')"
	keys Enter
	must "$loc: on to the next item" wait_for "$(L 'Briefing given' '已进行安全交底')"
	check "$loc: the acknowledgement is recorded as OK" [ "$(answer_of rules_read)" = OK ]
	keys Down Down
	must "$loc: the range" wait_for "$(L 'Noise level (dB)' '噪声（分贝）')"
	keys Enter
	expect "$loc: its editor says what it takes" "$(L '40 to 120, step 5' '40 至 120，步长 5')"
	typed "87"
	keys Enter
	expect "$loc: a value between steps is refused in the editor" "40 $(L 'plus a multiple of' '加上')"
	keys BSpace BSpace
	typed "85"
	keys Enter
	wait_gone "$(L '40 to 120, step 5' '40 至 120，步长 5')" >/dev/null
	check "$loc: the range's answer is kept" [ "$(answer_of noise)" = 85 ]
	keys Down
	must "$loc: the geotrace" wait_for "$(L 'Route of the pipeline' '管线走向')"
	keys Enter
	expect "$loc: its editor asks for points" "$(L 'Line: LAT LON;...' '线：纬度 经度;…')"
	typed "30.27 120.15; 30.28 120.16"
	keys Enter
	wait_gone "$(L 'Line: LAT LON;...' '线：纬度 经度;…')" >/dev/null
	check "$loc: the trace is stored as ODK writes it" \
		[ "$(answer_of route)" = "30.27 120.15 0 0;30.28 120.16 0 0" ]
	keys Down
	must "$loc: the ranking" wait_for "$(L 'Order the hazards by urgency' '按紧迫程度排列隐患')"
	keys Enter
	expect "$loc: the first place is chosen" "$(L 'place 1 of 3' '第 1 位，共 3 位')"
	keys Down Enter
	expect "$loc: then the second, from those left" "$(L 'place 2 of 3' '第 2 位，共 3 位')"
	keys Enter
	sleep 0.5
	check "$loc: the ranking is every choice in order" \
		[ "$(answer_of priority)" = "spill fire fall" ]
	tm kill-server >/dev/null 2>&1
}

for loc in $WALK_LANGS; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
