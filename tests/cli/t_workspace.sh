# t_workspace.sh - init, identity, enterprises: the command line end to end,
# including the refusals (existing workspace, no workspace, bad codes).
. "$FIELDCHECK_TOP/tests/lib.sh"

expect_err 1 "no workspace in $WS; create one with 'fieldcheck init" \
	"a command on a missing workspace says how to make one" enterprise list
expect_err 2 "init needs --name, --badge and --dept" "init without identity is a usage error" \
	init --name 张三
expect_exit 0 "init creates a workspace" init --name "张三" --badge ZJ-0001 --dept "区应急管理局"
out_has "created an inspector workspace in $WS for 张三 (badge ZJ-0001, 区应急管理局)" "init says what it made"
sum_before=$(sha256sum "$WS/store.db" | cut -d' ' -f1)
expect_err 1 "a workspace already exists in $WS; nothing was changed" \
	"init on an existing workspace refuses" init --name "李四" --badge X-1 --dept "消防"
check "the refused init changed nothing" [ "$(sha256sum "$WS/store.db" | cut -d' ' -f1)" = "$sum_before" ]
expect_exit 0 "whoami" whoami --format json
out_has '"badge": "ZJ-0001"' "the identity is the one given at init"
expect_err 1 "badge number 'ZJ 9': only letters" "a badge with a space is refused" \
	-C "$T/other" init --name 李四 --badge "ZJ 9" --dept 消防
check "a refused init leaves no workspace" [ ! -e "$T/other/store.db" ]

# Workspace resolution: -C, then FIELDCHECK_HOME, then XDG_DATA_HOME.
FIELDCHECK_HOME="$WS" "$FC" whoami >"$OUT" 2>"$ERR"
check "FIELDCHECK_HOME names the workspace" grep -q ZJ-0001 "$OUT"
mkdir -p "$T/xdg"
XDG_DATA_HOME="$T/xdg" "$FC" init --name 王五 --badge W-5 --dept 消防 >"$OUT" 2>"$ERR"
check "XDG_DATA_HOME/fieldcheck is the default" [ -f "$T/xdg/fieldcheck/store.db" ]

expect_exit 0 "add an enterprise" enterprise add --code "$USCC1" --name "华东化工有限公司" \
	--town 城东街道 --industry C26 --address "工业路8号"
expect_exit 0 "add a second" enterprise add --code "$USCC2" --name "Acme, \"Quoted\" Ltd" --town 城西街道
expect_err 1 "check character is '4', expected '3'" "a mistyped credit code is refused" \
	enterprise add --code 91350100M000100Y44 --name 错码
expect_err 1 "has 17 characters" "a short credit code is refused" \
	enterprise add --code 91350100M000100Y4 --name 短码
expect_err 1 "enterprise $USCC1 is already registered; nothing was changed" \
	"a duplicate code is refused" enterprise add --code "$USCC1" --name 重复
expect_err 1 "industry class 'X9' is not a GB/T 4754 code" "a bad industry class is refused" \
	enterprise add --code "$USCC3" --name 某厂 --industry X9
expect_err 1 "enterprise name holds control character U+001B" "an escape sequence in a name is refused" \
	enterprise add --code "$USCC3" --name "$(printf 'evil\033[2J')"
expect_err 2 "unknown option '--nmae'" "a misspelt option is a usage error" \
	enterprise add --code "$USCC3" --nmae x

expect_exit 0 "list as text" enterprise list
out_has "华东化工有限公司" "the text listing shows the Chinese name"
expect_exit 0 "list as CSV" enterprise list --format csv
check "CSV quotes a name with a comma and quotes" grep -q '"Acme, ""Quoted"" Ltd"' "$OUT"
check "CSV has a header and two rows" [ "$(wc -l <"$OUT")" -eq 3 ]
expect_exit 0 "list as JSON" enterprise list --format json
check "the JSON is valid" [ "$(sqlite3 :memory: "select json_valid(readfile('$OUT'))")" = 1 ]
check "the JSON holds both" [ "$(sqlite3 :memory: "select json_array_length(readfile('$OUT'))")" = 2 ]
expect_exit 0 "search by name" enterprise list --search 华东 --format csv
check "search finds one" [ "$(wc -l <"$OUT")" -eq 2 ]
expect_err 2 "unknown format 'xml'" "an unknown format is a usage error" enterprise list --format xml
check "the store passes its integrity check" [ "$(sql 'PRAGMA integrity_check')" = ok ]
