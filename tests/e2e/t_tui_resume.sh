#!/bin/bash
# t_tui_resume.sh - every answer is saved the moment it is given: kill -9 the
# TUI in the middle of a walk, start it again, and the draft reopens at the
# item where it was, with every answer there.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "New inspection"
must "a new inspection" new_hazmat "draft 0/9" "[ Start the inspection ]" "Search" \
	"New inspection: enterprise" "Choose the form"
must "products chosen" eval 'keys Enter && wait_for "[ ] " && keys Down Down Down Down Space Enter && wait_for "draft 1/9"'
must "no spot check" eval 'keys Enter && wait_for "Yes" && keys Down Enter && wait_for "draft 2/9"'
keys p p
expect "two checks passed" "draft 4/9"
# Back up one item: where the inspector is, not just what is answered next.
keys Up
expect "on the pre-trip item" "See the pre-trip safety check record"
pid=$(tui_pid)
sleep 0.3   # the move is saved as it happens; give the disk a moment
kill -9 "$pid"
if wait_exit; then ok "the TUI was killed with -9"; else not_ok "the TUI was killed with -9"; fi

fc inspection list --status draft --format json
out_has '"answers": 4' "the four answers survived the kill"
id=$(sed -n 's/.*"id": "\([^"]*\)".*/\1/p' "$OUT" | head -n 1)
check "the store is intact" sqlite3 "$WS/store.db" "PRAGMA integrity_check" >/dev/null

tui_start en_US.UTF-8
expect "home offers to continue the draft" "Continue the last draft"
expect "home counts the draft" "Drafts: 1"
keys c
expect "the draft reopens at the item where it was" "See the pre-trip safety check record"
expect "with its answers" "draft 4/9"
expect "the item's answer is shown" "Answer: Pass"
keys Down p
expect "and goes on from there" "draft 5/9"

keys Escape
expect "back home" "Continue the last draft"
keys d
expect "the drafts list shows it by its form's title" "Hazardous-Chemical Filling"
keys Enter
expect "opened from the list, at the item last visited" "Compare weighbridge or meter readings"
keys F10
if wait_exit; then ok "F10 quits from the walk"; else not_ok "F10 quits from the walk"; fi
fc inspection show "$id" --format json
out_has '"item": "warning_marks"' "the answer given after resuming is stored"
