# t_forge.sh - a finalized inspection forged with plain git in a central on
# a path: trees git's fsck calls bad (a name holding '/', a name twice,
# entries out of order, '.git'), a history rewritten under a force-push,
# folders nested 40 000 deep.  Each is refused whole, nothing of it is
# merged or pushed, the device's store and branch stay as they were, and
# the genuine central keeps the genuine record byte for byte.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"

# rawtree GITDIR: a tree object from lines "MODE NAME HEX-ID" on stdin,
# written in the order given (git mktree refuses such trees).
rawtree() {
	perl -ne 'chomp; my ($m, $n, $h) = split / /, $_, 3; print "$m $n\0", pack("H*", $h)' |
		git --git-dir="$1" hash-object -t tree --literally -w --stdin
}
# forge GITDIR PARENT ROOT-TREE: a commit on PARENT becomes main.
forge() {
	c=$(git --git-dir="$1" -c user.name=mallory -c user.email=m@x commit-tree "$3" ${2:+-p "$2"} -m forged) &&
		git --git-dir="$1" update-ref refs/heads/main "$c" && echo "$c"
}
# root_with GITDIR COMMIT NAME MODE ID: COMMIT's root tree with one entry
# added, sorted by name as git sorts (none of ours ends a prefix of another).
root_with() {
	{ git --git-dir="$1" ls-tree "$2" | awk '{ sub(/^0/, "", $1); print $1, $4, $3 }'
	  echo "$4 $3 $5"; } | sort -k2,2 | rawtree "$1"
}
sig() { "$FC" -C "$T/$1" inspection show "$id" --format json | md5sum; }
head_of() { git --git-dir="$1" rev-parse main; }

central "$T/central.git"
device a ZJ-0001 "$T/central.git"
on a enterprise add --code "$USCC1" --name 甲化工
id=$(new_inspection a "$USCC1")
for item in safety_office risk_map life_passage management_agreement micro_fire_station smart_charging; do
	"$FC" -C "$T/a" inspection answer "$id" "$item" pass >/dev/null
done
"$FC" -C "$T/a" inspection answer "$id" park_name 园区 >/dev/null
on a inspection finalize "$id" && on a sync || not_ok "a finalizes and syncs"
C=$T/central.git
genuine=$(head_of "$C")
path=$(git --git-dir="$C" ls-tree -r --name-only main | grep "$id")
git --git-dir="$C" show "main:$path" >"$T/genuine.json"
# The forgery: finalized "earlier", another answer.
sed 's/"value": "园区"/"value": "别处"/; s/"finalized_at": "[^"]*"/"finalized_at": "2026-11-01T08:00:00+08:00"/' \
	"$T/genuine.json" >"$T/forged.json"
cmp -s "$T/genuine.json" "$T/forged.json" && not_ok "the forgery differs"

# A second remote, a copy of central on a USB stick, is where the attacks go.
git clone -q --bare "$C" "$T/usb.git"
U=$T/usb.git
on a remote add usb "$U"
fb=$(git --git-dir="$U" hash-object -w "$T/forged.json")
month=$(dirname "$path") year=$(dirname "$month")
t11=$(git --git-dir="$U" rev-parse "$genuine:$month")
leaf=$(basename "$path") mm=$(basename "$month")

