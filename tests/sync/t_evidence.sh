# t_evidence.sh - evidence files travel on refs/evidence/<badge> (docs/FORMAT.md,
# format 2): a 5 MB photo attached to a failed item on laptop A goes up with
# the records, to a bare central on a path and over git daemon; plain git
# sees it; laptop B syncs the records without the photo (its replica stays
# small), shows it "not on this laptop", then fetches it on demand with the
# same sha256; B's repair photo of the rectified event goes up too, C (an
# inspector, i below) syncs without either file, and a supervisor's pull fetches
# every file of refs/evidence/* (sha256sum, git cat-file); a tampered
# evidence ref is quarantined and nothing of it kept; A reinstalled from the central gets its own files back on sync;
# sending and fetching a 60 MB file does not hold it in memory.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
mkdir -p "$T/srv"
central "$T/srv/central.git"
{ cat "$SEEDS/plain.jpg"; head -c 5000000 /dev/urandom; } >"$T/big.jpg"
sha=$(sha256sum "$T/big.jpg" | cut -d' ' -f1)
blob=$(git hash-object "$T/big.jpg")
store_file() { echo "$T/$1/evidence/$(echo "$sha" | cut -c1-2)/$sha"; }
# small DEVICE: its replica is well under the photo's size (KiB).
small() { [ "$(du -sk "$T/$1/replica.git" | cut -f1)" -lt 1500 ]; }

# attach_and_sync DEVICE: an inspection whose failed item has the photo.
attach_and_sync() {
	"$FC" -C "$T/$1" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
	insp=$(new_inspection "$1" "$USCC1")
	"$FC" -C "$T/$1" inspection answer "$insp" safety_office fail --note 无安全员 >/dev/null
	on "$1" inspection attach "$insp" safety_office "$T/big.jpg"
	check "$1 attaches the 5 MB photo, judged image/jpeg" grep -q "^attached big.jpg  image/jpeg" "$OUT"
	on "$1" sync
	check "$1's sync sends the file with the records" sh -c "[ $? -eq 0 ] && grep -qx 'sent 1 evidence file' '$OUT'"
	check "$1 keeps it once: in its store, not again in its replica" sh -c \
		"[ -e '$(store_file "$1")' ] && ! git --git-dir='$T/$1/replica.git' cat-file -e $blob 2>/dev/null"
}

# seen_by_git CENTRAL BADGE: plain git sees the file on the officer's ref.
seen_by_git() {
	check "git log shows $2's evidence commit, authored as main's" sh -c \
		"git --git-dir='$1' log --format='%an <%ae> %s' refs/evidence/$2 | grep -q '<$2> evidence: 1 file'"
	check "git cat-file -p of the blob is the file" sh -c \
		"git --git-dir='$1' cat-file -p $blob | cmp -s - '$T/big.jpg'"
	check "it sits at <2 hex>/<sha256> on the ref" sh -c \
		"[ \"\$(git --git-dir='$1' rev-parse refs/evidence/$2:$(echo $sha | cut -c1-2)/$sha)\" = $blob ]"
	check "main does not hold it" sh -c "! git --git-dir='$1' ls-tree -r main | grep -q $blob"
}

# records_only DEVICE: synced, the photo listed but not here, not fetched.
records_only() {
	on "$1" sync
	check "$1 syncs" [ $? -eq 0 ]
	on "$1" inspection show "$insp"
	check "$1 lists the photo, not on this laptop" grep -q "big.jpg .*(not on this laptop)" "$OUT"
	check "$1's replica did not receive the blob" sh -c \
		"! git --git-dir='$T/$1/replica.git' cat-file -e $blob 2>/dev/null"
	check "$1's replica stays small" small "$1"
	on "$1" evidence list "$insp" --format csv
	check "$1's evidence list says it is not here" grep -q "^inspection $(echo "$insp" | cut -c1-8),big.jpg,image/jpeg,$(stat -c %s "$T/big.jpg"),.*,$sha,no" "$OUT"
}

