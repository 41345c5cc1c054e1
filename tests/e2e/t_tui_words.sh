#!/bin/bash
# t_tui_words.sh - what the screens say reads in the UI's language, English
# and Chinese: the form chooser lists checklists by title (its search still
# finds one by title and by id), the walk marks a passed and a failed check
# with a check mark and a cross (not the English P and F), the walk's and
# the review's titles keep the checklist in sight at 40x12, and a wrapped
# Chinese text never begins a line with 。.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
ID=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1") ||
	{ not_ok "a draft of six-ones"; exit 1; }
for a in "park_name 一号园区" "safety_office pass" "management_agreement fail"; do
	# shellcheck disable=SC2086
	"$FC" -C "$WS" inspection answer "$ID" $a >/dev/null || { not_ok "answer $a"; exit 1; }
done

# L EN ZH: the text of the language in force ($loc).
L() { if [ "$loc" = zh_CN.UTF-8 ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }
# top_has RE: the title row matches RE (a basic regex), within a second (a
# resize is redrawn when the screen gets SIGWINCH).
top_has() {
	n=20
	while [ "$n" -gt 0 ]; do
		screen | head -n 1 | grep -q -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}
ids_shown() { screen | grep -q 'six-ones\|hazmat-loading\|confined-space'; }

words() {
	loc=$1
	tui_start "$loc"
	must "$loc: home" wait_for F10
	keys n && wait_for "$(L '[ Start the inspection ]' '[ 开始检查 ]')" >/dev/null
	keys Enter
	must "$loc: the form chooser" wait_for "$(L 'Choose the form' '选择检查表')"
	expect "$loc: the chooser lists a checklist by its title" \
		"$(L 'Hazardous-Chemical Filling and Loading' '危险化学品充装（装载）环节安全检查表')"
	check "$loc: and shows no form id" eval '! ids_shown'
	keys / && wait_for "$(L 'Search' '查找')" >/dev/null
	typed "$(L 'Six Ones' '六个一')" && keys Enter && sleep 0.2 && keys Enter
	expect "$loc: searching its title finds it; the form row shows the title and version" \
		"$(L 'Small-Enterprise Park "Six Ones" Work-Safety Checklist  v1' \
		     '小微企业聚集园区安全生产“六个一”检查表  v1')"
	check "$loc: not its id" eval '! ids_shown'
	keys Enter && wait_for "$(L 'Choose the form' '选择检查表')" >/dev/null
	keys / && typed "hazmat" && keys Enter && sleep 0.2 && keys Enter
	expect "$loc: its id still finds a form" "$(L 'Hazardous-Chemical Filling' '危险化学品充装')"
	keys Escape && wait_for F10 >/dev/null

	keys d && sleep 0.3 && keys Enter
	must "$loc: the walk" wait_for "$(L 'draft 3/' '草稿 3/')"
	expect "$loc: a passed check is marked with a check mark" "[✓] "
	expect "$loc: a failed one with a cross" "[✗] "
	check "$loc: no English letter marks" eval '! screen | grep -q "\[P\]\|\[F\]"'
	tm resize-window -t fc -x 40 -y 12
	wait_for "$(L 'draft 3/' '草稿 3/')" >/dev/null
	check "$loc: at 40x12 the walk's title begins with the checklist" \
		top_has "$(L '^ Small-Enterprise Park' '^ 小微企业聚集园区安全生产')"
	keys F5
	must "$loc: the review" wait_for "$(L 'Review · ' '复核 · ')"
	check "$loc: at 40x12 the review's title shows the checklist" \
		top_has "$(L 'Review · Small-Enterprise Park' '复核 · 小微企业聚集园区安全')"
	tm resize-window -t fc -x 80 -y 24
	keys Escape && sleep 0.2 && keys Escape && wait_for F10 >/dev/null
}

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	if ! have_locale "$loc"; then
		skip "$loc" "no $loc locale on this machine"
		continue
	fi
	words "$loc"
done

# A Chinese text wrapped at the screen's width: the settings' note is one
# column too wide for a line at 80x24; its last 。 goes down with 上.
if have_locale zh_CN.UTF-8; then
	loc=zh_CN.UTF-8
	tui_start "$loc"
	must "settings" eval 'wait_for F10 >/dev/null && keys s && wait_for "行政复议机关"'
	check "a wrapped line ends before the character the full stop closes" \
		eval 'screen | grep -q "印在整改指令书 *$"'
	expect "which begins the next line with it" "  上。"
	check "no line begins with closing punctuation" \
		eval '! screen | grep -q "^ *[。，、；：？！）」』]"'
fi
