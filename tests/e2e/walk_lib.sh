# tests/e2e/walk_lib.sh - for the walk's tests (t_tui_walk_*.sh), sourced
# after tests/lib.sh and tmux_lib.sh: a draft made with the command line,
# opened in the TUI at a given size and language, so each check runs at
# 80x24 and at the smallest size (40x12), in English and in Chinese.

# The sizes and languages every walk test runs in.
WALK_SIZES="80x24 40x12"
WALK_LANGS="en_US.UTF-8 zh_CN.UTF-8"

# L EN ZH: the text of the language in force ($loc).
L() { if [ "$loc" = zh_CN.UTF-8 ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }

# draft FORM [ITEM VALUE]...: a fresh workspace with one draft of FORM at
# $USCC1 (of type $DRAFT_TYPE, routine by default), answered as given; its
# id in $ID.
draft() {
	form=$1; shift
	tm kill-server >/dev/null 2>&1
	rm -rf "$WS"
	setup_ws
	ID=$("$FC" -C "$WS" inspection new --form "$form" --enterprise "$USCC1" \
		--type "${DRAFT_TYPE:-routine}") ||
		{ not_ok "a draft of $form"; exit 1; }
	while [ $# -ge 2 ]; do
		"$FC" -C "$WS" inspection answer "$ID" "$1" "$2" >/dev/null ||
			{ not_ok "answer $1=$2"; exit 1; }
		shift 2
	done
}

# open_draft LOCALE WxH: starts the TUI in LOCALE, resizes it, opens the
# draft from the drafts list and waits for the walk (its "draft n/m").
open_draft() {
	loc=$1
	tm resize-window -t fc -x "${2%x*}" -y "${2#*x}" 2>/dev/null # before it starts (tui_at)
	TM_COLS=${2%x*} TM_ROWS=${2#*x} tui_start "$1"
	wait_for F10 || return 1   # the home screen
	keys d && sleep 0.3 && keys Enter
	wait_for "$(L 'draft ' '草稿 ')"
}

# in_ws SQL: one value from the workspace's store.
in_ws() { sqlite3 "$WS/store.db" "$1"; }

# each_case FUNCTION: runs FUNCTION LOCALE SIZE for every language and size
# (a language not generated here is a failure: make deps-test makes them).
each_case() {
	for loc in $WALK_LANGS; do
		if ! have_locale "$loc"; then
			not_ok "the $loc locale is generated (make deps-test)"
			continue
		fi
		for size in $WALK_SIZES; do
			"$1" "$loc" "$size"
		done
	done
}

# A confined-space draft answered up to the oxygen reading, work under way.
CS_BEFORE_O2="space_count 2 space_kinds underground identify_ledger_signs pass
ledger_complete pass signs_complete pass entry_approval pass ventilate_test_work pass
attendant pass gas_detector pass ppe_rescue pass emergency_plan pass training pass
contractor pass work_plan pass work_in_progress yes work_space 一号污水井 permit_no SQ-0021
attendant_name 王五 attendant_on_duty pass safety_briefing pass isolation pass"
