#!/bin/bash
# t_tui_hostile.sh - a record holding terminal escape sequences (written
# straight into the store, as a hostile sync could) is drawn as text: the
# screen shows ^[ and the terminal's title, screen mode and colours do not
# change.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
fc inspection new --form hazmat-loading --enterprise "$USCC1" ||
	{ not_ok "an inspection to list"; show_output; exit 1; }
# ESC ]2;pwned BEL retitles a terminal; ESC [?1049l leaves the alternate
# screen; ESC [2J clears it; ESC [31m turns text red.
sql "UPDATE enterprises SET name = 'Evil' || char(27) || ']2;pwned' || char(7) ||
	char(27) || '[?1049l' || char(27) || '[2J' || char(27) || '[31mRED' || char(155) || 'x'
	WHERE code = '$USCC1'" || { not_ok "write the hostile name"; exit 1; }
check "the hostile name is in the store" test "$(sql "SELECT instr(name, char(27)) > 0 FROM enterprises")" = 1

# not_red: the walk's title, which shows the whole name (after the
# checklist's title: the window is widened for it), has the text after
# the colour escape on screen and not in red.  Off screen it proves nothing,
# so that is a failure too.
not_red() {
	tm capture-pane -p -e -t fc | grep 'RED?x' >"$T/red" || { echo "    (RED?x is not on screen)"; return 1; }
	! grep -q $'\e\\[[0-9;]*31m' "$T/red"
}

tui_start en_US.UTF-8
must "home screen" wait_for "Drafts: 1"
keys d
expect "the drafts list shows it as text" "Evil^[]2;pwned^G"
tm resize-window -t fc -x 140 -y 24
keys Enter
expect "the walk's title shows it as text" "Evil^[]2;pwned^G^[[?1049l^[[2J^[[31mRED?x"
expect "the walk is drawn" "draft 0/9"
check "the text after the escape is on screen and not red" not_red
tm resize-window -t fc -x 80 -y 24
keys Escape Escape
expect "home offers the draft, its name as text" "Evil^[]2;pwned^G^["
keys n
must "new inspection" wait_for "[ Start the inspection ]"
keys Down Enter
expect "the enterprise finder shows it as text" "Evil^[]2;pwned^G"
title=$(tm display-message -p -t fc '#{pane_title}')
if [ "$title" = pwned ]; then not_ok "the terminal title is unchanged"; else ok "the terminal title is unchanged"; fi
check "the screen is still the alternate screen" test "$(tm display-message -p -t fc '#{alternate_on}')" = 1
expect "the rest of the screen is intact" "Type part of the name or the start of the credit code."
keys F10
if wait_exit; then ok "quits"; else not_ok "quits"; fi