# attack NAME TREE-LINES-OF-THE-YEAR: a commit whose inspections/YYYY holds
# those entries, pushed to usb; a's sync of usb must refuse it whole.
attack() {
	name=$1
	ty=$(rawtree "$U")
	ti=$(echo "40000 $(basename "$year") $ty" | rawtree "$U")
	root=$(git --git-dir="$U" ls-tree "$genuine" | grep -v inspections |
		awk '{ sub(/^0/, "", $1); print $1, $4, $3 }' | { cat; echo "40000 inspections $ti"; } |
		sort -k2,2 | rawtree "$U")
	forged=$(forge "$U" "$genuine" "$root")
	before_store=$(sig a) before_main=$(head_of "$T/a/replica.git")
	on a sync usb; rc=$?
	check "$name: a's sync of usb fails (exit $rc)" [ "$rc" -eq 1 ]
	check "$name: naming the commit" grep -q "usb's main (commit ${forged:0:12}) is refused" "$ERR"
	check "$name: and the folder" grep -q "folder \"inspections/$(basename "$year")\"" "$ERR"
	check "$name: a's store is unchanged" [ "$(sig a)" = "$before_store" ]
	check "$name: a's branch is unchanged" [ "$(head_of "$T/a/replica.git")" = "$before_main" ]
	check "$name: nothing was pushed to usb" [ "$(head_of "$U")" = "$forged" ]
	git --git-dir="$U" update-ref refs/heads/main "$genuine"
}
printf '40000 %s %s\n100644 %s/%s %s\n' "$mm" "$t11" "$mm" "$leaf" "$fb" | attack "a name holding '/'"
check "  the problem is said" grep -q "a name that holds '/'" "$ERR"
t11f=$(echo "100644 $leaf $fb" | rawtree "$U")
printf '40000 %s %s\n40000 %s %s\n' "$mm" "$t11f" "$mm" "$t11" | attack "a folder there twice"
check "  the problem is said" grep -q "a name that is there twice" "$ERR"
printf '100644 %s %s\n40000 %s %s\n' "$mm" "$fb" "$mm" "$t11" | attack "a file and a folder of one name"
check "  the problem is said" grep -q "a file and a folder" "$ERR"
printf '40000 %s %s\n40000 01 %s\n' "$mm" "$t11" "$t11f" | attack "entries out of order"
check "  the problem is said" grep -q "entries out of git's order" "$ERR"
printf '40000 .GiT %s\n40000 %s %s\n' "$t11f" "$mm" "$t11" | attack "a folder named .GiT"
check "  the problem is said" grep -q "a name that is '.git'" "$ERR"
printf '40000 %s %s\n100644 %s/%s %s\n' "$mm" "$t11" "$mm" "$(printf 'x\033]0;pwned\007')" "$fb" |
	attack "an escape in a name holding '/'"
check "  shown made visible" grep -q 'entry "11/x\\x1b]0;pwned\\x07"' "$ERR"
check "  never raw" lacks "$(printf '\033')" "$ERR"

check "a syncs origin" on a sync origin
check "central passes git fsck --strict" git --git-dir="$C" fsck --strict --no-progress
check "central keeps the genuine record byte for byte" \
	sh -c "git --git-dir='$C' show 'main:$path' | cmp -s - '$T/genuine.json'"

# The same forgery in central itself: refused by a, by a new device's first
# pull (which leaves no workspace behind), and nothing overwrites it.
ty=$(printf '40000 %s %s\n100644 %s/%s %s\n' "$mm" "$t11" "$mm" "$leaf" \
	"$(git --git-dir="$C" hash-object -w "$T/forged.json")" | rawtree "$C")
root=$(git --git-dir="$C" ls-tree main | grep -v inspections | awk '{ sub(/^0/, "", $1); print $1, $4, $3 }' |
	{ cat; echo "40000 inspections $(echo "40000 $(basename "$year") $ty" | rawtree "$C")"; } | sort -k2,2 | rawtree "$C")
synced=$(head_of "$C")
forged=$(forge "$C" "$synced" "$root")
before_store=$(sig a)
on a sync origin; rc=$?
check "a forged central: a's sync fails (exit $rc)" [ "$rc" -eq 1 ]
check "a's record stands" [ "$(sig a)" = "$before_store" ]
check "nothing was pushed over the forgery" [ "$(head_of "$C")" = "$forged" ]
"$FC" -C "$T/new/ws" init --name n --badge N-1 --dept 消防 --from "$C" >"$OUT" 2>"$ERR"; rc=$?
check "a new device's first pull is refused (exit $rc)" [ "$rc" -eq 1 ]
check "and leaves no workspace" [ ! -e "$T/new" ]
# verify sees such a tree in a replica
cp -a "$T/a" "$T/v"
git --git-dir="$T/v/replica.git" fetch -q "$C" main 2>/dev/null
git --git-dir="$T/v/replica.git" update-ref refs/heads/main "$forged"
on v verify; rc=$?
check "verify reports a bad tree in the replica (exit $rc)" \
	sh -c "[ $rc -eq 1 ] && grep -q \"a name that holds '/'\" '$OUT' '$ERR'"
# Put back by hand, the forged objects pruned.
git --git-dir="$C" update-ref refs/heads/main "$synced"
git --git-dir="$C" reflog expire --expire=now --all && git --git-dir="$C" gc -q --prune=now
check "central put back, a syncs again" on a sync origin

