#!/bin/bash
# t_tui_drafts.sh - the drafts list and Home's "continue": two drafts for
# one enterprise tell apart (form title, local start time, who started
# each); c stays on Home while drafts remain although the draft opened last
# was finalized since; a draft synced from another laptop whose team does
# not hold the officer is not edited silently: a notice offers to join its
# team or to read it only.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
two_drafts || { not_ok "two drafts made"; exit 1; }
# b came from another laptop: started by 李四, who alone is on its team
sql "UPDATE team SET badge = 'LS-0002', name = '李四', dept = '区交通运输局' WHERE inspection = '$b';
     UPDATE inspections SET created_by = 'LS-0002' WHERE id = '$b'"
f=$(final_hazmat)
# the draft opened last is the one finalized since
sql "INSERT OR REPLACE INTO meta(key, value) VALUES ('ui.last_draft', '$f')"

words() {
	case $1 in
	zh*) CONT="继续上次的草稿" HAZMAT="危险化学品充装" SIX="小微企业聚集园区" BY1="李四 开始"
	     BY2="张三 开始" NOTTEAM="你不在此草稿的检查组中" JOIN="加入检查组并继续填写"
	     READ="只查看" RECORD="检查记录" ;;
	*) CONT="Continue the last draft" HAZMAT="Hazardous-Chemical Filling" SIX="Small-Enterprise"
	   BY1="started by 李四" BY2="started by 张三" NOTTEAM="You are not on the team"
	   JOIN="Join its team and continue it" READ="Read it only" RECORD="Inspection record" ;;
	esac
}

drafts() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	words "$loc"
	tui_at "$loc" "$w" "$h" TZ=Asia/Shanghai
	expect "Home offers c while drafts remain ($at)" "c  ${CONT:0:6}"
	keys d
	expect "the drafts list shows the first draft's start ($at)" "2026-11-27 08:10"
	expect "and the second's ($at)" "2026-11-28 08:15"
	expect "the form's title, not its id ($at)" "${SIX:0:4}"
	check "no form id in the list ($at)" eval '! screen | grep -q "six-ones\|hazmat-loading"'
	expect "who started the synced draft ($at)" "${BY1:0:4}"
	expect "who started ours ($at)" "${BY2:0:4}"
	keys Enter
	expect "opening the synced draft says we are not on its team ($at)" "${NOTTEAM:0:6}"
	expect "it offers to join ($at)" "${JOIN:0:8}"
	expect "or to read only ($at)" "$READ"
	keys Enter
	expect "reading only opens its record ($at)" "$RECORD"
	check "the team was not changed ($at)" [ "$(sql "SELECT count(*) FROM team WHERE inspection = '$b'")" = 1 ]
}
both_sizes_and_langs drafts

# joining: the officer is added to the team, then the walk opens
tui_at en_US.UTF-8 80 24 TZ=Asia/Shanghai
keys d && wait_for "2026-11-27 08:10" >/dev/null
keys Enter && wait_for "Join its team" >/dev/null
keys Up Enter
expect "joining opens the walk" "draft 0/"
check "and puts us on its team" [ "$(sql "SELECT count(*) FROM team WHERE inspection = '$b' AND badge = 'ZJ-0001'")" = 1 ]
