# t_signed.sh - signed commits and the roster: a supervisor founds the
# roster, devices pin its founder, every commit after it is signed and
# verified by plain git, and each kind of forgery pushed with plain git
# (unsigned, an unknown key, another officer's badge, an inspector editing
# the roster or supervising, a revoked key, the roster removed) is refused
# whole while the genuine records stand.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
for k in sv a b m; do ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$T/k_$k"; done
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }

"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/s" remote add origin "$T/central.git"
on s roster found; check "a supervisor founds the roster" [ $? -eq 0 ]
check "the roster lists the founder as supervisor" sh -c \
	"git --git-dir='$T/central.git' show main:roster/allowed_signers | grep -q '^SV-0001 .*role=supervisor;dept=区应急管理局;name=王督$'"

# a device that expects another founder refuses the central, merging nothing
"$FC" -C "$T/x" init --name x --badge ZJ-0099 --dept d --from "$T/central.git" \
	--roster-key "$(fp "$T/k_m")" >"$OUT" 2>"$ERR"; rc=$?
check "a roster founded by an unexpected key is refused (exit $rc)" \
	sh -c "[ $rc -ne 0 ] && grep -q 'not by $(fp "$T/k_m") as expected' '$ERR'"

on s roster add --badge ZJ-0001 --name 张三 --dept 区应急管理局 --key "$T/k_a.pub"
check "the supervisor adds an inspector" [ $? -eq 0 ]
"$FC" -C "$T/a" init --name 张三 --badge ZJ-0001 --dept 区应急管理局 --sign-key "$T/k_a" \
	--from "$T/central.git" --roster-key "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
check "init --from with the founder's fingerprint" grep -q "founded by key $(fp "$T/k_sv"): pinned" "$OUT"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
insp=$(new_inspection a "$USCC1")
"$FC" -C "$T/a" inspection answer "$insp" safety_office fail --note 无专职人员 >/dev/null
on a sync; check "the inspector's sync is sent" [ $? -eq 0 ]

# b is not on the roster yet: its records wait, nothing unsigned leaves
"$FC" -C "$T/b" init --name 李四 --badge ZJ-0002 --dept 区应急管理局 --sign-key "$T/k_b" \
	--from "$T/central.git" >/dev/null 2>&1
"$FC" -C "$T/b" enterprise add --code "$USCC2" --name 乙化工 >/dev/null
on b sync; rc=$?
check "a key not on the roster commits nothing (exit $rc)" \
	sh -c "[ $rc -ne 0 ] && grep -q 'not on the roster' '$ERR'"
check "and its records wait" sh -c "! git --git-dir='$T/central.git' ls-tree -r main | grep -q '$USCC2'"
on s roster add --badge ZJ-0002 --name 李四 --dept 区应急管理局 --key "$T/k_b.pub"
on b sync; check "once listed, the same sync sends them" \
	sh -c "git --git-dir='$T/central.git' ls-tree -r main | grep -q '$USCC2'"

git --git-dir="$T/central.git" show main:roster/allowed_signers >"$T/signers"
git --git-dir="$T/central.git" -c gpg.ssh.allowedSignersFile="$T/signers" log \
	--format='%H %G?' main >"$T/sigs"
check "plain git verifies every commit ($(wc -l <"$T/sigs") commits)" \
	sh -c "[ -s '$T/sigs' ] && ! grep -v ' G$' '$T/sigs'"

# A case export carries each commit with its signature and the roster:
# plain ssh-keygen checks every one, at the commit's own time.
on a export "$insp" --out "$T/case.tar.gz"
check "the inspector exports the case" [ $? -eq 0 ]
mkdir "$T/case" && tar -C "$T/case" -xzf "$T/case.tar.gz"
sqlite3 -separator ' ' :memory: "SELECT json_extract(value, '\$.id'), json_extract(value, '\$.time'),
	json_extract(value, '\$.signer'), json_extract(value, '\$.era')
	FROM json_each(readfile('$T/case/manifest.json'), '\$.commits')" >"$T/case/list"