# on_demand DEVICE: evidence fetch brings it, whole and the same.
on_demand() {
	on "$1" evidence fetch "$(echo "$insp" | cut -c1-8)"
	check "$1 fetches it on demand" sh -c "[ $? -eq 0 ] && grep -q 'fetched 1 of 1 file' '$OUT'"
	on "$1" inspection show "$insp"
	check "$1 now shows it here" sh -c "grep -q 'big.jpg' '$OUT' && ! grep -q 'not on this laptop' '$OUT'"
	check "with the same sha256" sh -c "sha256sum '$(store_file "$1")' | grep -q ^$sha"
	on "$1" evidence list --format csv
	check "and evidence list says here" grep -q ",$sha,yes" "$OUT"
}

# over a path
device a ZJ-0001 "$T/srv/central.git"
device b ZJ-0002 "$T/srv/central.git"
attach_and_sync a
seen_by_git "$T/srv/central.git" ZJ-0001
records_only b
on_demand b
a_insp=$insp
on a sync
check "a second sync sends nothing again" lacks "evidence file" "$OUT"
check "b keeps the fetched file once: in its store, not again in its replica" \
	sh -c "! git --git-dir='$T/b/replica.git' cat-file -e $blob 2>/dev/null"
# A file lost from a store after it was kept comes back from the central,
# the replica no longer holding its bytes: the ref is fetched again.
rm -f "$(store_file b)" "$(store_file a)"
on b evidence fetch
check "b's lost file is fetched again" sh -c "[ $? -eq 0 ] && sha256sum '$(store_file b)' | grep -q ^$sha"
on a sync
check "a's lost own file is put back by its sync" sh -c \
	"grep -qx '1 evidence file of yours put back from the central' '$OUT' && sha256sum '$(store_file a)' | grep -q ^$sha"
check "and neither replica keeps its bytes after" sh -c \
	"! git --git-dir='$T/a/replica.git' cat-file -e $blob 2>/dev/null &&
	 ! git --git-dir='$T/b/replica.git' cat-file -e $blob 2>/dev/null"

# b photographs the repair, attached to the rectified event of the hazard
# a's failed item made; c, an inspector, syncs the records and neither
# file; a supervisor's pull fetches every file the central holds.
{ cat "$SEEDS/plain.jpg"; head -c 300000 /dev/urandom; } >"$T/repair.jpg"
haz=$("$FC" -C "$T/b" hazard list --inspection "$insp" --format csv | grep safety_office | cut -d, -f1)
"$FC" -C "$T/b" hazard event "$haz" rectified --note 已配备 >/dev/null
on b hazard attach "$haz" "$T/repair.jpg" --event 2
on b sync
check "b sends the repair photo of the rectified event" grep -qx "sent 1 evidence file" "$OUT"
rblob=$(git hash-object "$T/repair.jpg")
device i ZJ-0010 "$T/srv/central.git"
on i sync
check "i, a third inspector, syncs the records" [ $? -eq 0 ]
check "i's replica holds neither a's nor b's file, as plain git sees it" sh -c \
	"! git --git-dir='$T/i/replica.git' cat-file -e $blob 2>/dev/null &&
	 ! git --git-dir='$T/i/replica.git' cat-file -e $rblob 2>/dev/null"
check "i's store holds none" [ -z "$(find "$T/i/evidence" -type f 2>/dev/null)" ]
check "and its replica stays small" small i
# every_file WS: each file on every refs/evidence/* of the central, as
# plain git lists it, is in WS's store under its sha256, whole.
every_file() {
	G="git --git-dir=$T/srv/central.git"
	n=0
	for ref in $($G for-each-ref --format='%(refname)' refs/evidence/); do
		$G ls-tree -r "$ref" >"$T/files"
		while read -r _ _ b path; do
			f=$T/$1/evidence/$path
			[ "$(sha256sum "$f" 2>/dev/null | cut -d' ' -f1)" = "${path#*/}" ] || return 1
			$G cat-file -p "$b" | cmp -s - "$f" || return 1
			n=$((n + 1))
		done <"$T/files"
	done
	[ "$n" -eq 2 ]
}
"$FC" -C "$T/s" init --supervisor --name 王督 --badge SV-0001 --dept 区应急管理局 \
	--from "$T/srv/central.git" >"$OUT" 2>"$ERR"
