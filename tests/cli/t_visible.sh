# t_visible.sh - a command whose arguments hold terminal escape sequences or
# bidi overrides (a script passing on what it was given) prints them back
# made visible in its messages, never raw.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司 >/dev/null
id=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
ESC=$(printf '\033') BEL=$(printf '\007') RLO=$(printf '\342\200\256') PDI=$(printf '\342\201\251')
X="${ESC}]0;pwned${BEL}${ESC}[2J${RLO}${PDI}"
SHOWN='\^\[\]0;pwned\^G\^\[\[2J\\u202e\\u2069'

# said EXIT WHAT ARGS...: the command fails with EXIT, its message shows X
# made visible, and neither stdout nor stderr holds a raw escape or bidi control.
said() {
	code=$1 what=$2; shift 2
	fc "$@"; rc=$?
	if [ "$rc" -ne "$code" ]; then
		not_ok "$what (exit $rc, wanted $code)"; show_output
	elif ! grep -q -- "$SHOWN" "$ERR"; then
		not_ok "$what: the argument is not shown made visible"; show_output
	elif grep -q -e "$ESC" -e "$BEL" -e "$RLO" -e "$PDI" "$OUT" "$ERR"; then
		not_ok "$what: a raw escape or bidi control was printed"
	else
		ok "$what"
	fi
}

said 1 "a credit code" enterprise add --code "9135$X" --name 甲
said 1 "a form id" inspection new --form "six$X" --enterprise "$USCC1"
said 2 "an inspection type" inspection new --form six-ones --enterprise "$USCC1" --type "t$X"
said 1 "an item name" inspection answer "${id%%-*}" "item$X" pass
said 1 "an inspection id" inspection show "abcd$X"
said 2 "a status" inspection list --status "s$X"
said 2 "a hazard event" hazard event abcd "x$X"
said 2 "a remote name" remote add "r$X" "$T/central.git"
said 1 "a remote to sync with" sync "r$X"
said 2 "an unknown option" inspection list "--x$X"
said 2 "an unknown command" "cmd$X"
said 2 "a report grouping" report --by "g$X"
said 1 "a forms folder" forms check "$T/f$X"

# Stored text refuses bidi controls as it refuses control characters: a
# name could otherwise show one thing on screen and hold another.
expect_err 1 "enterprise name holds bidirectional control U+202E" "an enterprise name with U+202E is refused" \
	enterprise add --code "$USCC2" --name "甲${RLO}乙"
expect_err 1 "location holds bidirectional control U+2069" "a location with U+2069 is refused" \
	inspection new --form six-ones --enterprise "$USCC1" --location "a${PDI}"
expect_err 1 "text holds bidirectional control U+202E" "an answer with U+202E is refused" \
	inspection answer "${id%%-*}" park_name "园区${RLO}"
check "none of them was stored" sh -c "! sqlite3 '$WS/store.db' .dump | grep -q -e '$RLO' -e '$PDI'"
