#!/bin/bash
# t_tui_last_saved.sh - a default ${last-saved#ref} in the walk: the
# editor of ref starts from ref in the officer's previous inspection of
# the form (tests/forms/good/kept), and from nothing in the first one.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
cp -r "$FIELDCHECK_TOP/tests/forms/good/kept" "$WS/forms/"
FIELDCHECK_NOW=2026-12-01T09:00:00+08:00 fc inspection new --form kept --enterprise "$USCC1"
first=$(cat "$OUT")
fc inspection answer "$first" ref 41
fc inspection answer "$first" site 码头
FIELDCHECK_NOW=2026-12-02T09:00:00+08:00 fc inspection new --form kept --enterprise "$USCC1"
second=$(cat "$OUT")
fc inspection answer "$second" site 库房

tui_start en_US.UTF-8
keys d
wait_for "华东化工" >/dev/null
# the drafts list the newest first: the second one
keys Enter
wait_for "Reference" >/dev/null
keys Home
for k in 1 2 3; do keys Down; done # site, visitors, recorder, then ref
keys Enter
expect "the walk opens the second inspection" "at 库房"
check "a label reads the previous inspection's ref" wait_re "^ +Last reference 41 *$"
expect "the editor of ref starts from the previous inspection's 41" "Whole number 41"
keys Escape
