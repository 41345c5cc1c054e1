#!/bin/bash
# t_tui_open_file.sh - o opens a file attached as evidence with xdg-open (a
# fake one first on PATH writing the path it was given): from the record
# screen, the kept file in the evidence store; from the hazard screen on
# another laptop, a file not on that laptop is offered for fetching from
# the central, fetched whole (the same sha256), then opened.  Opening does
# not depend on the size of the screen: 80x24, en and zh.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
BIN=$T/bin
mkdir -p "$T/srv"
fake_viewer "$BIN"
sha=$(sha256sum "$SEEDS/phone.jpg" | cut -d' ' -f1)
kept() { printf '%s/evidence/%s/%s' "$T/$1" "$(printf %.2s "$sha")" "$sha"; }
L() { if [ "$loc" = zh_CN.UTF-8 ]; then printf '%s' "$2"; else printf '%s' "$1"; fi; }

central "$T/srv/central.git"
device a ZJ-0001 "$T/srv/central.git"
device b ZJ-0002 "$T/srv/central.git"
WS=$T/a
"$FC" -C "$WS" enterprise add --code "$USCC1" --name "华东化工有限公司" >/dev/null
fid=$(final_hazmat) || { not_ok "a finalized inspection on a"; exit 1; }
HID=$("$FC" -C "$WS" hazard list --inspection "$fid" --format csv | sed -n '2s/,.*//p')
on a inspection attach "$fid" "$SEEDS/phone.jpg"
check "a attaches the photo to the inspection" [ $? -eq 0 ]
on a hazard attach "$HID" "$SEEDS/phone.jpg"
check "and to its hazard" [ $? -eq 0 ]
on a sync
check "a sends them" [ $? -eq 0 ]
on b sync
check "b gets the records, not the photo" sh -c "[ $? -eq 0 ] && [ ! -e '$(kept b)' ]"

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	have_locale "$loc" || { skip "open in $loc" "the locale is not generated"; continue; }
	rm -f "$T/opened"
	WS=$T/a
	tui_at "$loc" 80 24 PATH="$BIN:$PATH"
	keys d && sleep 0.2 && keys Tab && wait_for "2026-11-28" >/dev/null
	keys Enter
	must "the record ($loc)" wait_for "$(L 'Inspection record' '检查记录')"
	keys o
	wait_for "$(L 'Opened phone.jpg' '已打开 phone.jpg')" >/dev/null
	check "o on the record opens the kept file with xdg-open ($loc)" \
		[ "$(cat "$T/opened" 2>/dev/null)" = "$(kept a)" ]

	rm -rf "$T/opened" "$T/b/evidence"
	WS=$T/b
	tui_at "$loc" 80 24 PATH="$BIN:$PATH"
	keys h && sleep 0.3 && keys Enter
	must "b's hazard screen ($loc)" wait_for "$(L 'Severity' '等级')"
	expect "the photo is not on b ($loc)" "$(L 'not on this laptop' '不在本机上')"
	keys o
	expect "o offers to fetch it ($loc)" "$(L 'Fetch it from the' '要从中心库取回吗')"
	check "nothing opened before the answer ($loc)" [ ! -e "$T/opened" ]
	keys Enter
	expect "then opens it ($loc)" "$(L 'Opened phone.jpg' '已打开 phone.jpg')"
	check "fetched whole: the same sha256 ($loc)" \
		sh -c "sha256sum '$(kept b)' | grep -q '^$sha '"
	check "the viewer got b's kept copy ($loc)" [ "$(cat "$T/opened" 2>/dev/null)" = "$(kept b)" ]
	check "the screen no longer says it is missing ($loc)" \
		sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q '$(L 'not on this laptop' '不在本机上')'"
	tm kill-server >/dev/null 2>&1
done
