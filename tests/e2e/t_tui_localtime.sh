#!/bin/bash
# t_tui_localtime.sh - a record's timestamps are shown as this device's
# local date and time: a draft started at 02:21 UTC on another laptop reads
# 10:21 in Shanghai, in the drafts list and on the record screen, never as
# the raw "2026-12-02T02:21:36+00:00" nor as the writer's 02:21.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
id=$(new_draft FIELDCHECK_NOW=2026-12-02T02:21:36+00:00 -- \
	--form hazmat-loading --enterprise "$USCC1")
[ -n "$id" ] || { not_ok "a draft made"; exit 1; }

drafts_list() {
	tui_at "$1" "$2" "$3" TZ=Asia/Shanghai
	keys d
	expect "drafts list at $2x$3 in $1 shows the local start time" "2026-12-02 10:21"
	check "drafts list at $2x$3 in $1 shows no UTC clock time" eval '! screen | grep -q "02:21"'
	check "drafts list at $2x$3 in $1 shows no raw timestamp" eval '! screen | grep -q "T02:21:36"'
}
both_sizes_and_langs drafts_list

# The review's date, in the walk of that draft, is local time too.
tui_at en_US.UTF-8 80 24 TZ=Asia/Shanghai
keys d
wait_for "2026-12-02 10:21" >/dev/null
keys Enter
wait_for "draft" >/dev/null
keys F5
expect "the review's date is the local start time" "Date: 2026-12-02 10:21"
check "and not the raw timestamp" eval '! screen | grep -q "Date: 2026-12-02 *$\|T02:21"'
