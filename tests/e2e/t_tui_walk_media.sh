#!/bin/bash
# t_tui_walk_media.sh - an XLSForm media item (image, audio, video, file) in
# the walk: Enter opens the file chooser, as a does, and the file attached
# to the item is its answer (its name, as ODK records it), shown on the
# item's line.  At 80x24, en and zh (nothing here depends on the size).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

CARD=$T/card
mkdir -p "$CARD"
cp "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/phone.jpg" "$CARD/gate.jpg"

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	cp -r "$FIELDCHECK_TOP/tests/forms/good/media" "$WS/forms/"
	ID=$("$FC" -C "$WS" inspection new --form media --enterprise "$USCC1") ||
		{ not_ok "a draft of the media form"; return; }
	TM_COLS=80 TM_ROWS=24 tui_start "$loc" FIELDCHECK_FILES="$CARD"
	must "$loc: home" wait_for F10
	# the chooser counts an XLSForm's questions when it has no checks
	keys n && sleep 0.3 && keys Enter
	expect "$loc: the form chooser says how many questions" \
		"$(L 'Evidence by item (5 questions)' 'Evidence by item (5 个问题)')"
	keys Escape && sleep 0.2 && keys Escape
	must "$loc: home again" wait_for F10
	keys d && sleep 0.3 && keys Enter
	must "$loc: the walk opens" wait_for "$(L 'draft ' '草稿 ')"
	keys Down
	must "$loc: the photo item" wait_for "Photo of the site gate"
	keys Enter
	expect "$loc: Enter on it opens the file chooser" "$(L 'Attach files' '附加文件')"
	keys Down
	wait_for "gate.jpg" >/dev/null
	keys Enter
	expect "$loc: the file is attached" "$(L 'Files attached: 1' '已附加文件：1')"
	check "$loc: and shown as the item's answer, on its line" \
		sh -c "tmux -L '$TM_SOCK' capture-pane -p -t fc | grep 'Photo of the site gate' | grep -q 'gate.jpg'"
	check "$loc: finalizing no longer misses the photo" \
		sh -c "'$FC' -C '$WS' inspection finalize '$ID' >/dev/null 2>&1"
	tm kill-server >/dev/null 2>&1
}

for loc in $WALK_LANGS; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
