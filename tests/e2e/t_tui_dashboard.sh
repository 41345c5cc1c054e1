#!/bin/bash
# t_tui_dashboard.sh - the supervisor's dashboard.  An inspector makes four
# inspections in two towns with two forms and four hazards through the
# command line (one overdue, one major under listed supervision, one
# rectified, one closed), syncs them to a bare central repository, and a
# supervisor's workspace is made from it.  The dashboard opens first there;
# its figures equal `fieldcheck report --format json`, the bars show both
# towns (the long Chinese one cut by display width), the overdue hazard is
# listed first; a bar drills to the town's inspections, a figure to its
# hazards; a record's history shows the author's name and badge and what
# changed.  Periods (this month, typed dates), bars by form, Home's entry,
# a workspace never synced, a resize, Chinese, and a vt100 in the C locale.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

if ! have_locale zh_CN.UTF-8; then
	not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"
	exit 1
fi
command -v sqlite3 >/dev/null || { not_ok "sqlite3 is installed (make deps-test)"; exit 1; }

TOWN2="经济技术开发区东湖街道办事处"

# at NOW ARGS...: fieldcheck on the inspector's workspace with the clock at NOW.
at() { now=$1; shift; FIELDCHECK_NOW=$now "$FC" -C "$WS" "$@"; }

make_data() {
	init_ws
	at 2026-10-01T08:00:00+08:00 enterprise add --code "$USCC1" --name "华东化工有限公司" \
		--town "城关镇" >/dev/null &&
	at 2026-10-01T08:00:00+08:00 enterprise add --code "$USCC2" --name "东湖金属制品厂" \
		--town "$TOWN2" >/dev/null || return 1
	I1=$(at 2026-10-05T09:00:00+08:00 inspection new --form hazmat-loading --enterprise "$USCC1" \
		--type joint --member "李四:JT-0042:区交通运输局") &&
	I2=$(at 2026-11-10T10:00:00+08:00 inspection new --form six-ones --enterprise "$USCC2") &&
	I3=$(at 2026-11-12T10:00:00+08:00 inspection new --form six-ones --enterprise "$USCC1" \
		--type unannounced --member "李四:JT-0042:区交通运输局") &&
	I4=$(at 2026-11-20T15:00:00+08:00 inspection new --form hazmat-loading --enterprise "$USCC2" \
		--type recheck) || return 1
	H1=$(at 2026-10-05T09:30:00+08:00 hazard add --inspection "$I1" --description "押运员证过期" \
		--deadline 2026-10-20) &&
	H2=$(at 2026-11-10T10:30:00+08:00 hazard add --inspection "$I2" \
		--description "园区无统一消防设施" --severity major --deadline 2026-12-31) &&
	H3=$(at 2026-11-12T10:30:00+08:00 hazard add --inspection "$I3" --description "配电箱未上锁" \
		--deadline 2026-12-15) &&
	H4=$(at 2026-11-20T15:30:00+08:00 hazard add --inspection "$I4" --description "静电接地线断开" \
		--deadline 2026-12-05) || return 1
	at 2026-11-11T09:00:00+08:00 hazard event "$H2" supervise --note 区政府挂牌督办 >/dev/null &&
	at 2026-11-13T09:00:00+08:00 hazard event "$H3" rectified >/dev/null &&
	at 2026-11-21T09:00:00+08:00 hazard event "$H4" rectified >/dev/null &&
	at 2026-11-22T09:00:00+08:00 hazard event "$H4" verified --note 复查合格 >/dev/null || return 1
	git init -q --bare --initial-branch=main "$T/c.git" &&
	at 2026-11-28T09:00:00+08:00 remote add origin "$T/c.git" >/dev/null &&
	at 2026-11-28T09:00:00+08:00 sync >/dev/null || return 1
	# A notice after the first sync: the overdue hazard's history has two changes.
	at 2026-11-28T09:10:00+08:00 hazard event "$H1" notice --note 责令限期整改 >/dev/null &&
	at 2026-11-28T09:10:00+08:00 sync >/dev/null || return 1
	FIELDCHECK_NOW=2026-11-28T09:20:00+08:00 "$FC" -C "$T/sv" init --name 王科长 \
		--badge SV-0001 --dept 区应急管理局 --supervisor --from "$T/c.git" >/dev/null
}
must "the inspector's records are made and synced, the supervisor's workspace pulls them" make_data
INSPECTOR=$WS
WS=$T/sv