check "the package holds the roster" sh -c \
	"git --git-dir='$T/a/replica.git' show main:roster/allowed_signers | cmp -s - '$T/case/roster/allowed_signers'"
check "every commit in it is signed ($(wc -l <"$T/case/list"))" \
	sh -c "[ -s '$T/case/list' ] && ! grep -v ' signed$' '$T/case/list'"
verified=0
while read -r c t who era; do
	(cd "$T/case" && ssh-keygen -Y verify -f roster/allowed_signers -I "$who" -n git \
		-s "commits/$c.sig" -Overify-time="$t" <"commits/$c.payload") >/dev/null 2>&1 &&
		[ "$(git hash-object -t commit "$T/case/commits/$c.commit")" = "$c" ] &&
		verified=$((verified + 1))
done <"$T/case/list"
check "ssh-keygen verifies each commit's signature ($verified)" \
	[ "$verified" -eq "$(wc -l <"$T/case/list")" ]
check "the inspector's own commits name her" grep -q ' ZJ-0001 signed$' "$T/case/list"

on s report --format json
check "the report says since when records are signed" \
	grep -q '"signed_since": "2026-11-28T01:30:00Z"' "$OUT"

# Forgeries, each pushed with plain git to the central on a path.
git clone -q "$T/central.git" "$T/w"
rec=$(cd "$T/w" && git ls-files "inspections/*/$insp.json")
haz=$(cd "$T/w" && git ls-files "hazards/" | head -n 1)
commit_as() { # commit_as NAME BADGE KEY|- MESSAGE: commits all changes in $T/w
	(cd "$T/w" && git add -A &&
		if [ "$3" = - ]; then git -c user.name="$1" -c user.email="$2" commit -qm "$4"
		else git -c user.name="$1" -c user.email="$2" -c gpg.format=ssh \
			-c user.signingkey="$3" commit -S -qm "$4"; fi &&
		git push -q origin HEAD:main)
}
pull_s() { on s pull; }
name_of() { "$FC" -C "$T/s" enterprise list --format csv | grep "$USCC1" | cut -d, -f2; }
sed -i 's/甲化工/伪造化工/' "$T/w/enterprises/$USCC1.json"
commit_as 张三 ZJ-0001 - unsigned && pull_s
check "an unsigned commit is refused" grep -q "refused: the commit is not signed" "$OUT"
check "and its change quarantined" grep -q "quarantined: commit .*enterprises/$USCC1.json" "$ERR"
check "the genuine record stands" [ "$(name_of)" = 甲化工 ]

sed -i 's/伪造化工/伪造二/' "$T/w/enterprises/$USCC1.json"
commit_as 张三 ZJ-0001 "$T/k_m" "unknown key" && pull_s
check "a key not on the roster is refused" grep -q "key $(fp "$T/k_m") is not on the roster" "$OUT"
check "the genuine record still stands" [ "$(name_of)" = 甲化工 ]

sed -i 's/伪造二/伪造三/' "$T/w/enterprises/$USCC1.json"
commit_as 李四 ZJ-0002 "$T/k_a" "a's key, b's name" && pull_s
check "a key signing in another's name is refused" \
	grep -q "signed by ZJ-0001 but claims ZJ-0002 as its author" "$OUT"

git -C "$T/w" checkout -q "enterprises/$USCC1.json" 2>/dev/null
sed -i 's/伪造三/甲化工/' "$T/w/enterprises/$USCC1.json"
sed -i 's/"by": "ZJ-0001", "at"/"by": "ZJ-0002", "at"/' "$T/w/$rec"
sed -i 's/"note": "无专职人员"/"note": "已整改"/' "$T/w/$rec"
commit_as 张三 ZJ-0001 "$T/k_a" "answer in b's name" && pull_s
check "an answer claiming another officer's badge is refused" \
	grep -q "the answer to 'safety_office' claims badge ZJ-0002" "$OUT"
