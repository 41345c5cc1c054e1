#!/bin/bash
# t_tui_joint_team.sh - a joint inspection started with one officer: F5
# warns that it needs two to be finalized and offers the team; started
# anyway, the team is edited inside the draft, from the walk and from the
# review (t), and a member added there is stored at once; finalize then
# passes the two-officer rule.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws

words() {
	case $1 in
	zh*) NEWSCR="新建检查" CHOOSER="选择检查表" SEARCH="查找" FINDER="新建检查：企业"
	     WARN="检查人员不足" TEAM="本次检查的检查人员" ADD="添加检查人员"
	     NEED="还需一名检查人员" ;;
	*) NEWSCR="New inspection" CHOOSER="Choose the form" SEARCH="Search"
	   FINDER="New inspection: enterprise" WARN="Too few officers to finalize"
	   TEAM="Team of the inspection" ADD="Add a team member" NEED="One officer more is needed" ;;
	esac
}

joint() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h"
	keys n && wait_for "$NEWSCR" >/dev/null
	keys Enter && wait_for "$CHOOSER" >/dev/null
	keys / && wait_for "$SEARCH" >/dev/null
	typed "hazmat" && keys Enter && sleep 0.2 && keys Enter
	keys Down Enter && wait_for "$FINDER" >/dev/null
	typed "华东" && wait_for "$USCC1" >/dev/null
	keys Enter && sleep 0.3
	keys Down Right Right        # the type: routine -> unannounced -> joint
	sleep 0.2
	keys F5
	expect "F5 warns a joint inspection needs two officers ($at)" "$WARN"
	n0=$(sql "SELECT count(*) FROM inspections")
	keys n
	expect "No starts it: the walk opens ($at)" "0/9"
	check "the draft is made ($at)" [ "$(sql "SELECT count(*) FROM inspections")" = $((n0 + 1)) ]
	keys t
	expect "t in the walk opens the draft's team ($at)" "${TEAM:0:8}"
	expect "it says one officer more is needed ($at)" "${NEED:0:8}"
	keys a
	expect "a asks for the member ($at)" "$ADD"
	typed "李四" && keys Tab && typed "J$w$h${loc:0:1}" && keys Tab && typed "区交通运输局" && keys Enter
	wait_gone "$ADD"   # the badge typed shows in the dialog too
	expect "the member shows on the team ($at)" "J$w$h${loc:0:1}"
	check "and is stored at once ($at)" [ "$(sql "SELECT count(*) FROM team WHERE badge = 'J$w$h${loc:0:1}'")" = 1 ]
	keys Escape
	wait_for "0/9" >/dev/null
	keys F5
	sleep 0.3
	keys t
	expect "t in the review opens the team too ($at)" "${TEAM:0:8}"
	expect "with the member added ($at)" "J$w$h${loc:0:1}"
	keys F10
	wait_exit
}
both_sizes_and_langs joint

# the two-officer rule of finalize is met by the team edited in the draft
for id in $(sql "SELECT id FROM inspections"); do
	check "each joint draft has two officers" [ "$(sql "SELECT count(*) FROM team WHERE inspection = '$id'")" = 2 ]
done
