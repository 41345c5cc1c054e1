# tests/e2e/tmux_lib.sh - drives the real TUI inside tmux; sourced by the
# tests/e2e/t_*.sh scripts after tests/lib.sh.
#
# Every test runs its own tmux server (its own socket, -L), killed at exit, so
# tests never collide.  Keys go in with send-keys; the screen comes back with
# capture-pane; waits poll the screen for the text expected, bounded by
# $E2E_TIMEOUT seconds (never a fixed long sleep).  Works as root in CI with
# no terminal attached.
TM_SOCK="fc-e2e-$$"
E2E_TIMEOUT=${FIELDCHECK_E2E_TIMEOUT:-10}
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
trap 'tmux -L "$TM_SOCK" kill-server >/dev/null 2>&1; rm -rf "$T"' EXIT

command -v tmux >/dev/null 2>&1 || { echo "not ok - tmux is installed (make deps-test)"; exit 1; }

tm() { tmux -L "$TM_SOCK" -f "$T/tmux.conf" "$@"; }
printf 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 100\n' >"$T/tmux.conf"

# have_locale NAME: the locale is generated (the dependency step makes them).
have_locale() { locale -a 2>/dev/null | grep -qi "^$(echo "$1" | sed 's/UTF-8/utf-\\?8/I')\$"; }

# tui_start LOCALE [VAR=VALUE...]: starts fieldcheck on $WS, in a new window
# of $TM_COLS x $TM_ROWS (80x24 unless set) or in the window there is.
tui_start() {
	loc=$1; shift
	cmd="exec env LANG=$loc LC_ALL=$loc LANGUAGE= FIELDCHECK_FORMS=$(printf %q "$FIELDCHECK_FORMS")"
	cmd="$cmd FIELDCHECK_NOW=$FIELDCHECK_NOW"
	# times are shown in local time: the zone FIELDCHECK_NOW's offset is in
	cmd="$cmd TZ=Asia/Shanghai"
	for v in "$@"; do cmd="$cmd $(printf %q "$v")"; done
	cmd="$cmd $(printf %q "$FC") -C $(printf %q "$WS")"
	if tm has-session -t fc 2>/dev/null; then
		tm respawn-pane -k -t fc "$cmd"
	else
		tm new-session -d -x "${TM_COLS:-80}" -y "${TM_ROWS:-24}" -s fc "$cmd"
	fi
}

screen() { tm capture-pane -p -t fc; }
keys() { tm send-keys -t fc "$@"; }
typed() { tm send-keys -t fc -l "$1"; }
tui_pid() { tm display-message -p -t fc '#{pane_pid}'; }
tui_dead() { [ "$(tm display-message -p -t fc '#{pane_dead}')" = 1 ]; }

# screen_poll FLAG PATTERN SHOWN: polls the screen until `grep FLAG`
# finds PATTERN; 1 and the screen on stderr (naming SHOWN) when it does not
# within $E2E_TIMEOUT seconds.
screen_poll() {
	n=$((E2E_TIMEOUT * 20))
	while [ "$n" -gt 0 ]; do
		screen 2>/dev/null | grep -q "$1" -- "$2" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	echo "    (waited $E2E_TIMEOUT s for $3; the screen:)" >&2
	screen 2>/dev/null | sed 's/^/    | /' >&2
	return 1
}
# wait_for TEXT: until the screen shows TEXT (a fixed string).
wait_for() { screen_poll -F "$1" "'$1'"; }
# wait_re ERE: until a line of the screen matches the extended regex.
wait_re() { screen_poll -E "$1" "/$1/"; }