check "the inspector's answer stands" sh -c \
	"'$FC' -C '$T/s' inspection show '$insp' --format json | grep -q 无专职人员"

git -C "$T/w" checkout -q "$rec"
git -C "$T/w" show HEAD~4:"$rec" >"$T/w/$rec" 2>/dev/null || true
sed -i 's/"kind": "found", \("at": "[^"]*", "by": "ZJ-0001", "name": "张三", "date": "", "note": ""}\)/&,\n    {"kind": "supervise", "at": "2026-11-28T10:00:00+08:00", "by": "ZJ-0001", "name": "张三", "date": "", "note": ""}/' "$T/w/$haz"
sed -i 's/"note": ""},$/"note": ""}/; s/^\(    {"kind": "found".*}\)$/\1,/' "$T/w/$haz"
commit_as 张三 ZJ-0001 "$T/k_a" "inspector supervises" && pull_s
check "an inspector putting a hazard under supervision is refused" \
	grep -q "only a supervisor puts a hazard under listed supervision" "$OUT"

git -C "$T/w" checkout -q "$haz"
pub=$(cut -d' ' -f1,2 "$T/k_m.pub")
printf 'ZZ-0001 namespaces="git",valid-after="20261101000000Z" %s role=supervisor;dept=x;name=m\n' \
	"$pub" >>"$T/w/roster/allowed_signers"
commit_as 张三 ZJ-0001 "$T/k_a" "inspector edits the roster" && pull_s
check "an inspector's roster change is refused" \
	grep -q "only a supervisor changes the roster, and ZJ-0001 is an inspector" "$OUT"
echo >>"$T/w/enterprises/$USCC1.json"; sed -i '$ d' "$T/w/enterprises/$USCC1.json"
sed -i 's/甲化工/伪造四/' "$T/w/enterprises/$USCC1.json"
commit_as m ZZ-0001 "$T/k_m" "the key the refused roster listed" && pull_s
check "a key only a refused roster lists signs nothing" grep -q "key $(fp "$T/k_m") is not on the roster" "$OUT"
check "the roster in force is unchanged" sh -c \
	"'$FC' -C '$T/s' roster list | grep -c '^Z[JZ]-' | grep -qx 2"

git -C "$T/w" rm -q roster/allowed_signers
commit_as 王督 SV-0001 "$T/k_sv" "the roster removed" && pull_s
check "removing the roster is refused, even by a supervisor" grep -q "the commit removes the roster" "$OUT"

# a lost laptop: a's keys end; what a signed before stands, nothing after
on s roster revoke ZJ-0001 --at 2026-11-28T12:00:00+08:00
check "a supervisor ends a key" [ $? -eq 0 ]
git -C "$T/w" pull -q --no-rebase origin main 2>/dev/null
sed -i 's/"location": ""/"location": "后门"/' "$T/w/$rec"
GIT_COMMITTER_DATE="2026-11-28T13:00:00+08:00" commit_as 张三 ZJ-0001 "$T/k_a" "after the end" && pull_s
check "a commit by an ended key after its end is refused" grep -q "no longer valid" "$OUT"
check "what the key signed before stands" sh -c \
	"'$FC' -C '$T/s' inspection show '$insp' --format json | grep -q 无专职人员"
export FIELDCHECK_NOW=2026-11-28T14:00:00+08:00
"$FC" -C "$T/a" inspection answer "$insp" risk_map pass >/dev/null
on a sync; rc=$?
check "the lost laptop's own sync sends nothing (exit $rc)" sh -c "[ $rc -ne 0 ] && grep -q 'not on the roster now' '$ERR'"

# b syncs: its merge puts the genuine versions back on the central
on b sync
check "the central's records are the genuine ones again" sh -c \
	"git --git-dir='$T/central.git' show main:enterprises/$USCC1.json | grep -q '\"name\": \"甲化工\"'"
check "the central stays fsck-clean" git --git-dir="$T/central.git" fsck --strict --no-progress
