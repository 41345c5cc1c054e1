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
