#!/bin/bash
# t_tui_hazard_files.sh - the hazard screen's files: p attaches photos to the
# hazard (a chooser over a folder, FIELDCHECK_FILES); recording `rectified`
# offers to attach the repair photo to that event, and the screen lists
# each file under what it documents with its type and size, and "not on
# this laptop" once its bytes are gone; o opens a file with xdg-open (a
# fake one first on PATH, writing the path it was given: the kept file),
# and says where the file is when there is no viewer.  At 80x24 and 40x12,
# en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

CARD=$T/card
camera_card "$CARD"
BIN=$T/bin NOBIN=$T/nobin
mkdir -p "$NOBIN"
fake_viewer "$BIN"

L() { if [ "$loc" = zh_CN.UTF-8 ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }
hjson() { "$FC" -C "$WS" hazard show "$HID" --format json; }
kept() { printf '%s/evidence/%s/%s' "$WS" "$(printf %.2s "$1")" "$1"; }
sha_of() { sha256sum "$CARD/$1" | cut -d' ' -f1; }

one_case() {
	loc=$1 w=$2 h=$3 at="$2x$3 in $1"
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS" "$T/opened"
	setup_ws
	fid=$(final_hazmat) || { not_ok "a finalized inspection ($at)"; return; }
	HID=$("$FC" -C "$WS" hazard list --inspection "$fid" --format csv | sed -n '2s/,.*//p')
	tui_at "$loc" "$w" "$h" FIELDCHECK_FILES="$CARD" PATH="$BIN:$PATH"
	keys h && sleep 0.3 && keys Enter
	must "hazard screen ($at)" wait_for "$(L 'Severity' '等级')"
	keys p
	expect "p asks what the files document ($at)" "$(L 'The hazard itself' '隐患本身')"
	keys Enter
	expect "then the chooser on the card ($at)" "phone.jpg"
	keys Down Enter   # .., notes.txt, phone.jpg: newest first
	expect "the photo attached to the hazard ($at)" "$(L 'Files attached: 1' '已附加文件：1')"
	check "the record says it documents the hazard ($at)" \
		sh -c "'$FC' -C '$WS' hazard show '$HID' --format json | grep -q '\"to\": \"\"'"
	keys Home
	expect "it is listed under the hazard ($at)" "$(L 'Files (1)' '附件 (1)')"
	expect "with its type and size ($at)" "phone.jpg · image/jpeg"

	keys a
	must "what happened ($at)" wait_for "$(L 'What happened?' '发生了什么？')"
	keys Down Enter && sleep 0.3 && keys Enter
	expect "after rectified: the repair photo is offered ($at)" \
		"$(L 'Attach a photo of the repair' '附上整改后的照片')"
	keys Enter
	must "the chooser again ($at)" wait_for "notes.txt"
	keys Enter
	expect "the repair file attached ($at)" "$(L 'Files attached: 1' '已附加文件：1')"
	check "to the rectified event ($at)" \
		sh -c "'$FC' -C '$WS' hazard show '$HID' --format json | grep -q '\"to\": \"rectified@'"
	keys End
	check "listed under the rectified event ($at)" sh -c \
		"tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -A1 '$(L rectified 已整改)' | grep -q 'notes.txt'"

	keys o
	expect "o asks which of two files ($at)" "$(L 'Open which file?' '打开哪个文件？')"
	keys Enter   # the first: notes.txt (record order: the hazard's own come by `to`)
	sleep 0.5
	check "the viewer got a kept file ($at)" sh -c \
		"[ -s '$T/opened' ] && grep -qx -e '$(kept "$(sha_of notes.txt)")' -e '$(kept "$(sha_of phone.jpg)")' '$T/opened'"
	check "and only its path, once ($at)" [ "$(wc -l <"$T/opened")" -eq 1 ]

	keys Escape && sleep 0.2
	tui_at "$loc" "$w" "$h" PATH="$NOBIN"
	keys h && sleep 0.3 && keys o && sleep 0.3 && keys Enter
	must "the hazard again ($at)" wait_for "$(L 'Severity' '等级')"
	keys o && sleep 0.3 && keys Down Enter
	expect "no viewer: it says where the file is ($at)" \
		"$(L 'no viewer on this laptop' '本机没有查看程序')"

	rm -rf "$WS/evidence"
	tui_at "$loc" "$w" "$h"
	keys h && sleep 0.3 && keys o && sleep 0.3 && keys Enter
	must "the hazard once more ($at)" wait_for "$(L 'Severity' '等级')"
	keys End
	expect "a file whose bytes are gone: not on this laptop ($at)" \
		"$(L 'not on this laptop' '不在本机')"
	tm kill-server >/dev/null 2>&1
}

both_sizes_and_langs one_case
