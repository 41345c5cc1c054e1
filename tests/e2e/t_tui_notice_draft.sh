#!/bin/bash
# t_tui_notice_draft.sh - the rectification order written from a draft says
# DRAFT (草稿) in its title, first and last, and in its file name; writing
# it again never overwrites the order written before (a new name each
# time); a finalized inspection's order carries no mark, and its number.  In English and
# Chinese at 80x24, in English at 40x12, the drafts list's F7.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

six_ones_failed
N=$WS/notices

# write LOC TITLE MARK FILE: from Home, the drafts list's F7 on the draft;
# the order is shown with its title and mark and the file it went to, then
# Esc back to Home.
write() {
	keys d
	wait_for "$short" >/dev/null 2>&1 || wait_for "华东化工有限公司" >/dev/null 2>&1
	keys F7
	expect "$1: the draft's order is shown titled as a draft" "$2"
	expect "$1: its first lines say it is a draft, not to be served" "$3"
	expect "$1: the file it was written to is said: $4" "/notices/$4"
	keys Escape
	sleep 0.2
	keys Escape
	sleep 0.2
}

tui_start en_US.UTF-8
wait_for "Drafts: 1" >/dev/null 2>&1
write en "ORDER TO RECTIFY WITHIN A TIME LIMIT (DRAFT)" "[DRAFT] Made from an inspection not yet" \
	"$short-draft.txt"
check "en: it is written as $short-draft.txt" [ -f "$N/$short-draft.txt" ]
check "en: the file says DRAFT in its title" grep -q "ORDER TO RECTIFY WITHIN A TIME LIMIT (DRAFT)" \
	"$N/$short-draft.txt"
check "en: and on its last line" sh -c "tail -n 1 '$N/$short-draft.txt' | grep -q '^\[DRAFT\]'"
sum=$(sha256sum <"$N/$short-draft.txt")

tui_start zh_CN.UTF-8
wait_for "草稿：1" >/dev/null 2>&1
write zh "责令限期整改指令书（草稿）" "【草稿】本指令书据尚未定稿的检查记录生成" \
	"$short-draft-2.txt"
check "zh: written again, it takes a new name" [ -f "$N/$short-draft-2.txt" ]
check "zh: the order written before is untouched" [ "$(sha256sum <"$N/$short-draft.txt")" = "$sum" ]
check "zh: the new file is the Chinese draft" grep -q "责令限期整改指令书（草稿）" "$N/$short-draft-2.txt"

# At the smallest size the mark is still on the screen, and a third
# writing takes a third name.
tui_start en_US.UTF-8
tm resize-window -t fc -x 40 -y 12
wait_for "Drafts: 1" >/dev/null 2>&1
keys d
wait_for "$short" >/dev/null 2>&1 || wait_for "华东化工" >/dev/null 2>&1
keys F7
expect "en 40x12: the draft mark is on the screen" "[DRAFT] Made from an inspection"
check "en 40x12: a third name" [ -f "$N/$short-draft-3.txt" ]
tm resize-window -t fc -x 80 -y 24

# Finalized: no mark, no "-draft" in the name.
for item in management_agreement risk_map micro_fire_station smart_charging life_passage; do
	"$FC" -C "$WS" inspection answer "$id" "$item" pass >/dev/null
done
"$FC" -C "$WS" inspection answer "$id" park_name 园区 >/dev/null
"$FC" -C "$WS" inspection finalize "$id" >/dev/null || not_ok "finalize"
# a block of numbers, as a sync imports a claim (README, "Document numbers")
"$FC" -C "$WS" numbers --authority 北应急 >/dev/null
sqlite3 "$WS/store.db" "INSERT INTO number_blocks VALUES ('北应急', 'order', 2026, 1, 5,
	'ZJ-0001', (SELECT value FROM meta WHERE key = 'numbers.device'), '2026-11-28T09:00:00+08:00')"
tui_start zh_CN.UTF-8
wait_for "草稿：0" >/dev/null 2>&1
keys d
wait_for "暂无记录" >/dev/null 2>&1
keys Tab
wait_for "华东化工有限公司" >/dev/null 2>&1
keys F7
expect "zh: the finalized inspection's order is shown" "责令限期整改指令书"
check "zh: with no draft mark on screen" eval '! screen | grep -q "草稿）\|【草稿】"'
check "zh: written as $short.txt" [ -f "$N/$short.txt" ]
check "zh: with no draft mark in the file" lacks "草稿" "$N/$short.txt"
check "zh: and with its number" grep -q "（北应急）责改〔2026〕0001号" "$N/$short.txt"
