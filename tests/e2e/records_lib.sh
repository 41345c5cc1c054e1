# tests/e2e/records_lib.sh - helpers of the tests of the record screens
# (drafts list, record view, team, home by role); sourced after tmux_lib.sh.

# tui_at LOCALE COLS ROWS [VAR=VALUE...]: starts the TUI in LOCALE and sets
# the window to COLS x ROWS; waits for the home screen's key bar.
tui_at() {
	loc=$1 w=$2 h=$3; shift 3
	# sized before the program starts: a resize that lands while it starts
	# (before curses listens for SIGWINCH) would be lost
	tm resize-window -t fc -x "$w" -y "$h" 2>/dev/null
	TM_COLS=$w TM_ROWS=$h tui_start "$loc" "$@"
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

# final_hazmat: a finalized hazmat-loading inspection at $USCC1 made by the
# command line, its id printed: flammable liquids, a spot-checked vehicle
# (a reading: its plate), one failed check with a note (a hazard), one not
# applicable, the rest passed.
final_hazmat() {
	fid=$("$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1") || return 1
	a() { "$FC" -C "$WS" inspection answer "$fid" "$@" >/dev/null || echo "answer $1 failed" >&2; }
	a products flammable_liquid
	a spot_check yes
	a vehicle_plate 浙A12345
	a product_loaded 汽油
	for item in vehicle_permits tank_inspection goods_match_waybill permitted_media \
		waybill_carried pretrip_check warning_marks no_overload emergency_kit \
		crew_qualifications; do
		a "$item" pass
	done
	a escort_present fail --note "押运员离岗" --description "押运员未随车押运"
	a filling_records na --note "本单位不充装"
	"$FC" -C "$WS" inspection finalize "$fid" >/dev/null || return 1
	echo "$fid"
}

# find_down TEXT: from the top of a scrolled screen, pages down until TEXT
# shows (at most 40 pages); 1 when it never does.
find_down() {
	keys Home
	i=0
	while [ $i -lt 40 ]; do
		sleep 0.1
		screen | grep -qF -- "$1" && return 0
		keys NPage
		i=$((i + 1))
	done
	echo "    ('$1' not found paging down; the screen:)" >&2
	screen | sed 's/^/    | /' >&2
	return 1
}

# seen WHAT TEXT: ok when paging down the screen finds TEXT.
seen() {
	if find_down "$2" 2>"$T/wait.err"; then ok "$1"; else not_ok "$1"; cat "$T/wait.err"; fi
}

# col_on LINE TEXT: the display column (from 0) where TEXT starts on the
# first screen row holding LINE (wide characters count two, as drawn).
col_on() {
	row=$(screen | grep -F -- "$1" | head -n 1)
	case $row in *"$2"*) ;; *) echo -1; return;; esac
	printf '%s\n' "${row%%"$2"*}" | LC_ALL=C.UTF-8 wc -L
}

# two_drafts: two drafts for $USCC1 told apart only by form and start
# (hazmat-loading on 11-27 08:10, six-ones on 11-28 08:15); their ids in
# $a and $b.
two_drafts() {
	a=$(new_draft FIELDCHECK_NOW=2026-11-27T08:10:00+08:00 -- --form hazmat-loading \
		--enterprise "$USCC1") &&
	b=$(new_draft FIELDCHECK_NOW=2026-11-28T08:15:00+08:00 -- --form six-ones \
		--enterprise "$USCC1")
}
