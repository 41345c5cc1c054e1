#!/bin/bash
# t_tui_walk_missing_file.sh - a select whose choices file was not beside
# the form (it loads with a warning, as pyxform and ODK Central take it):
# the walk shows it as a line to read, saying its file is missing, passes
# over it to the next question, and the inspection finalizes without it.
# At 80x24, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	"$FC" -C "$WS" forms add "$FIELDCHECK_TOP/tests/forms/good/missing-file" >"$OUT" 2>"$ERR" ||
		{ not_ok "$loc: forms add of the form"; show_output; return; }
	ID=$("$FC" -C "$WS" inspection new --form missing-file --enterprise "$USCC1" 2>/dev/null) ||
		{ not_ok "$loc: a draft of the form"; return; }
	TM_COLS=80 TM_ROWS=24 tui_start "$loc" 
	must "$loc: home" wait_for F10
	keys d && sleep 0.3 && keys Enter
	must "$loc: the walk opens" wait_for "$(L 'draft ' '草稿 ')"
	expect "$loc: the select says its choices file is missing" \
		"$(L 'Site (its choices file is missing)' '场所（缺少其选项文件）')"
	check "$loc: with no box to tick" \
		sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep '场所\|Site' | grep -q '\[[ *]\]'"
	check "$loc: the walk stands on the question after it" \
		sh -c "tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -A2 '^────' | grep -q '$(L Remark 备注)'"
	keys Enter && sleep 0.3 && keys o k Enter
	sleep 0.3
	check "$loc: and it finalizes without the select" \
		sh -c "'$FC' -C '$WS' inspection finalize '$ID' >/dev/null 2>&1"
	tm kill-server >/dev/null 2>&1
}

for loc in $WALK_LANGS; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
