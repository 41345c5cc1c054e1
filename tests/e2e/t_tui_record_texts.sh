#!/bin/bash
# t_tui_record_texts.sh - what the on-site record needs beyond the answers,
# in the TUI: the start screen asks the unit's legal representative or
# responsible person (name, title, phone) and keeps it with the draft; the
# review's o edits the findings and the opinion; after finalizing, the
# order (F7) is given its document number, shown in the order and at the
# head of the review.  In English at 80x24, in Chinese at 80x24 and 40x12.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

# The start screen, in English.
setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "New inspection"
keys n
must "the new-inspection screen" wait_for "[ Start the inspection ]"
expect "it offers the responsible person" "(optional: who signs for the unit)"
keys Down Down Down Down Down Enter
expect "Enter asks name, title and phone" "Legal representative or responsible person on site"
typed "王五" && keys Down && typed "安全主管" && keys Down && typed "13800001234" && keys Enter
expect "the row shows them" "王五  安全主管  13800001234"
keys Up Up Up Up Up Enter
must "the form chooser" wait_for "Choose the form"
keys / && wait_for "Search" >/dev/null && typed "hazmat" && keys Enter && sleep 0.2 && keys Enter
keys Down Enter
must "the enterprise finder" wait_for "Find"
typed "华东" && wait_for "$USCC1" >/dev/null && keys Enter
keys F5
expect "the walk begins" "draft 0/"
id=$(sqlite3 "$WS/store.db" "SELECT id FROM inspections")
check "the draft keeps the responsible person" [ "$(sqlite3 "$WS/store.db" \
	"SELECT resp_name || '|' || resp_title || '|' || resp_phone FROM inspections")" = \
	"王五|安全主管|13800001234" ]
tm kill-server >/dev/null 2>&1

# The review's o and the numbered order, in Chinese.
SIX="park_name 一号园区 management_agreement pass risk_map pass micro_fire_station pass
smart_charging pass life_passage pass"
texts_case() {
	# shellcheck disable=SC2086
	draft six-ones $SIX
	"$FC" -C "$WS" inspection answer "$ID" safety_office fail --note 无专职人员 >/dev/null
	"$FC" -C "$WS" numbers --authority 北应急 >/dev/null
	sqlite3 "$WS/store.db" "INSERT INTO number_blocks VALUES ('北应急', 'order', 2026, 7, 3,
		'ZJ-0001', (SELECT value FROM meta WHERE key = 'numbers.device'),
		'2026-11-28T09:00:00+08:00')" # as a sync imports a claim this laptop made
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	keys F5
	must "$1 $2: the review" wait_for "复核"
	keys o
	expect "$1 $2: o asks the texts for the on-site record" "用于现场检查记录"
	keys Down Down Down && typed "现场两台车辆，一台无证。" && keys Down && typed "责令限期整改"
	keys Enter
	expect "$1 $2: saved" "已保存"
	check "$1 $2: the findings are kept" [ "$(sqlite3 "$WS/store.db" \
		"SELECT findings || '|' || opinion FROM inspections")" = "现场两台车辆，一台无证。|责令限期整改" ]
	keys F8 && wait_for "确定定稿？" >/dev/null && keys y
	must "$1 $2: finalized" wait_for "已定稿"
	keys F7
	expect "$1 $2: the order carries its number" "〔2026〕0007号"
	keys Escape
	expect "$1 $2: the review's head shows it" "（北应急）责改〔2026〕0007号"
}
loc=zh_CN.UTF-8
if have_locale "$loc"; then
	texts_case "$loc" 80x24
	texts_case "$loc" 40x12
else
	not_ok "the $loc locale is generated (make deps-test)"
fi
