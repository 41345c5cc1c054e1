# tests/e2e/records_lib.sh - helpers of the tests of the record screens
# (drafts list, record view, team, home by role); sourced after tmux_lib.sh.

# tui_at LOCALE COLS ROWS [VAR=VALUE...]: starts the TUI in LOCALE and sets
# the window to COLS x ROWS; waits for the home screen's key bar.
tui_at() {
	loc=$1 w=$2 h=$3; shift 3
	tui_start "$loc" "$@"
	tm resize-window -t fc -x "$w" -y "$h"
	wait_for "F10" >/dev/null 2>&1
}

# new_draft [VAR=VALUE...] -- ARGS: a draft made by the command line, its id
# printed (the environment before -- is the command's, e.g.
# FIELDCHECK_NOW to date it).
new_draft() {
	envs=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	env $envs "$FC" -C "$WS" inspection new "$@"
}

# both_sizes_and_langs FN: runs FN LOCALE COLS ROWS for en and zh_CN at
# 80x24 and 40x12 (a locale not made here is skipped, said so).
both_sizes_and_langs() {
	for loc in en_US.UTF-8 zh_CN.UTF-8; do
		if ! have_locale "$loc"; then
			skip "$1 in $loc" "the locale $loc is not generated"
			continue
		fi
		"$1" "$loc" 80 24
		"$1" "$loc" 40 12
	done
}