# A rewritten history: central's main force-pushed to an unrelated one
# that carries the forged record in a sound tree.
rm -rf "$T/w" && git clone -q "$C" "$T/w"
cp "$T/forged.json" "$T/w/$path"
(cd "$T/w" && git checkout -q --orphan other && git add -A &&
	git -c user.name=mallory -c user.email=m@x commit -qm "history" &&
	git push -q -f origin other:main) || not_ok "force-push a new history"
rewritten=$(head_of "$C") last=$(head_of "$T/a/replica.git")
before_store=$(sig a)
on a sync origin; rc=$?
check "rewritten: a's sync fails (exit $rc)" [ "$rc" -eq 1 ]
check "naming the old and the new commit" \
	sh -c "grep -q 'history was rewritten' '$ERR' && grep -q '${rewritten:0:12}' '$ERR' && grep -q '${last:0:12}' '$ERR'"
check "a's store is unchanged" [ "$(sig a)" = "$before_store" ]
check "a's branch is unchanged" [ "$(head_of "$T/a/replica.git")" = "$last" ]
check "nothing was pushed" [ "$(head_of "$C")" = "$rewritten" ]
on a sync origin; rc=$?
check "a second sync refuses it too (exit $rc)" [ "$rc" -eq 1 ]
on a remote accept-history origin 0000000; rc=$?
check "accepting another commit is refused (exit $rc)" [ "$rc" -eq 1 ]
check "a person accepts the new history" on a remote accept-history origin "$rewritten"
check "then a syncs" on a sync origin
check "the forged record is refused" grep -q "finalized inspection arrived changed" "$ERR"
check "a's record stands" [ "$(sig a)" = "$before_store" ]
check "central has the genuine record again, byte for byte" \
	sh -c "git --git-dir='$C' show 'main:$path' | cmp -s - '$T/genuine.json'"
check "central passes git fsck --strict" git --git-dir="$C" fsck --strict --no-progress

# Folders nested 40 000 deep (written as loose objects, as git would).
deep=$(perl -MDigest::SHA=sha1 -MCompress::Zlib -e '
	my ($dir, $n) = @ARGV; my $id = pack("H*", "4b825dc642cb6eb9a060e54bf8d69288fbee4904");
	for (1 .. $n) {
		my $body = "40000 a\0$id"; my $obj = "tree " . length($body) . "\0$body";
		$id = sha1($obj); my $hex = unpack("H*", $id);
		mkdir "$dir/objects/" . substr($hex, 0, 2);
		open my $f, ">", "$dir/objects/" . substr($hex, 0, 2) . "/" . substr($hex, 2) or die;
		binmode $f; print $f compress($obj); close $f;
	}
	print unpack("H*", $id), "\n";' "$C" 40000)
git --git-dir="$C" hash-object -t tree -w --stdin </dev/null >/dev/null # the empty tree at the bottom
synced=$(head_of "$C")
deepc=$(forge "$C" "$synced" "$(root_with "$C" "$synced" a 40000 "$deep")")
on a sync origin; rc=$?
check "a deep tree: the sync fails without crashing (exit $rc)" [ "$rc" -eq 1 ]
check "saying why" grep -q "folders nested deeper than fieldcheck ever makes them" "$ERR"
check "nothing was pushed" [ "$(head_of "$C")" = "$deepc" ]
(cd "$T" && "$FC" -C "$T/rel" init --name r --badge R-1 --dept 消防 --from central.git) >"$OUT" 2>"$ERR"; rc=$?
check "a first pull from a relative path fails without crashing (exit $rc)" [ "$rc" -eq 1 ]
check "saying why" grep -q "folders nested deeper" "$ERR"
check "and leaves no workspace" [ ! -e "$T/rel" ]
mkdir "$T/mine" && echo keep >"$T/mine/notes.txt"
(cd "$T" && "$FC" -C "$T/mine" init --name r --badge R-1 --dept 消防 --from ./central.git) >"$OUT" 2>"$ERR"
check "in a folder that was there, only what init made is removed" \
	sh -c "[ \"\$(ls -A '$T/mine')\" = notes.txt ]"
git --git-dir="$C" update-ref refs/heads/main "$synced"
(cd "$T" && "$FC" -C "$T/rel" init --name r --badge R-1 --dept 消防 --from central.git) >"$OUT" 2>"$ERR"
check "a relative path works once central is sound" [ $? -eq 0 ]
pack=$(ls "$C/objects/pack" | grep '\.pack$' | head -n 1)
check "through our own fetch: central's pack copied as it is" [ -f "$T/rel/replica.git/objects/pack/$pack" ]
