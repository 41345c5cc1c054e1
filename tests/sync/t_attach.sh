# t_attach.sh - files attached as evidence (format 2, docs/FORMAT.md): a
# photo and a document attached to an inspection, one of its items and a
# hazard's rectification; the records that name them sync through a real
# bare central to a second laptop, which shows every file with its size and
# "not on this laptop" (the files themselves travel on refs/evidence, not
# on main); a record without files stays format 1 byte for byte; a forged
# file line that claims another officer's badge is refused by the
# receiving device; bad files are refused by name and cost only themselves.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b ZJ-0002 "$T/central.git"
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
plain=$(new_inspection a "$USCC1")
insp=$(new_inspection a "$USCC1")
haz=$("$FC" -C "$T/a" hazard add --inspection "$insp" --item safety_office --description 无安全员)
"$FC" -C "$T/a" hazard event "$haz" rectified --note 已配备 >/dev/null

on a inspection attach "$insp" safety_office "$SEEDS/phone.jpg" "$SEEDS/notes.txt"
check "two files attached to an item" sh -c "[ $? -eq 0 ] && grep -c '^attached' '$OUT' | grep -qx 2"
on a inspection attach "$insp" "$SEEDS/plain.jpg"
check "a file attached to the inspection itself" grep -q "^attached plain.jpg  image/jpeg" "$OUT"
on a hazard attach "$haz" "$SEEDS/camera-mm.jpg" --event 2
check "a photo of the repair attached to the rectified event" [ $? -eq 0 ]
on a hazard attach "$haz" "$SEEDS/camera-mm.jpg" --event 9
check "an event that is not there is refused" grep -q "there is no event 9" "$ERR"
printf 'BM\0\0\0\0' >"$T/sign.bmp"
on a inspection attach "$insp" "$T/sign.bmp" "$SEEDS/built-le.jpg"
check "a kind of file not kept is refused by name, the next one attached" sh -c \
	"grep -q 'sign.bmp' '$ERR' && grep -q '^attached built-le.jpg' '$OUT'"
on a inspection attach "$insp" "$SEEDS/plain.jpg"
check "the same file twice on the same thing is refused" grep -q "attached already" "$ERR"

on a sync
check "a syncs" [ $? -eq 0 ]
git --git-dir="$T/central.git" show "main:inspections/2026/11/$insp.json" >"$T/rec.json"
check "the record is fieldcheck/inspection/2 with its files" sh -c \
	"grep -q '\"format\": \"fieldcheck/inspection/2\"' '$T/rec.json' &&
	 grep -c '\"sha256\": ' '$T/rec.json' | grep -qx 4"
check "a record without files stays fieldcheck/inspection/1" sh -c \
	"git --git-dir='$T/central.git' show 'main:inspections/2026/11/$plain.json' |
	 grep -q '\"format\": \"fieldcheck/inspection/1\"'"
sha=$(sha256sum "$SEEDS/phone.jpg" | cut -d' ' -f1)
blob=$(git hash-object "$SEEDS/phone.jpg")
check "a line names the file by its SHA-256 and its git blob id" \
	grep -q "\"sha256\": \"$sha\", \"blob\": \"$blob\", \"size\": $(stat -c %s "$SEEDS/phone.jpg")" "$T/rec.json"

on b sync
check "b syncs and takes the records" [ $? -eq 0 ]
on b inspection show "$insp"
check "b lists the files, not on this laptop" sh -c \
	"grep -q 'phone.jpg  image/jpeg  1022 B' '$OUT' && grep -c 'not on this laptop' '$OUT' | grep -qx 4"
on a inspection show "$insp"
check "a has them here" lacks "not on this laptop" "$OUT"
on b hazard show "$haz"
check "b lists the repair photo against the rectified event" \
	grep -q "camera-mm.jpg .*for rectified@" "$OUT"

# With a roster (signed commits), the rules of who may write a file line
# hold on the receiving device: b, not on the inspection's team, signs a
# withdrawal of a's file, then a new line in a's name; both are refused.
for k in sv a b; do ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$T/k_$k"; done
central "$T/c2.git"
"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/s" remote add origin "$T/c2.git"
on s roster found
on s roster add --badge ZJ-0001 --name 张三 --dept 区应急管理局 --key "$T/k_a.pub"
on s roster add --badge ZJ-0002 --name 李四 --dept 区应急管理局 --key "$T/k_b.pub"
"$FC" -C "$T/a2" init --name 张三 --badge ZJ-0001 --dept 区应急管理局 --sign-key "$T/k_a" \
	--from "$T/c2.git" >/dev/null 2>&1
"$FC" -C "$T/a2" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
i2=$(new_inspection a2 "$USCC1")
"$FC" -C "$T/a2" inspection attach "$i2" "$SEEDS/phone.jpg" >/dev/null
on a2 sync
check "a signed inspector's files sync" [ $? -eq 0 ]
on s pull
git clone -q "$T/c2.git" "$T/w"
rec=$(cd "$T/w" && git ls-files "inspections/*/$i2.json")
commit_as() { # commit_as KEY MESSAGE: b's signed commit of all changes in $T/w
	(cd "$T/w" && git add -A && git -c user.name=李四 -c user.email=ZJ-0002 -c gpg.format=ssh \
		-c user.signingkey="$1" commit -S -qm "$2" && git push -q origin HEAD:main)
}
sed -i 's/"withdrawn": ""}$/"withdrawn": "2026-11-28T11:00:00+08:00"}/' "$T/w/$rec"
commit_as "$T/k_b" "b withdraws a's photo"
on s pull
check "a withdrawal by someone neither its author nor on the team is refused" \
	grep -q "is withdrawn by ZJ-0002, who neither attached it nor is on the team" "$OUT"
git -C "$T/w" checkout -q HEAD~1 -- "$rec"
sed -i 's/"to": "", \(.*\)"name": "phone.jpg"/"to": "", \1"name": "forged.jpg"/' "$T/w/$rec"
commit_as "$T/k_b" "b adds a line in a's name"
on s pull
check "a new file line claiming another officer's badge is refused" \
	grep -q "the file forged.jpg claims badge ZJ-0001" "$OUT"
on s inspection show "$i2"
check "the genuine line stands" sh -c "grep -q 'phone.jpg' '$OUT' && ! grep -q 'forged\|withdrawn' '$OUT'"
