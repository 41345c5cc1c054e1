#!/bin/bash
# t_tui_paths.sh - a form whose expressions name items by path (../level,
# ../../limit, /paths/limit) in the walk: the question computed from
# ../level shows its value, the group relevant by /paths/limit applies
# once the limit is answered, and ../../limit refuses a level over it.
# 80x24, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/paths" "$WS/forms/"
	fc inspection new --form paths --enterprise "$USCC1"
	id=$(cat "$OUT")
	fc inspection answer "$id" limit 10
	fc inspection answer "$id" level 6
	if [ "$loc" = zh_CN.UTF-8 ]; then half=液位一半 level=液位; else half="Half the level" level=Level; fi
	TM_COLS=80 TM_ROWS=24 tui_start "$loc"
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	check "$loc: the question computed from ../level shows its value" \
		wait_re "\\[x\\] $half +3$"
	check "$loc: the group relevant by /paths/limit applies" wait_re "\\[x\\] $level +6$"
	keys Home Down Enter
	sleep 0.3
	keys C-u
	typed 12
	keys Enter
	expect "$loc: ../../limit refuses a level over the limit" ". <= ../../limit"
	tm kill-server >/dev/null 2>&1
}

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
