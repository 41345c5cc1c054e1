#!/bin/bash
# t_tui_columns.sh - drawing: the team list's and the drafts list's columns
# line up by display width whatever the names hold (a Chinese character
# takes two columns), and a message under a dialog (a search that finds
# nothing in the form chooser) shows whole below it, with no border drawn
# across it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
two_drafts || { not_ok "two drafts made"; exit 1; }
"$FC" -C "$WS" inspection answer "$a" spot_check yes >/dev/null   # the five must-checks apply
for item in vehicle_permits crew_qualifications tank_inspection goods_match_waybill \
	permitted_media waybill_carried pretrip_check warning_marks no_overload emergency_kit; do
	"$FC" -C "$WS" inspection answer "$a" "$item" pass >/dev/null 2>&1
done
"$FC" -C "$WS" inspection answer "$a" products flammable_liquid >/dev/null
# b was started by an officer whose name this team does not give: its badge shows
sql "UPDATE inspections SET created_by = 'LS-0002' WHERE id = '$b'"

# same A B: two columns found (not -1) and equal.
same() { [ "$1" -ge 0 ] && [ "$1" = "$2" ]; }

words() {
	case $1 in
	zh*) NEWSCR="新建检查" TEAM="新建检查：检查人员" ADD="添加检查人员" CHOOSER="选择检查表"
	     SEARCH="查找" NOTFOUND="zzzz" COUNT_A="12项" COUNT_B="0项" FORM_A="危险化学"
	     FORM_B="小微企业" WHO_A="张三" WHO_B="LS-00" ;;
	*) NEWSCR="New inspection" TEAM="New inspection: team" ADD="Add a team member"
	   CHOOSER="Choose the form" SEARCH="Search" NOTFOUND="zzzz" COUNT_A="12 answers"
	   COUNT_B="0 answers" FORM_A="Hazardous" FORM_B="Small-En" WHO_A="started by"
	   WHO_B="started by" ;;
	esac
}

columns() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h" TZ=Asia/Shanghai
	keys n && wait_for "$NEWSCR" >/dev/null
	keys Down Down Down Enter
	must "the team screen ($at)" wait_for "${TEAM:0:6}"
	keys a && wait_for "$ADD" >/dev/null
	typed "Alexander Wang" && keys Tab && typed "JT-0042" && keys Tab && typed "区交通运输局" && keys Enter
	wait_gone "$ADD" && wait_for "JT-0042" >/dev/null
	c1=$(col_on "ZJ-0001" "ZJ-0001") c2=$(col_on "JT-0042" "JT-0042")
	check "the team's badges line up ($at: $c1, $c2)" same "$c1" "$c2"
	d1=$(col_on "ZJ-0001" "区应急") d2=$(col_on "JT-0042" "区交通")
	check "and their departments ($at: $d1, $d2)" same "$d1" "$d2"
	keys Escape && sleep 0.2 && keys Escape && sleep 0.2
	keys d && wait_for "2026-11-27 08:10" >/dev/null   # Home's c names the other
	e1=$(col_on "2026-11-27 08:10" "华东") e2=$(col_on "2026-11-28 08:15" "华东")
	check "the drafts' enterprises line up ($at: $e1, $e2)" same "$e1" "$e2"
	if [ "$w" -ge 80 ]; then
		n1=$(col_on "2026-11-27 08:10" "$COUNT_A") n2=$(col_on "2026-11-28 08:15" "$COUNT_B")
		check "their counts line up ($at: $n1, $n2)" same "$n1" "$n2"
	fi
	b1=$(col_on "$FORM_A" "$WHO_A") b2=$(col_on "$FORM_B" "$WHO_B")
	check "who started them lines up ($at: $b1, $b2)" same "$b1" "$b2"
	keys Escape && sleep 0.2
	keys n && wait_for "$NEWSCR" >/dev/null
	keys Enter && wait_for "$CHOOSER" >/dev/null
	keys / && wait_for "$SEARCH" >/dev/null
	typed "$NOTFOUND" && keys Enter
	sleep 0.4
	msg=$(screen | tail -n 2 | head -n 1)
	check "the message under the chooser has no border across it ($at)" \
		eval 'case "$msg" in *"└"*|*"┘"*|*"─"*) false;; *) true;; esac'
	check "and shows whole ($at)" eval 'case "$msg" in *"$NOTFOUND"*) true;; *) false;; esac'
}
both_sizes_and_langs columns

# The hazards list: the descriptions start on one column whatever the
# enterprises' names (a short one, a long one cut with '…').
"$FC" -C "$WS" enterprise add --code "$USCC2" --name 乙厂 >/dev/null
c=$(new_draft -- --form six-ones --enterprise "$USCC2")
"$FC" -C "$WS" hazard add --inspection "$a" --description 描述甲 >/dev/null
"$FC" -C "$WS" hazard add --inspection "$c" --description 描述乙 >/dev/null
sql "UPDATE enterprises SET name = '一个名称很长很长很长很长很长的化工有限公司' WHERE code = '$USCC1'"
for loc in en_US.UTF-8 zh_CN.UTF-8; do
	have_locale "$loc" || continue
	tui_at "$loc" 80 24 TZ=Asia/Shanghai
	keys h && wait_for "描述乙" >/dev/null
	d1=$(col_on "描述甲" "描述甲") d2=$(col_on "描述乙" "描述乙")
	check "the hazards' descriptions line up ($loc: $d1, $d2)" same "$d1" "$d2"
done
