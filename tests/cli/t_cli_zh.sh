# t_cli_zh.sh - the command line in Chinese (LANG=zh_CN.UTF-8): a refusal
# from core/ (a mistyped credit code), from forms/ (a value that is not a
# whole number, naming the item by its Chinese label, not its name), a
# refused finalize naming labels, the usage text; and what scripts read
# (--format json keys, CSV headers) stays English.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
zh() { LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 fc "$@"; }

if ! LC_ALL=zh_CN.UTF-8 locale 2>&1 | grep -q 'LC_MESSAGES="\{0,1\}zh_CN'; then
	skip "the command line speaks Chinese" "no zh_CN.UTF-8 locale on this machine"
	exit 0
fi

zh enterprise add --code 91350100M000100Y44 --name 某化工
check "a mistyped credit code is refused in Chinese (core/)" \
	grep -q "信用代码“91350100M000100Y44”：校验码应为“3”，而不是“4”" "$ERR"
check "with no English left in it" lacks "check character" "$ERR"

fc enterprise add --code "$USCC1" --name 某化工 >/dev/null
zh inspection new --form confined-space --enterprise "$USCC1"
id=$(cat "$OUT")
zh inspection answer "$id" space_count abc
check "a value that is not a whole number is refused in Chinese (forms/)" \
	grep -q "检查项“本单位已辨识的有限空间数量（处）”：“abc”不是整数" "$ERR"
check "naming the item by its label, not its name" lacks "space_count" "$ERR"

zh inspection finalize "$id"
check "a refused finalize says so in Chinese" grep -q "^fieldcheck: 无法定稿：.* 个必答项未回答：" "$ERR"
check "naming the items by their labels" grep -q "本单位已辨识的有限空间数量（处）、" "$ERR"
check "and the names 'inspection answer' takes beside them" \
	grep -q "用“fieldcheck inspection answer”回答时的检查项名称：.*（处） (space_count)" "$ERR"
check "the first line names no internal name" sh -c "head -n 1 '$ERR' | grep -vq space_count"

LC_ALL=zh_CN.UTF-8 "$FC" --help >"$OUT" 2>"$ERR"
check "the usage is in Chinese" grep -q "向检查组添加一名执法人员" "$OUT"
check "its commands and options stay as typed" grep -q "inspection member ID NAME:BADGE:DEPT" "$OUT"
zh nonsense
check "a usage error speaks Chinese" grep -q "未知命令“nonsense”" "$ERR"

zh forms list
check "listing headers are in Chinese" grep -q "^编号 .*版本.*标题" "$OUT"
zh forms list --format json
check "JSON keys stay English" grep -q '"id": *"confined-space"' "$OUT"
zh enterprise list --format csv
check "CSV headers stay English" grep -q "^code,name,town,industry,address" "$OUT"
zh inspection list --format json
check "JSON values stay English" grep -q '"status": *"draft"' "$OUT"

fc enterprise add --code 91350100M000100Y44 --name 某化工
check "in the C locale the same refusal is English" \
	grep -q "check character is '4', expected '3'\|check character is '3'" "$ERR"

zh report --by town
check "the text report speaks Chinese" grep -q "^检查统计，全部日期" "$OUT"
check "its table too" grep -q "^合计 " "$OUT"
zh report --format json
check "its JSON keeps its English keys" grep -q '"joint_inspections": ' "$OUT"

# hazard show names the item by its label, with the name commands take.
zh inspection new --form six-ones --enterprise "$USCC1"
sid=$(cat "$OUT")
fc inspection answer "$sid" safety_office fail --note 无专职安全员
hid=$(sql "SELECT id FROM hazards WHERE inspection = '$sid'")
zh hazard show "$hid"
check "hazard show names the item by its label, then its name" \
	grep -q "^检查项    是否建立一个“安全工作办公室”.* (safety_office)$" "$OUT"
