# t_file.sh - sync through a bare central repository on a path (file://):
# two devices converge, a third starts from central, git sees an ordinary
# repository, offline work waits and is sent later.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b JT-0042 "file://$T/central.git"

on a enterprise add --code "$USCC1" --name 甲化工 --town 城东街道
ia=$(new_inspection a "$USCC1")
on a inspection answer "$ia" safety_office pass
on a inspection answer "$ia" management_agreement fail --note 未签订协议
check "device a syncs" on a sync
check "a's commit is in central" git --git-dir="$T/central.git" rev-parse -q --verify main >/dev/null
ls "$T/a/replica.git/objects/pack" >"$T/a_packs"
ls "$T/central.git/objects/pack" | grep -xF -f "$T/a_packs" | grep -q '\.pack$'
check "the push copied the pack the sync wrote, as it is" [ $? -eq 0 ]
check "b pulls" on b sync
out_has "arrived: 1 inspection, 1 hazard, 1 enterprise" "b says what arrived"
out_has "from: a (ZJ-0001)" "and from whom"
check "b has a's inspection" on b inspection show "$ia"
out_has "未签订协议" "with its answers"
on b enterprise add --code "$USCC2" --name 乙铸造
ib=$(new_inspection b "$USCC2")
check "b syncs its own" on b sync
ls "$T/a/replica.git/objects/pack" >"$T/a_before"
check "a syncs again" on a sync
check "a sees b's inspection" on a inspection show "$ib"
new=$(ls "$T/a/replica.git/objects/pack" | grep '\.pack$' | grep -vxF -f "$T/a_before")
check "a's fetch copied the pack b pushed, as it is ($new)" \
	sh -c "[ -n '$new' ] && [ -f '$T/b/replica.git/objects/pack/$new' ]"
check "the two devices hold the same tree" [ "$(tree_of a)" = "$(tree_of b)" ]

# A third device starts from central.
"$FC" -C "$T/c" init --name c --badge C-3 --dept 消防 --from "$T/central.git" >"$OUT" 2>"$ERR"
check "init --from imports central" [ $? -eq 0 ]
out_has "2 inspections" "c imported both inspections"
check "c lists them" on c inspection list --format csv
check "two rows" [ "$(wc -l <"$OUT")" -eq 3 ]

# Central stays an ordinary git repository.
check "git fsck is clean" git --git-dir="$T/central.git" fsck --strict --no-progress
git --git-dir="$T/central.git" log --format='%an <%ae>' main >"$OUT"
check "commits are authored by the inspectors" grep -q "a <ZJ-0001>" "$OUT"
git --git-dir="$T/central.git" log -p main >"$OUT"
check "git log -p reads the records" grep -q '"name": "甲化工"' "$OUT"
git --git-dir="$T/central.git" ls-tree -r --name-only main >"$OUT"
check "records are files in their places" grep -q "^inspections/2026/11/$ia.json$" "$OUT"
check "forms travel with the data" grep -q "^forms/six-ones/1/survey.csv$" "$OUT"
loose=$(find "$T/a/replica.git/objects" -path '*/objects/??/*' -type f | wc -l)
check "the replica writes packs, not loose objects ($loose loose)" [ "$loose" -eq 0 ]

# Offline: the remote is unreachable; the commit waits and goes later.
mv "$T/central.git" "$T/away.git"
on a inspection answer "$ia" risk_map pass
on a sync; rc=$?
check "offline sync fails (exit $rc)" [ "$rc" -eq 1 ]
check "and says how many commits wait" grep -q "1 commit waiting to be sent" "$ERR"
mv "$T/away.git" "$T/central.git"
check "a later sync sends them" on a sync
on b sync
on b inspection show "$ia" --format json
check "b has the answer given offline" grep -q '"item": "risk_map"' "$OUT"
check "verify passes" on b verify
check "pull never pushes" on c pull

# A central that git itself wrote to (a loose commit beside the packs) is
# copied whole by a new device's first pull, which leaves no loose objects.
git --git-dir="$T/central.git" -c user.name=git -c user.email=g@x commit-tree \
	-p main -m "by hand" 'main^{tree}' >"$T/by_hand" 2>>"$ERR" &&
	git --git-dir="$T/central.git" update-ref refs/heads/main "$(cat "$T/by_hand")"
check "central holds a loose object" [ -n "$(find "$T/central.git/objects" -path '*/objects/??/*' -type f)" ]
"$FC" -C "$T/d" init --name d --badge D-4 --dept 消防 --from "file://$T/central.git" >"$OUT" 2>"$ERR"
check "a fourth device pulls it all" [ $? -eq 0 ]
check "its replica's main is central's" [ "$(git --git-dir="$T/d/replica.git" rev-parse main)" = "$(cat "$T/by_hand")" ]
check "its replica passes git fsck --strict" git --git-dir="$T/d/replica.git" fsck --strict --no-progress
loose=$(find "$T/d/replica.git/objects" -path '*/objects/??/*' -type f | wc -l)
check "and holds no loose objects ($loose)" [ "$loose" -eq 0 ]
# Central repacked by git gc; the next pull brings only what is new.
git --git-dir="$T/central.git" gc -q
on b enterprise add --code "$USCC3" --name 丙仓储
ic=$(new_inspection b "$USCC3")
on b sync
ls "$T/d/replica.git/objects/pack/" >"$T/packs_before"
check "d pulls what b added after the repack" on d pull
check "d has b's new inspection" on d inspection show "$ic"
check "d's replica still passes git fsck" git --git-dir="$T/d/replica.git" fsck --strict --no-progress
new=$(ls "$T/d/replica.git/objects/pack/" | grep -vxF -f "$T/packs_before" | grep '\.pack$')
check "the pull added one pack ($new)" [ "$(echo "$new" | wc -l)" -eq 1 ]
small=$(stat -c %s "$T/d/replica.git/objects/pack/$new")
whole=$(cat "$T/central.git/objects/pack/"*.pack | wc -c)
check "of what is new, not central's whole ($small of $whole bytes)" [ "$small" -lt $((whole / 2)) ]

# A central whose pack is a link (to any file this user can read) is not
# copied through it: the pull stops, naming the file.
cp -a "$T/central.git" "$T/linked.git"
git --git-dir="$T/linked.git" repack -adq
p=$(ls "$T/linked.git/objects/pack/"*.pack)
mv "$p" "$T/elsewhere.pack" && ln -s "$T/elsewhere.pack" "$p"
"$FC" -C "$T/e" init --name e --badge E-5 --dept 消防 --from "$T/linked.git" >"$OUT" 2>"$ERR"
check "a linked pack stops the first pull (exit $?)" [ $? -ne 0 ]
check "naming the file" grep -q "cannot read $p: Too many levels of symbolic links" "$ERR"
