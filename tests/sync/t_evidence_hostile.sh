# t_evidence_hostile.sh - hostile evidence, pushed with plain git to a
# central without a roster or a guard (so the records themselves are taken):
# a record line that names an ELF program as a JPEG, with the program's
# true sha256 and blob id, so that only the judgement of its bytes can
# catch it.  `evidence fetch` refuses and quarantines it without keeping a
# byte; the genuine photo beside it arrives.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b ZJ-0002 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
insp=$(new_inspection a "$USCC1")
on a inspection attach "$insp" "$SEEDS/phone.jpg"
on a sync
check "a sends its photo" grep -qx "sent 1 evidence file" "$OUT"

# The ELF: /bin/true's bytes, named image/jpeg in a line with its own ids.
elf=$T/true.jpg
head -c 4096 /bin/true >"$elf"
esha=$(sha256sum "$elf" | cut -d' ' -f1) eblob=$(git hash-object "$elf")
git clone -q "$T/central.git" "$T/w" 2>/dev/null
git -C "$T/w" fetch -q origin "refs/evidence/*:refs/evidence/*"
rec=$(cd "$T/w" && git ls-files "inspections/*/$insp.json")
# a second line, copied from the genuine one, made to name the program
line=$(grep '"name": "phone.jpg"' "$T/w/$rec")
psha=$(sha256sum "$SEEDS/phone.jpg" | cut -d' ' -f1) pblob=$(git hash-object "$SEEDS/phone.jpg")
forged=$(printf '%s\n' "$line" | sed "s/$psha/$esha/; s/$pblob/$eblob/; s/\"size\": [0-9]*/\"size\": 4096/; s/phone.jpg/true.jpg/; s/\"to\": \"\"/\"to\": \"safety_office\"/")
awk -v l="$line" -v f="$forged" '$0 == l { print l ","; print f; next } { print }' "$T/w/$rec" |
	sed 's/}},$/}},/' >"$T/rec.new"
# the genuine line was the last: it gains a comma, the forged one is last
sed -i "s/\\(\"name\": \"phone.jpg\".*}\\),,/\\1,/" "$T/rec.new"
cp "$T/rec.new" "$T/w/$rec"
(cd "$T/w" && git -c user.name=m -c user.email=m commit -qam "a line for a program" &&
	git push -q origin HEAD:main)
# the program itself on a's evidence ref, where the line says it is
eb=$(git --git-dir="$T/w/.git" hash-object -w "$elf")
base=$(git --git-dir="$T/w/.git" rev-parse refs/evidence/ZJ-0001)
tree=$(git --git-dir="$T/w/.git" rev-parse "refs/evidence/ZJ-0001^{tree}")
git --git-dir="$T/w/.git" read-tree --index-output="$T/idx" "$tree"
GIT_INDEX_FILE=$T/idx git --git-dir="$T/w/.git" update-index --add --cacheinfo 100644 "$eb" \
	"$(echo "$esha" | cut -c1-2)/$esha"
nt=$(GIT_INDEX_FILE=$T/idx git --git-dir="$T/w/.git" write-tree)
nc=$(git --git-dir="$T/w/.git" commit-tree -p "$base" -m "a program" "$nt")
git --git-dir="$T/w/.git" push -q origin "$nc:refs/evidence/ZJ-0001"

on b sync
check "b takes the records (no roster here)" [ $? -eq 0 ]
on b evidence fetch
check "evidence fetch refuses the program named a JPEG" sh -c \
	"grep -q 'true.jpg' '$ERR' && grep -qi 'quarantined' '$ERR'"
check "not a byte of it is kept" [ ! -e "$T/b/evidence/$(echo "$esha" | cut -c1-2)/$esha" ]
check "the genuine photo arrives" [ -e "$T/b/evidence/$(echo "$psha" | cut -c1-2)/$psha" ]
check "what evidence fetch says names the file, its sha256 and where it went" \
	grep -q "^fetched phone.jpg (1022 B, sha256 $(echo "$psha" | cut -c1-12)) by ZJ-0001 for inspection $(echo "$insp" | cut -c1-8): $T/b/evidence/$(echo "$psha" | cut -c1-2)/$psha$" "$OUT"
