#!/bin/bash
# t_tui_attach.sh - a in the walk opens a chooser over a folder (a camera's
# card): folders first, files newest first with size and date; Space marks
# several, Enter attaches them to the item as evidence and says how many; a
# file of a kind not kept is refused by name and costs only itself.  At
# 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

CARD=$T/card
camera_card "$CARD"
mkdir -p "$CARD/DCIM"
printf 'BM\0\0\0\0' >"$CARD/sign.bmp" && TZ=Asia/Shanghai touch -d '2026-11-27 10:00' "$CARD/sign.bmp"
files() { "$FC" -C "$WS" inspection show "$ID" --format json | grep -c '"sha256": '; }
row_of() { screen | grep -n -- "$1" | head -n 1 | cut -d: -f1; }

one_case() {
	loc=$1 size=$2
	draft six-ones
	tm resize-window -t fc -x "${size%x*}" -y "${size#*x}" 2>/dev/null
	TM_COLS=${size%x*} TM_ROWS=${size#*x} tui_start "$loc" FIELDCHECK_FILES="$CARD"
	must "$loc $size: home" wait_for F10
	keys d && sleep 0.3 && keys Enter
	must "$loc $size: the walk opens" wait_for "$(L 'draft ' '草稿 ')"
	keys a
	expect "$loc $size: a opens the chooser on the card" "$(L 'Attach files' '附加文件')"
	expect "$loc $size: it lists the card's files" "phone.jpg"
	d=$(row_of "DCIM/") b=$(row_of sign.bmp) n=$(row_of notes.txt) p=$(row_of phone.jpg)
	check "$loc $size: folders first, then newest first ($d $b $n $p)" \
		sh -c "[ '$d' -lt '$b' ] && [ '$b' -lt '$n' ] && [ '$n' -lt '$p' ]"
	if [ "${size%x*}" -ge 80 ]; then
		check "$loc $size: with size and date" \
			sh -c "tmux -L '$TM_SOCK' capture-pane -p -t fc | grep 'phone.jpg' | grep -q '1022 B.*2026-11-27 08:00'"
	fi
	keys Down Down Space Space
	expect "$loc $size: two marked" "$(L '2 marked' '已标记 2 个')"
	keys Enter
	expect "$loc $size: Enter attaches both and says so" "$(L 'Files attached: 2' '已附加文件：2')"
	check "$loc $size: the record names two files" [ "$(files)" -eq 2 ]
	keys a
	must "$loc $size: the chooser again" wait_for "sign.bmp"
	keys Down Enter
	expect "$loc $size: a kind not kept is refused by name" "sign.bmp"
	check "$loc $size: and nothing more attached" [ "$(files)" -eq 2 ]
	keys Escape && sleep 0.3 && keys v
	must "$loc $size: v opens the record" wait_for "$(L 'Inspection record' '检查记录')"
	keys End   # at 40x12 the section's heading scrolls off above its last file
	[ "${size%x*}" -ge 80 ] || keys Up Up
	[ "${size%x*}" -ge 80 ] &&
		expect "$loc $size: the record lists the files" "$(L 'Files (2)' '附件 (2)')"
	expect "$loc $size: each with its type and size" "phone.jpg · image/jpeg · 1022 B"
	[ "${size%x*}" -ge 80 ] &&
		expect "$loc $size: the photo's time and place from its Exif" \
			"2026-05-01 10:20 $(L at 位置) 31.2306667 121.4730000"
	tm kill-server >/dev/null 2>&1
}

for loc in $WALK_LANGS; do
	have_locale "$loc" || { skip "attach in $loc" "the locale is not generated"; continue; }
	for size in $WALK_SIZES; do one_case "$loc" "$size"; done
done
