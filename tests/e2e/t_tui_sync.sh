#!/bin/bash
# t_tui_sync.sh - the sync screen against a local central repository: Home
# shows what waits to be sent, the sync screen sends it and says so, Home then
# shows the last sync and nothing waiting; an inspection a second device sent
# arrives and is shown with who sent it; with the central repository moved
# away the screen says it is offline and how many commits wait.  In English,
# then in Chinese.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

if ! have_locale zh_CN.UTF-8; then
	not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"
	exit 1
fi
setup_ws
tui_start en_US.UTF-8
expect "without a remote, Home says sync is not set up" "not set up: add a remote with"
expect "and how to set it up" "\`fieldcheck remote add origin URL\`"
keys y
expect "the sync screen says so too" "Sync is not set up."
expect "and what to type" "    fieldcheck remote add origin URL"
keys Escape
wait_for "F5Sync" >/dev/null 2>&1

git init -q --bare --initial-branch=main "$T/central.git"
must "a central repository is added as origin" fc remote add origin "$T/central.git"
fc enterprise add --code "$USCC2" --name "乙公司" --town 城关镇
must "an inspection is started with the CLI" \
	fc inspection new --form six-ones --enterprise "$USCC1"
id=$(cat "$OUT")
tui_start en_US.UTF-8
expect "Home shows the records waiting to be sent" "last never · to send: 3 records, 0 commits"
expect "Home offers sync on y" "y  Sync with the central repository"
expect "the key bar has F5 Sync" "F5Sync"

keys y
expect "the sync screen shows what it committed" "Committed 3 changed records."
expect "the sync screen shows it was sent" "Sent to 1 remote."
expect "the sync screen names the central repository" "origin  $T/central.git"
check "the central repository has the inspection" \
	sh -c "git --git-dir='$T/central.git' ls-tree -r --name-only main | grep -q '$id.json'"
keys Escape
expect "Home then shows the last sync and nothing waiting" \
	"last 2026-11-28 09:30 · to send: 0 records, 0 commits"

# A second device sends an inspection of its own.
"$FC" -C "$T/b" init --name 李四 --badge JT-0042 --dept 区交通运输局 >/dev/null &&
	"$FC" -C "$T/b" remote add origin "$T/central.git" && "$FC" -C "$T/b" sync >/dev/null &&
	id2=$("$FC" -C "$T/b" inspection new --form six-ones --enterprise "$USCC2") &&
	"$FC" -C "$T/b" sync >/dev/null
check "the second device sent an inspection" test -n "${id2:-}"
keys F5
expect "the sync screen shows what arrived" "Arrived: inspections 1, hazards 0, enterprises 0"
expect "and from whom" "From: 李四 (JT-0042)"
fc inspection show "${id2:-none}" --format json
out_has '"created_by": "JT-0042"' "the inspection from the second device is in the store"

# Someone pushes hostile files with plain git: a path outside the layout
# whose name holds a terminal escape sequence, and one in an enterprise name.
git clone -q "$T/central.git" "$T/w" && (
	cd "$T/w" && mkdir -p evil && echo '{}' >"evil/$(printf '\033]0;pwned\007')x.json" &&
	sed "s/\"name\": \"华东化工有限公司\"/\"name\": \"\\\\u001b]2;pwned\\\\u0007甲\"/; s/$USCC1/$USCC3/" \
		"enterprises/$USCC1.json" >"enterprises/$USCC3.json" &&
	git add -A && git -c user.name=mallory -c user.email=m@x commit -qm hostile &&
	git push -q origin HEAD:main
)
keys F5
expect "what was refused is listed" "Refused and put aside in $WS/quarantine (2):"
expect "with its path, drawn safely" "^[]0;pwned^Gx.json"
expect "and why" "enterprise name holds control"
title_clean() { ! tm display-message -p -t fc '#{pane_title}' | grep -q pwned; }
check "the terminal's title was not changed" title_clean
expect "the progress of the fetch was shown" "Receiving: "

# The central repository goes away: offline.
fc enterprise add --code 91440300708461136T --name "丙公司"
mv "$T/central.git" "$T/away.git"
keys F5
expect "offline, the screen says so" "Offline: the central repository could not be reached."
expect "and shows why" "cannot fetch from origin"
expect "and how many commits wait" "1 commit waiting to be sent"
keys Escape
expect "Home shows the commit waiting" "to send: 0 records, 1 commit"

# In Chinese: offline first, then the central repository comes back.
tui_start zh_CN.UTF-8
expect "Home in Chinese shows what waits" "待发送：0 条记录，1 个提交"
keys y
expect "offline, in Chinese" "离线：无法连接中心库。"
expect "commits waiting, in Chinese" "1 个提交等待发送"
mv "$T/away.git" "$T/central.git"
keys F5
expect "sent, in Chinese" "已发送到 1 个远程库。"
keys Escape
expect "nothing waits, in Chinese" "待发送：0 条记录，0 个提交"
check "the central repository has the enterprise added offline" \
	sh -c "git --git-dir='$T/central.git' ls-tree -r --name-only main | grep -q 91440300708461136T"

keys F10
if wait_exit; then ok "F10 quits"; else not_ok "F10 quits"; fi

# A supervisor's sync brings the others' files too, and says how many.
"$FC" -C "$T/sup" init --name 督导员 --badge JG-0001 --dept 区应急管理局 --supervisor \
	--from "$T/central.git" >/dev/null 2>&1
check "a supervisor's workspace is made from the central" test -d "$T/sup"
"$FC" -C "$T/b" inspection attach "${id2:-none}" "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/phone.jpg" \
	>/dev/null && "$FC" -C "$T/b" sync >/dev/null 2>&1
WS=$T/sup tui_start zh_CN.UTF-8
wait_for "数据看板" >/dev/null   # a supervisor starts on the dashboard
keys Escape
wait_for "F5" >/dev/null
keys y
expect "the supervisor's sync says it fetched the other's file" "已取回他人的 1 个证据文件。"
keys F10
wait_exit >/dev/null