check "and a refusal names the record's file, never a temporary file" sh -c \
	"grep -q 'file true.jpg by ZJ-0001: true.jpg: not a kind of file' '$ERR' &&
	 ! grep -q 'evidence-in-\|\.tmp-\|replica.git' '$OUT' '$ERR' '$T/b/quarantine/log'"

# A 2 GiB file on a's evidence ref, at its sha256: a real blob of 2 GiB + 1
# zero bytes (its ids computed over the bytes), written as a loose object
# whose stream stops after its first 64 KiB.  git reads its size from the
# header (cat-file -s); whoever read past the header would find it cut,
# so a refusal that names its size was decided by the header alone.
start=$(date +%s.%N)
set -- $(python3 - "$T/central.git" $((2147483648 + 1)) <<'PY'
import hashlib, os, sys, zlib
git, size = sys.argv[1], int(sys.argv[2])
head = b"blob %d\0" % size
sha1, sha256, chunk, left = hashlib.sha1(head), hashlib.sha256(), bytes(1 << 20), size
while left:
    b = chunk if left >= len(chunk) else chunk[:left]
    sha1.update(b), sha256.update(b)
    left -= len(b)
z = zlib.compressobj(1)
oid = sha1.hexdigest()
os.makedirs(os.path.join(git, "objects", oid[:2]), exist_ok=True)
with open(os.path.join(git, "objects", oid[:2], oid[2:]), "wb") as f:
    f.write(z.compress(head) + z.compress(chunk[:65536]) + z.flush(zlib.Z_SYNC_FLUSH))
print(oid, sha256.hexdigest())
PY
)
hb=$1 hs=$2
G="git --git-dir=$T/central.git"
$G read-tree --index-output="$T/idx2" refs/evidence/ZJ-0001
GIT_INDEX_FILE=$T/idx2 $G update-index --add --cacheinfo 100644 "$hb" "$(echo "$hs" | cut -c1-2)/$hs"
$G update-ref refs/evidence/ZJ-0001 "$($G commit-tree -p refs/evidence/ZJ-0001 -m "2 GiB" \
	"$(GIT_INDEX_FILE=$T/idx2 $G write-tree)")"
echo "# the 2 GiB blob was made in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
check "plain git sees a 2 GiB + 1 byte file on a's ref" [ "$($G cat-file -s "$hb")" = 2147483649 ]
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$T/rss" "$FC" -C "$T/b" pull >/dev/null 2>&1
	base=$(cat "$T/rss")
	/usr/bin/time -f '%M %e' -o "$T/rss" "$FC" -C "$T/b" evidence fetch >"$OUT" 2>"$ERR"
	read -r got secs <<RSS
$(tail -n 1 "$T/rss")
RSS
	check "evidence fetch with the 2 GiB file on the ref fails" [ "$(tail -n 1 "$ERR" | grep -c 'still not on this laptop')" = 1 ]
	check "a's ref is refused by the file's size, read from its header" \
		grep -q "ZJ-0001's evidence on origin is refused, nothing of it is kept: .*2147483649 bytes" "$OUT"
	check "and quarantined, naming the ref" grep -q "^quarantined: .*refs/evidence/ZJ-0001" "$ERR"
	check "nothing of it is kept, in the store or the replica" sh -c \
		"[ ! -e '$T/b/evidence/$(echo "$hs" | cut -c1-2)/$hs' ] &&
		 ! git --git-dir='$T/b/replica.git' cat-file -e $hb 2>/dev/null"
	check "its peak memory is a pull's, give or take 20 MB ($base KiB, then $got KiB, $secs s)" \
		[ $((got - base)) -lt 20480 ]
else
	skip "a 2 GiB file on an evidence ref" "no /usr/bin/time"
fi
