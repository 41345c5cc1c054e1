# t_visible.sh - names from a central (a commit's author and e-mail, a tree
# entry's name) holding terminal escape sequences and bidi overrides reach
# stdout, stderr and quarantine/log made visible, never raw.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
ESC=$(printf '\033') BEL=$(printf '\007') RLO=$(printf '\342\200\256') LRI=$(printf '\342\201\246')
# clean FILE...: true when no file holds a raw ESC, BEL or bidi control.
clean() { ! grep -q -e "$ESC" -e "$BEL" -e "$RLO" -e "$LRI" "$@"; }

central "$T/central.git"
device a ZJ-0001 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
"$FC" -C "$T/a" sync >/dev/null || not_ok "first sync"

git clone -q "$T/central.git" "$T/w"
cd "$T/w" || exit 1
# An entry outside the layout and a record at a wrong name, both named with
# a CSI sequence and a right-to-left override.
mkdir -p "evil${ESC}[2J${RLO}" && echo '{}' >"evil${ESC}[2J${RLO}/x.json"
cp "enterprises/$USCC1.json" "enterprises/x${ESC}]0;pwned${BEL}${LRI}.json"
# A record whose text holds a bidi override: refused like a control character.
sed "s/$USCC1/$USCC2/; s/甲化工/甲${RLO}工化/" "enterprises/$USCC1.json" >"enterprises/$USCC2.json"
git add -A
git -c user.name="mallory${ESC}]0;pwned${BEL}${ESC}[2J${RLO}" \
	-c user.email="m${ESC}[31m${LRI}@x" commit -qm hostile
git push -q origin HEAD:main
cd - >/dev/null

# A new device whose first pull meets them logs them the same way.
"$FC" -C "$T/c" init --name c --badge JT-0043 --dept 区应急管理局 --from "$T/central.git" >"$OUT" 2>"$ERR"
check "init --from quarantines all three" [ "$(grep -c . "$T/c/quarantine/log")" -eq 3 ]
check "and prints or logs nothing raw" clean "$OUT" "$ERR" "$T/c/quarantine/log"

device b JT-0042 "$T/central.git"
on b sync; rc=$?
check "the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
check "the author is shown, made visible" grep -q 'from: .*mallory^\[\]0;pwned^G^\[\[2J\\u202e (m^\[\[31m\\u2066@x)' "$OUT"
check "the path outside the layout is reported, made visible" \
	grep -q 'evil\^\[\[2J\\u202e/x.json is not a place' "$ERR"
check "so is the record at a wrong name" grep -q 'enterprises/x^\[\]0;pwned^G\\u2066.json' "$ERR"
check "stdout has no raw escape or bidi control" clean "$OUT"
check "stderr neither" clean "$ERR"
check "a bidi override in a record's text is refused" \
	grep -q "enterprises/$USCC2.json.*enterprise name holds bidirectional control U+202E" "$ERR"
check "and never reaches the store" [ "$(sqlite3 "$T/b/store.db" "select count(*) from enterprises where code = '$USCC2'")" = 0 ]
check "the quarantine log names both" sh -c "grep -q 'evil^\[\[2J' '$T/b/quarantine/log' && grep -q 'x^\[\]0;pwned' '$T/b/quarantine/log'"
check "and holds no raw escape or bidi control" clean "$T/b/quarantine/log"