check "a supervisor's first pull fetches the others' files" \
	grep -qx "fetched 2 evidence files of others into the evidence store" "$OUT"
check "its store holds every file on refs/evidence/*, by sha256sum and git cat-file" every_file s
on s pull
check "a second pull has nothing more to fetch" sh -c "[ $? -eq 0 ] && ! grep -q 'evidence file' '$OUT'"
on s inspection show "$insp"
check "the supervisor sees the photo here" sh -c "grep -q 'big.jpg' '$OUT' && ! grep -q 'not on this laptop' '$OUT'"
"$FC" -C "$T/s2" init --supervisor --name 王督 --badge SV-0001 --dept 区应急管理局 \
	--from "$T/srv/central.git" --records-only >/dev/null 2>&1
on s2 pull --records-only
check "pull --records-only leaves the files on the central" sh -c \
	"[ $? -eq 0 ] && [ -z \"\$(find '$T/s2/evidence' -type f 2>/dev/null)\" ]"
on s2 pull
check "then a pull fetches them all" every_file s2

# over git daemon
central "$T/srv/daemon.git"
start_daemon "$T/srv" || not_ok "git daemon did not start"
url="git://127.0.0.1:$DAEMON_PORT/daemon.git"
device c ZJ-0003 "$url"
device d ZJ-0004 "$url"
attach_and_sync c
seen_by_git "$T/srv/daemon.git" ZJ-0003
records_only d
on_demand d
"$FC" -C "$T/c2" init --name c --badge ZJ-0003 --dept 区应急管理局 --from "$url" >"$OUT" 2>"$ERR"
check "c reinstalled over git:// gets its photo back" sh -c \
	"grep -qx '1 evidence file of yours put back from the central' '$OUT' && sha256sum '$(store_file c2)' | grep -q ^$sha"