# json KEY...: values of the report in $T/rep.json (sqlite3's json_extract).
json() {
	q=""
	for k in "$@"; do q="$q${q:+, }json_extract(readfile('$T/rep.json'), '\$.$k')"; done
	sqlite3 -separator ' ' :memory: "SELECT $q"
}

# figure LABEL VALUE: the dashboard shows the figure with that value.
figure() {
	if wait_re "(^| )$1 +$2( |\$)" 2>"$T/wait.err"; then
		ok "the dashboard's '$1' is $2, as the report says"
	else
		not_ok "the dashboard's '$1' is $2, as the report says"; cat "$T/wait.err"
	fi
}

# line_after HEADER: the screen's line below the one holding HEADER.
line_after() { screen | grep -A1 -F -- "$1" | sed -n 2p; }
# screen_re ERE / screen_lacks TEXT: what the screen shows now.
screen_re() { screen | grep -qE -- "$1"; }
screen_lacks() { ! screen | grep -qF -- "$1"; }
# holds TEXT PART: TEXT contains PART.
holds() { case $1 in *"$2"*) return 0 ;; esac; return 1; }

tui_start en_US.UTF-8
expect "a supervisor's workspace opens on the dashboard" "Dashboard: the figures for a period"
expect "the period is this year" "This year: 2026-01-01 .. 2026-12-31"

"$FC" -C "$WS" report --from 2026-01-01 --to 2026-12-31 --format json >"$T/rep.json"
set -- $(json inspections enterprises joint_inspections unannounced_inspections rechecks \
	hazards.found hazards.general hazards.major hazards.under_supervision \
	hazards.rectified hazards.rectification_rate hazards.closed hazards.open hazards.overdue)
check "the report counts what the test made" test "$*" = "4 2 1 1 1 4 3 1 1 2 50.0 1 2 1"
figure Inspections "$1"
figure Enterprises "$2"
figure Joint "$3"
figure Unannounced "$4"
figure Re-inspections "$5"
figure "Hazards found" "$6"
figure General "$7"
figure Major "$8"
figure "Under supervision" "$9"
figure Rectified "${10}"
figure Rate "${11} %"
figure Closed "${12}"
figure "Not rectified" "${13}"
figure Overdue "${14}"
expect "joint inspections against the target, by month" "2026-10 1!  2026-11 0!"

expect "the hazards needing attention are listed" "Open hazards, overdue or major, any period (2)"
first=$(line_after "Open hazards, overdue or major")
check "the overdue hazard is listed first, marked overdue" \
	holds "$first" "2026-10-20* 华东化工有限公司      押运员证过期"
expect "the major hazard under supervision follows" "! open       2026-12-31  东湖金属制品厂        园区无统一消防设施"

expect "the bars are of inspections by town" "Inspections by town"
check "the bars show the first town with a bar and its count" screen_re '^ 城关镇 +█+ 2$'
check "the long town name is cut by display width with …, the bar still drawn" \
	screen_re '^ 经济技术开发区东湖… +█+ 2$'

# Enter on the second town's bar: its inspections.
keys Tab Tab
sleep 0.2
keys Down Enter
expect "a bar drills to the town's inspections" "Inspections · $TOWN2"
expect "both of its inspections are listed" "2 shown"
expect "the recheck is there" "recheck  东湖金属制品厂"
check "no inspection of the other town is listed" screen_lacks 华东化工
keys Down l
expect "l shows the record's history" "History of inspection ${I2:0:8}"
expect "with the author's name and badge" "张三 <ZJ-0001>  created"
expect "and the record's lines, as added, keys shown as labels" "+ Enterprise: $USCC2"
keys Escape
wait_for "2 shown" >/dev/null 2>&1
keys Escape
must "back on the dashboard" wait_for "Open hazards, overdue or major"

