#!/bin/bash
# t_tui_settings.sh - settings are saved the moment they change: the name,
# the language (switched live, kept for the next start), the theme; and an
# enterprise added on the spot with its credit code checked as it is typed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "Signed in"
keys s
must "settings" wait_for "Review authority"
keys Enter
must "the name editor" wait_for "Enter: OK"
keys C-u
typed "王五"
keys Enter
expect "the new name is shown" "王五"
fc whoami
out_has "王五" "the workspace's identity has the new name"

keys Down Down Down Down Enter
expect "the language switches at once" "行政复议机关"
check "the language is saved" test "$(sql "SELECT value FROM meta WHERE key = 'ui.lang'")" = zh
keys Down Enter
expect "the theme changes to high contrast" "高对比度（强光下）"
check "the theme is saved" test "$(sql "SELECT value FROM meta WHERE key = 'ui.theme'")" = high
keys Escape
expect "home in Chinese" "新建检查"
keys q
must "quits" wait_exit

tui_start en_US.UTF-8
expect "the next start keeps the chosen language" "当前用户"
expect "and the new name" "王五"
keys n
must "new inspection" wait_for "[ 开始检查 ]"
keys Down Enter
must "the enterprise finder" wait_for "新增企业"
keys F2
must "the add dialog" wait_for "信用代码"
typed "91110108551385082r"
expect "lower case is taken as capitals, and a wrong check character is named" "91110108551385082R"
expect "the code is refused inline, in the UI's language" "校验码应为“Q”，而不是“R”"
keys BSpace
typed "Q"
expect "the corrected code is accepted as typed" "信用代码有效"
keys Tab
typed "北京测试科技有限公司"
keys Enter
expect "the new enterprise is chosen" "北京测试科技有限公司  $USCC2"
fc enterprise list --format json
out_has "$USCC2" "the CLI lists the added enterprise"
keys F10
must "quits" wait_exit
