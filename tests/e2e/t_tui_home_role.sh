#!/bin/bash
# t_tui_home_role.sh - Home by role: a supervisor's workspace starts no
# inspection, so its Home neither lists "New inspection" (highlighted, to
# be refused once chosen) nor puts F2 New on the bar; n says where
# inspections are started.  An inspector's Home still offers both.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
git init -q --bare --initial-branch=main "$T/c.git"
"$FC" -C "$WS" remote add origin "$T/c.git" >/dev/null
"$FC" -C "$WS" sync >/dev/null
"$FC" -C "$T/sv" init --name 王科长 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--from "$T/c.git" >/dev/null || { not_ok "a supervisor's workspace"; exit 1; }
INSPECTOR=$WS

words() {
	case $1 in
	zh*) NEW="新建检查" BARNEW="F2新建" SIGNED="当前用户" WHY="督查工作区用于审阅"
	     REFUSED="督查工作区不开始检查" ;;
	*) NEW="New inspection" BARNEW="F2New" SIGNED="Signed in"
	   WHY="A supervisor's workspace reviews" REFUSED="it does not start inspections" ;;
	esac
}

supervisor() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	WS=$T/sv
	tui_at "$loc" "$w" "$h"
	keys Escape
	must "a supervisor's Esc from the dashboard goes Home ($at)" wait_for "$SIGNED"
	check "Home lists no New inspection ($at)" eval '! screen | grep -qF "$NEW"'
	check "the bar has no F2 New ($at)" eval '! screen | tail -n 1 | grep -qF "$BARNEW"'
	keys n
	expect "n says where inspections are started ($at)" "${WHY:0:10}"
	check "and is no refusal of a highlighted action ($at)" eval '! screen | grep -qF "$REFUSED"'
	WS=$INSPECTOR
	tui_at "$loc" "$w" "$h"
	expect "an inspector's Home lists New inspection ($at)" "$NEW"
	check "and its bar has F2 New ($at)" eval 'screen | tail -n 1 | grep -qF "$BARNEW"'
}
both_sizes_and_langs supervisor