# wait_gone TEXT: polls until the screen no longer shows TEXT.
wait_gone() {
	n=$((E2E_TIMEOUT * 20))
	while [ "$n" -gt 0 ]; do
		screen 2>/dev/null | grep -qF -- "$1" || return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# expect WHAT TEXT: ok when the screen shows TEXT (waiting for it).
expect() {
	if wait_for "$2" 2>"$T/wait.err"; then ok "$1"; else not_ok "$1"; cat "$T/wait.err"; fi
}

# must WHAT CMD...: ok when CMD succeeds, else not ok and the test stops
# (what follows depends on it).
must() {
	what=$1; shift
	if "$@" 2>"$T/wait.err"; then ok "$what"; else not_ok "$what"; cat "$T/wait.err"; exit 1; fi
}

# wait_exit: waits for the TUI to end (pane dead).
wait_exit() {
	n=$((E2E_TIMEOUT * 20))
	while [ "$n" -gt 0 ]; do
		tui_dead && return 0
		sleep 0.05
		n=$((n - 1))
	done
	return 1
}

# A workspace with one enterprise ($USCC1, a Chinese name).
setup_ws() {
	init_ws
	"$FC" -C "$WS" enterprise add --code "$USCC1" --name "华东化工有限公司" --town "城关镇" \
		>/dev/null || { not_ok "add the enterprise"; exit 1; }
}

# camera_card DIR: a camera's card at DIR: phone.jpg (a photo with EXIF)
# taken 2026-11-27 08:00 and notes.txt of 09:00 (Asia/Shanghai).
camera_card() {
	mkdir -p "$1"
	for f in phone.jpg:08:00 notes.txt:09:00; do
		cp "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/${f%%:*}" "$1/${f%%:*}" &&
			TZ=Asia/Shanghai touch -d "2026-11-27 ${f#*:}" "$1/${f%%:*}"
	done
}

# fake_viewer DIR: an xdg-open in DIR (put it first on PATH) that only
# writes the paths it was given to $T/opened.
fake_viewer() {
	mkdir -p "$1"
	printf '#!/bin/sh\nprintf "%%s\\n" "$@" >>"%s"\n' "$T/opened" >"$1/xdg-open"
	chmod +x "$1/xdg-open"
}

# six_ones_failed: a workspace (setup_ws, with the zh_CN locale the order
# tests need) holding a six-ones draft at $USCC1 whose safety office failed
# with a hazard; its id in $id, the first 8 in $short.
six_ones_failed() {
	have_locale zh_CN.UTF-8 ||
		{ not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"; exit 1; }
	setup_ws
	id=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1" 2>/dev/null)
	"$FC" -C "$WS" inspection answer "$id" safety_office fail --description 未设安全管理机构 \
		>/dev/null || not_ok "a failed item with its hazard"
	short=$(printf %.8s "$id")
}

# new_hazmat WALK NEW SEARCH FINDER CHOOSER: from the home screen, starts an
# inspection of hazmat-loading at $USCC1 and waits for the walk.  The
# arguments are texts of the screens in the language in force: the walk's
# "draft 0/9", the new-inspection screen, the search dialog, the enterprise
# finder and the form chooser.
new_hazmat() {
	keys n && wait_for "$2" || return 1       # the new-inspection screen
	keys Enter && wait_for "$5" || return 1   # the form chooser
	keys / && wait_for "$3" || return 1       # the search dialog
	typed "hazmat" && keys Enter && sleep 0.2 && keys Enter   # its id finds it
	wait_re "(Hazardous-Chemical Filling|危险化学品充装).*  v[0-9]" || return 1
	keys Down Enter && wait_for "$4" || return 1   # the enterprise finder
	typed "华东" && wait_for "$USCC1" || return 1
	keys Enter && wait_for "华东化工有限公司  $USCC1" || return 1
	keys F5 && wait_for "$1"
}

# answer_hazmat DONE_TEXT: answers the whole form: flammable liquids, no
# spot check (so no five must-checks), the 7 checks that apply with two
# failures (the waybill and the pre-trip check not verified).
answer_hazmat() {
	keys Enter && wait_for "[ ] " || return 1          # the choice list
	keys Down Down Down Down Space Enter && wait_for "$2" || return 1
	keys Enter && sleep 0.3 && keys Down Enter && wait_for "$3" || return 1
	keys f && wait_for "$4" || return 1                # the hazard dialog
	typed "waybill not verified" && keys Enter f && wait_for "$4" || return 1
	typed "no pre-trip check record" && keys Enter p p p p p && wait_for "$1"
}