# a second file on top of a commit whose file's bytes left the replica
on c inspection attach "$insp" "$SEEDS/phone.jpg"
on c sync
check "c sends a second file over git:// on top of the first" sh -c \
	"grep -qx 'sent 1 evidence file' '$OUT' &&
	 [ \"\$(git --git-dir='$T/srv/daemon.git' ls-tree -r refs/evidence/ZJ-0003 | wc -l)\" -eq 2 ]"

# A tampered ref, pushed with plain git to a central without the guard:
# the path holds other bytes than the record's line says.
git clone -q --bare "$T/srv/central.git" "$T/srv/tampered.git"
git --git-dir="$T/srv/central.git" push -q "$T/srv/tampered.git" "refs/evidence/*:refs/evidence/*"
other=$(head -c 2000 /dev/urandom | git --git-dir="$T/srv/tampered.git" hash-object -w --stdin)
sub=$(printf '100644 blob %s\t%s\n' "$other" "$sha" | git --git-dir="$T/srv/tampered.git" mktree)
top=$(printf '040000 tree %s\t%s\n' "$sub" "$(echo $sha | cut -c1-2)" | git --git-dir="$T/srv/tampered.git" mktree)
forged=$(git --git-dir="$T/srv/tampered.git" commit-tree -p refs/evidence/ZJ-0001 -m forged "$top")
git --git-dir="$T/srv/tampered.git" update-ref refs/evidence/ZJ-0001 "$forged"
"$FC" -C "$T/e" init --name e --badge ZJ-0005 --dept 区应急管理局 --from "$T/srv/tampered.git" >/dev/null 2>&1
on e evidence fetch
check "a tampered file is refused" [ $? -ne 0 ]
check "quarantined, naming the record, the file and the officer" \
	grep -q "quarantined: .*inspection $(echo "$a_insp" | cut -c1-8), file big.jpg by ZJ-0001: the evidence ref holds blob $other for it, not $blob" "$ERR"
check "nothing of it is added to the store" [ ! -e "$(store_file e)" ]
on e inspection show "$a_insp"
check "the record still says not on this laptop" grep -q "(not on this laptop)" "$OUT"

# A ref of another shape (a name that is no sha256 beside the photo) is
# refused whole, from its tree alone: nothing of it is kept.
git clone -q --bare "$T/srv/central.git" "$T/srv/shape.git"
git --git-dir="$T/srv/central.git" push -q "$T/srv/shape.git" "refs/evidence/*:refs/evidence/*"
G="git --git-dir=$T/srv/shape.git"
evil=$(printf 'x' | $G hash-object -w --stdin)
top=$( ($G ls-tree refs/evidence/ZJ-0001; printf '100644 blob %s\tevil.sh\n' "$evil") | $G mktree)
$G update-ref refs/evidence/ZJ-0001 "$($G commit-tree -p refs/evidence/ZJ-0001 -m shape "$top")"
"$FC" -C "$T/f" init --name f --badge ZJ-0006 --dept 区应急管理局 --from "$T/srv/shape.git" >/dev/null 2>&1
on f evidence fetch; rc=$?
check "an evidence tree of another shape is refused" [ $rc -ne 0 ]
check "the note names the officer, the remote and the entry" \
	grep -q "ZJ-0001's evidence on origin is refused, nothing of it is kept: .*evil.sh.*not a folder of two hex digits" "$OUT"
check "and nothing of it is kept" [ ! -e "$(store_file f)" ]
# A file over this workspace's limit is refused from its header.
"$FC" -C "$T/g" init --name g --badge ZJ-0007 --dept 区应急管理局 --from "$T/srv/central.git" >/dev/null 2>&1
sqlite3 "$T/g/store.db" "INSERT OR REPLACE INTO meta VALUES ('evidence.max_bytes', '1048576')"
on g evidence fetch; rc=$?
check "a file over the workspace's limit is refused from its header" \
	sh -c "[ $rc -ne 0 ] && grep -q -E 'ZJ-0001.s evidence on origin is refused.*(larger than the limit per file|more than a file may be here)' '$OUT'"
check "and not kept" [ ! -e "$(store_file g)" ]

# A reinstalled: its own files come back on sync.
"$FC" -C "$T/a2" init --name a --badge ZJ-0001 --dept 区应急管理局 --from "$T/srv/central.git" >/dev/null 2>&1
on a2 sync
check "a reinstalled laptop syncs" [ $? -eq 0 ]
on a2 inspection show "$a_insp"
check "and has its own photo back" sh -c "grep -q 'big.jpg' '$OUT' && ! grep -q 'not on this laptop' '$OUT'"
check "the same bytes" sh -c "sha256sum '$(store_file a2)' | grep -q ^$sha"

# Memory: a 60 MB file is sent and fetched through fixed buffers.  Each
# command's peak resident size is set against a pull's of the same
# workspace (the program itself, and a sanitizer's shadow when built so).
if [ -x /usr/bin/time ]; then
	peak() { d=$1; shift; /usr/bin/time -f %M -o "$T/rss" "$FC" -C "$T/$d" "$@" >/dev/null 2>&1; cat "$T/rss"; }
	central "$T/srv/mem.git"
	for d in h:ZJ-0008 k:ZJ-0009; do
		device "${d%%:*}" "${d#*:}" "$T/srv/mem.git"
		sqlite3 "$T/${d%%:*}/store.db" "INSERT OR REPLACE INTO meta VALUES ('evidence.max_bytes', '104857600')"
	done
	{ cat "$SEEDS/plain.jpg"; head -c 60000000 /dev/urandom; } >"$T/long.jpg"
	"$FC" -C "$T/h" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
	long=$(new_inspection h "$USCC1")
	"$FC" -C "$T/h" inspection attach "$long" "$T/long.jpg" >/dev/null
	base=$(peak h pull)
	sent=$(peak h sync)
	check "sending 60 MB grows the peak by less than 20 MB ($base KiB, then $sent)" \
		[ $((sent - base)) -lt 20480 ]
	"$FC" -C "$T/k" pull >/dev/null
	base=$(peak k pull)
	got=$(peak k evidence fetch)
	check "fetching it grows the peak by less than 20 MB ($base KiB, then $got)" \
		[ $((got - base)) -lt 20480 ]
	check "and it arrived whole" cmp -s "$T/long.jpg" "$T/k/evidence/$(sha256sum "$T/long.jpg" | cut -c1-2)/$(sha256sum "$T/long.jpg" | cut -c1-64)"
else
	skip "peak memory of sending and fetching" "no /usr/bin/time"
fi