# The overdue hazard's history: created, then a notice.  (The bars had the
# cursor; Tab goes to the figures, then to the hazards.)
keys Tab Tab
sleep 0.2
keys l
expect "the hazard's history has its two changes" "History of hazard ${H1:0:8}"
expect "two changes are counted" "2 changes"
expect "the later change is the notice" "+ Events: Event: notice issued, At: "
expect "by the inspector, name and badge" "2026-11-28 09:10  张三 <ZJ-0001>"
keys Escape
must "back on the dashboard" wait_for "Open hazards, overdue or major"

# The Overdue figure drills to the overdue hazard.
keys Tab Tab
sleep 0.2
keys Right Right Down Down Down Down Enter
expect "the Overdue figure lists the records behind it" "Overdue · This year"
expect "the overdue hazard only" "1 shown"
expect "with its description" "押运员证过期"
keys Enter
expect "Enter opens the hazard's detail screen" "Events"
keys Escape
wait_for "1 shown" >/dev/null 2>&1
keys Escape
must "back on the dashboard" wait_for "Open hazards, overdue or major"

# This month.
keys p
expect "p asks for the period" "Dates..."
keys Home Enter
expect "the period is this month" "This month: 2026-11-01 .. 2026-11-30"
"$FC" -C "$WS" report --from 2026-11-01 --to 2026-11-30 --format json >"$T/rep.json"
figure Inspections "$(json inspections)"
figure "Hazards found" "$(json hazards.found)"
figure Joint "$(json joint_inspections)"

# Typed dates: October.
keys p
wait_for "Dates..." >/dev/null 2>&1
keys End Enter
expect "dates are asked for" "The period's dates"
keys C-u
typed 2026-10-01
keys Down C-u
typed 2026-10-31
keys Enter
expect "the period is the dates typed" "Dates: 2026-10-01 .. 2026-10-31"
"$FC" -C "$WS" report --from 2026-10-01 --to 2026-10-31 --format json >"$T/rep.json"
figure Inspections "$(json inspections)"
figure Overdue "$(json hazards.overdue)"

keys b
expect "b shows the bars by form" "Inspections by form"
expect "with the form's bar, by its title" "Hazardous-Chemical"
keys Escape
expect "Esc goes Home" "Signed in"
expect "Home offers the dashboard" "f  Figures for a period (dashboard)"
keys f
expect "f opens it again" "Dashboard: the figures for a period"
tm resize-window -t fc -x 100 -y 30
check "a resize redraws it wider" wait_re '^  Re-inspections {14}1 {35}Overdue {21}1$'
tm resize-window -t fc -x 80 -y 24
check "and back" wait_re '^  Re-inspections {8}1 {29}Overdue {15}1$'

# Chinese.
tui_start zh_CN.UTF-8
expect "in Chinese: the dashboard" "数据看板：时段统计"
expect "in Chinese: the figures" "挂牌督办              1"
expect "in Chinese: the hazards" "未整改的逾期或重大隐患，不限时段（2）"
expect "in Chinese: the bars" "检查记录 按镇街"
keys Tab l
expect "in Chinese: a hazard's history" "隐患 ${H1:0:8} 的历史"

# A vt100 in the C locale: '#' bars, names as '?'.
tui_start C TERM=vt100
must "vt100: the dashboard" wait_for "Inspections by town"
check "vt100: the bars are drawn with '#'" screen_re '^ \?+ +#+ 2$'
keys Escape
must "vt100: Esc goes Home" wait_for "Signed in"
keys q
if wait_exit; then ok "vt100: q quits"; else not_ok "vt100: q quits"; fi

# A workspace never synced: its history says so.
WS=$T/lone
init_ws
"$FC" -C "$WS" enterprise add --code "$USCC1" --name "华东化工有限公司" --town 城关镇 >/dev/null
"$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1" >/dev/null
tui_start en_US.UTF-8
must "an inspector's workspace opens Home" wait_for "Signed in"
keys f
expect "the dashboard is reachable from Home" "Dashboard: the figures for a period"
figure Inspections 1
keys Enter
expect "Enter on Inspections lists them" "Inspections · This year"
keys l
expect "never synced: the history says so" "Not synced yet: this workspace has no replica"
keys F10
wait_exit || true
