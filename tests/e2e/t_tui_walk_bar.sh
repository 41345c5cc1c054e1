#!/bin/bash
# t_tui_walk_bar.sh - a narrow key bar drops the least needed keys first:
# the walk keeps F5 review and F6 view at 60x20, n not applicable and Enter
# edit before F2 note at 40x12, the answers always; the review keeps F8
# finalize.  At 80x24, 60x20 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

WALK_SIZES="80x24 60x20 40x12"

# bar_has WHAT TEXT...: the key bar (the last row) holds every TEXT.
bar_has() {
	what=$1; shift
	sleep 0.3
	bar=$(screen | sed -n "${size#*x}p")
	for t in "$@"; do
		case $bar in *"$t"*) ;; *) not_ok "$what (no '$t' in '$bar')"; return ;; esac
	done
	ok "$what"
}

one_case() {
	draft hazmat-loading products flammable_liquid spot_check no
	must "$1 $2: the walk opens" open_draft "$1" "$2"
	must "$1 $2: on a check item" wait_for "$(L 'draft 2/' '草稿 2/')"
	bar_has "$1 $2: the walk's bar keeps the answers" \
		"$(L pPass p合格)" "$(L fFail f不合格)" "$(L nN/A n不适用)" "$(L EnterEdit Enter编辑)"
	if [ "$2" != 40x12 ]; then
		bar_has "$1 $2: and the review and the view" "$(L F5Review F5复核)" "$(L F6View F6视图)"
	fi
	keys F5
	must "$1 $2: the review" wait_for "$(L 'Review' '复核')"
	bar_has "$1 $2: the review's bar keeps F8 finalize" "$(L F8Finalize F8定稿)"
}

each_case one_case
