#!/bin/bash
# t_tui_hazard_filter.sh - the hazards screen's enterprise filter (e) opens
# the enterprise finder titled for the filter, with no "+ add a new
# enterprise" row and no F2 Add (a filter adds nothing); choosing one
# filters the list.  The new-inspection finder keeps its title and its add
# row.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
"$FC" -C "$WS" enterprise add --code "$USCC2" --name "东湖金属制品厂" --town 东湖街道 >/dev/null

words() {
	case $1 in
	zh*) FILTER="隐患：只看一家企业" NEWTITLE="新建检查：企业" ADD="+ 新增企业" BARADD="F2新增"
	     NEWSCR="新建检查" ;;
	*) FILTER="Hazards: only one enterprise" NEWTITLE="New inspection: enterprise"
	   ADD="+ Add a new enterprise" BARADD="F2Add new" NEWSCR="New inspection" ;;
	esac
}

filter() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h"
	keys h
	sleep 0.3
	keys e
	expect "e opens the finder titled for the filter ($at)" "${FILTER:0:8}"
	check "not as a new inspection's ($at)" eval '! screen | grep -qF "$NEWTITLE"'
	expect "it lists the enterprises ($at)" "$USCC2"
	check "with no add row ($at)" eval '! screen | grep -qF "$ADD"'
	check "and no F2 Add on its bar ($at)" eval '! screen | tail -n 1 | grep -qF "$BARADD"'
	keys F2
	sleep 0.3
	check "F2 adds nothing here ($at)" eval '! screen | grep -q "USCC\|18"'
	typed "东湖"
	sleep 0.3
	keys Enter
	if [ "$w" -ge 80 ]; then
		expect "choosing one filters the hazards ($at)" "东湖金属"
	else   # the filter line is cut before the name at 40 columns
		check "choosing one closes the finder ($at)" wait_gone "${FILTER:0:8}"
	fi
	keys Escape
	sleep 0.2
	keys n
	wait_for "$NEWSCR" >/dev/null
	keys Down Enter
	expect "the new inspection's finder keeps its title ($at)" "${NEWTITLE:0:6}"
	expect "and its add row ($at)" "$ADD"
}
both_sizes_and_langs filter
