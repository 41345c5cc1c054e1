#!/bin/bash
# t_tui_calculate.sh - a form from elsewhere in the walk: calculate and
# metadata items are never asked (no row), and a label that names a value
# (${per10}) shows it, following the answers; at 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
mkdir -p "$WS/forms/calc"
cat >"$WS/forms/calc/survey.csv" <<'CSV'
type,name,label::zh,label::en,relevant,calculation,hazard
integer,workers,人数,Workers,,,
integer,extinguishers,灭火器数,Extinguishers,,,
calculate,per10,每10人灭火器,Per ten workers,,"round(${extinguishers} div ${workers} * 10, 1)",
start,started,开始时间元数据,Start metadata,,,
note,ratio,每10人${per10}具,${per10} per ten workers,,,
check,enough,灭火器足够,Enough extinguishers,${per10} >= 1,,general
CSV
printf 'form_id,version,form_title::zh,form_title::en\ncalc,1,计算,Calc\n' >"$WS/forms/calc/settings.csv"
fc inspection new --form calc --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" workers 25
fc inspection answer "$id" extinguishers 2

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	if [ "$loc" = zh_CN.UTF-8 ]; then
		ratio="每10人0.8具" meta="开始时间元数据" calc="每10人灭火器" ratio2="每10人2具"
		have_locale "$loc" || { skip "the walk in $loc" "locale $loc not generated"; continue; }
	else
		ratio="0.8 per ten workers" meta="Start metadata" calc="Per ten workers"
		ratio2="2 per ten workers"
	fi
	tui_start "$loc"
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	expect "$loc: the draft opens in the walk" "$ratio"
	check "$loc: no row for the metadata item" sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q '$meta'"
	check "$loc: no row for the calculate item" sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q '$calc'"
	fc inspection answer "$id" extinguishers 5
	keys Escape
	wait_for "华东化工" >/dev/null
	keys Enter
	expect "$loc: the label follows the answers" "$ratio2"
	tm resize-window -t fc -x 40 -y 12 2>/dev/null || tm resize-pane -t fc -x 40 -y 12
	expect "$loc: at 40x12 the filled label is there too" "$ratio2"
	fc inspection answer "$id" extinguishers 2
	tm kill-server 2>/dev/null
done

# choice_filter in the walk: the picker offers only the choices the filter
# lets through, given the answers so far.
mkdir -p "$WS/forms/casc"
printf 'type,name,label::en,label::zh,choice_filter\nselect_one region,region,Region,区域,\nselect_one site,site,Site,场所,region=${region}\n' \
	>"$WS/forms/casc/survey.csv"
printf 'list_name,name,label::en,label::zh,region\nregion,east,East,东区,\nregion,west,West,西区,\nsite,port,Harbour,港口,east\nsite,mine,Quarry,矿山,west\n' \
	>"$WS/forms/casc/choices.csv"
fc enterprise add --code "$USCC2" --name 西山矿业有限公司
fc inspection new --form casc --enterprise "$USCC2"
cid=$(cat "$OUT")
fc inspection answer "$cid" region east
tui_start en_US.UTF-8
keys d
wait_for "西山矿业" >/dev/null
# the draft at 西山矿业 found by the list's search, wherever the list puts it
keys / && wait_for "Search" >/dev/null
typed "西山" && keys Enter && sleep 0.2
keys Enter
wait_for "Region" >/dev/null
keys Down
keys Enter
expect "the site picker offers the region's site" "Harbour"
check "and not another region's" sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q Quarry"
