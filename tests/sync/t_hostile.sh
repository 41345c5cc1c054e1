# t_hostile.sh - a central repository into which hostile commits were
# pushed with plain git: each case is quarantined with a message naming the
# commit and path, everything else is imported, the store stays sound.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
good=$("$FC" -C "$T/a" inspection new --form six-ones --enterprise "$USCC1")
"$FC" -C "$T/a" sync >/dev/null || not_ok "first sync"

git clone -q "$T/central.git" "$T/w"
cd "$T/w" || exit 1
rec=$(git ls-files "inspections/*/$good.json")
# 1. a path outside the layout
mkdir -p evil && echo '{}' >evil/x.json
# 2. an escape sequence in an enterprise name (a valid layout otherwise)
sed "s/\"name\": \"甲化工\"/\"name\": \"\\\\u001b]0;pwned\\\\u0007甲\"/" "enterprises/$USCC1.json" >"enterprises/$USCC2.json"
sed -i "s/$USCC1/$USCC2/" "enterprises/$USCC2.json"
# 3. an oversized record
mkdir -p hazards/ab
head -c 2000000 /dev/zero | tr '\0' 'a' >hazards/ab/abababab-0000-4000-8000-000000000000.json
# 4. invalid UTF-8
printf '{\n  "format": "fieldcheck/enterprise/1",\n  "code": "%s",\n  "name": "\xff\xfe",\n  "town": "",\n  "industry": "",\n  "address": ""\n}\n' "$USCC3" >"enterprises/$USCC3.json"
# 5. a record whose id does not match its file name
sed "s/$good/00000000-0000-4000-8000-000000000000/" "$rec" >"$(dirname "$rec")/11111111-1111-4111-8111-111111111111.json"
# 6. a symbolic link and an executable where records live
ln -s /etc/passwd enterprises/link.json
cp "enterprises/$USCC1.json" enterprises/91110000802100433B.json
sed -i "s/$USCC1/91110000802100433B/; s/甲化工/百度/" enterprises/91110000802100433B.json
chmod +x enterprises/91110000802100433B.json
# 7. a valid new enterprise that must arrive
cp "enterprises/$USCC1.json" enterprises/91440300708461136T.json
sed -i "s/$USCC1/91440300708461136T/; s/甲化工/腾讯/" enterprises/91440300708461136T.json
# 8. a hazard of an inspection nobody has
mkdir -p hazards/2026/11
printf '{\n  "format": "fieldcheck/hazard/1",\n  "id": "cdcdcdcd-0000-4000-8000-000000000000",\n  "inspection": "99999999-0000-4000-8000-000000000000",\n  "item": "",\n  "severity": "general",\n  "description": "x",\n  "deadline": "2026-12-01",\n  "events": [\n    {"kind": "found", "at": "2026-11-28T09:30:00+08:00", "by": "X", "name": "x", "date": "", "note": ""}\n  ]\n}\n' >hazards/2026/11/cdcdcdcd-0000-4000-8000-000000000000.json
git add -A && git -c user.name=mallory -c user.email=m@x commit -qm hostile && git push -q origin HEAD:main
hostile=$(git rev-parse --short=12 HEAD)
cd - >/dev/null

device b JT-0042 "$T/central.git"
on b sync; rc=$?
check "the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
q() { grep -q "quarantined: commit [0-9a-f]*, \"$1\": $2" "$ERR" || { echo "# missing: $1: $2"; return 1; }; }
check "a path outside the layout" q "evil/x.json" ".*is not a place where fieldcheck keeps records"
check "an escape sequence in a name" q "enterprises/$USCC2.json" ".*enterprise name holds control character U+001B"
check "an oversized record" q "hazards/ab/abababab-0000-4000-8000-000000000000.json" ".*more than a record may be"
check "invalid UTF-8" q "enterprises/$USCC3.json" ".*invalid UTF-8"
check "a record at the wrong path" q "$(dirname "$rec")/11111111-1111-4111-8111-111111111111.json" ".*not the record its name says"
check "a symbolic link" q "enterprises/link.json" "not a plain file"
check "an executable file" q "enterprises/91110000802100433B.json" "not a plain file"
check "a hazard of an unknown inspection" q "hazards/2026/11/cdcdcdcd-0000-4000-8000-000000000000.json" ".*belongs to inspection 99999999, which is not here"
check "each is reported once" [ "$(grep -c '"evil/x.json"' "$ERR")" -eq 1 ]
check "and left out of b's branch" sh -c "! git --git-dir='$T/b/replica.git' ls-tree -r --name-only main | grep -q -e '^evil/' -e link.json"
check "the quarantine keeps the bytes" [ -n "$(ls "$T/b/quarantine" | grep -v '^log$')" ]
check "and a log" grep -q "$hostile" "$T/b/quarantine/log"
check "the good records arrived" sh -c "'$FC' -C '$T/b' enterprise list | grep -q 腾讯"
check "the inspection arrived" on b inspection show "$good"
check "nothing hostile reached the store" sh -c "! sqlite3 '$T/b/store.db' .dump | grep -q pwned"
check "the terminal saw no raw escape" sh -c "! grep -q \"$(printf '\033')\" '$ERR' '$OUT'"
check "verify passes" on b verify
kept=$(ls "$T/b/quarantine" | wc -l) logged=$(wc -l <"$T/b/quarantine/log")
on b sync; rc=$?
check "a second sync succeeds (exit $rc)" [ "$rc" -eq 0 ]
check "and quarantines nothing new: no message" lacks quarantined "$ERR"
check "no new file or log line" [ "$(ls "$T/b/quarantine" | wc -l)/$(wc -l <"$T/b/quarantine/log")" = "$kept/$logged" ]
