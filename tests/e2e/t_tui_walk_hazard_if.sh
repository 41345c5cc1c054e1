#!/bin/bash
# t_tui_walk_hazard_if.sh - a select_one whose hazard_if choices raise a
# hazard: choosing one in the walk asks for the hazard as f does on a
# check (the defect, its severity from the form, the deadline), and the
# hazard is recorded with what was typed; choosing a choice it does not
# name again withdraws it.  At 80x24, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

one_case() {
	loc=$1
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	"$FC" -C "$WS" forms add "$FIELDCHECK_TOP/tests/forms/good/hazard-if" >"$OUT" 2>"$ERR" ||
		{ not_ok "$loc: forms add of the form"; show_output; return; }
	ID=$("$FC" -C "$WS" inspection new --form hazard-if --enterprise "$USCC1" 2>/dev/null) ||
		{ not_ok "$loc: a draft of the form"; return; }
	must "$loc: the walk opens" open_draft "$loc" 80x24
	expect "$loc: on the select" "$(L 'Guard rail in place?' '护栏是否到位？')"
	keys Enter
	must "$loc: its choices" wait_for "$(L 'Not sure' '不确定')"
	keys Down
	keys Enter
	must "$loc: a hazard_if choice asks for the hazard" \
		wait_for "$(L 'Failed: the hazard found' '不合格：发现的隐患')"
	expect "$loc: with the form's severity" "$(L 'major hazard' '重大隐患')"
	typed "$(L 'rail missing' '护栏缺失')"
	keys Enter
	expect "$loc: the hazard is recorded" "$(L 'Failed: hazard recorded.' '不合格：隐患已记录。')"
	fc hazard list --format json
	out_has "\"description\": \"$(L 'rail missing' '护栏缺失')\"" "$loc: with the defect typed"
	out_has '"severity": "major"' "$loc: and the form's severity"
	keys Up
	sleep 0.3
	keys Enter
	must "$loc: the choices again" wait_for "$(L 'Not sure' '不确定')"
	keys Up   # from No, where the chooser starts, to Yes
	keys Enter
	sleep 0.5
	fc hazard list --format json
	check "$loc: choosing Yes withdraws it" lacks "$(L 'rail missing' '护栏缺失')" "$OUT"
	tm kill-server >/dev/null 2>&1
}

for loc in $WALK_LANGS; do
	have_locale "$loc" || { not_ok "the $loc locale is generated (make deps-test)"; continue; }
	one_case "$loc"
done
