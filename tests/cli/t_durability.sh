# t_durability.sh - a full disk and a killed process lose nothing that was
# acknowledged and leave the store sound.
. "$FIELDCHECK_TOP/tests/lib.sh"

dump() { sqlite3 "$1/store.db" .dump | sha256sum | cut -d' ' -f1; }

# 1. A really full disk: a small tmpfs (needs root, as in CI).
# As root a mount that fails is a failure, not a reason to skip.
if [ "$(id -u)" != 0 ]; then
	skip "a full disk fails the command and leaves the store as it was" "mounting a tmpfs needs root"
elif ! { mkdir -p "$T/small" && mount -t tmpfs -o size=600k tmpfs "$T/small"; }; then
	not_ok "a 600k tmpfs is mounted for the full-disk case"
else
	trap 'umount "$T/small" 2>/dev/null; rm -rf "$T"' EXIT
	SW=$T/small/ws
	"$FC" -C "$SW" init --name 张三 --badge ZJ-0001 --dept 应急 >/dev/null
	"$FC" -C "$SW" enterprise add --code "$USCC1" --name 甲厂 >/dev/null
	before=$(dump "$SW")
	# Fill the file system, leaving a few KiB.
	dd if=/dev/zero of="$T/small/fill" bs=4k 2>/dev/null
	rm -f "$T/small/fill"; dd if=/dev/zero of="$T/small/fill" bs=1k count=$(( $(df -k "$T/small" | awk 'NR==2{print $4}') - 6 )) 2>/dev/null
	"$FC" -C "$SW" enterprise add --code "$USCC2" --name 乙厂 --address "$(printf '%0390d' 0)" >"$OUT" 2>"$ERR"
	rc=$?
	check "on a full disk the command fails (exit $rc)" [ "$rc" -eq 1 ]
	check "and says why" grep -q "is the disk full or failing" "$ERR"
	rm -f "$T/small/fill"
	check "the store is unchanged" [ "$(dump "$SW")" = "$before" ]
	check "and passes its integrity check" [ "$(sqlite3 "$SW/store.db" 'PRAGMA integrity_check')" = ok ]
	"$FC" -C "$SW" enterprise add --code "$USCC2" --name 乙厂 >"$OUT" 2>"$ERR"
	check "with space again the same command works" [ $? -eq 0 ]
	umount "$T/small"
fi

# 2. A file-size limit (any user): starting an inspection keeps the form's
# text in the store, a write larger than the limit allows.
init_ws
fc enterprise add --code "$USCC1" --name 甲厂
before=$(dump "$WS")
( ulimit -f 16; "$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1" ) >"$OUT" 2>"$ERR"
rc=$?
check "past the file-size limit the command fails (exit $rc)" [ "$rc" -eq 1 ]
check "with a message naming the store" grep -q "cannot write $WS/store.db" "$ERR"
check "the store is unchanged" [ "$(dump "$WS")" = "$before" ]
check "and sound" [ "$(sql 'PRAGMA integrity_check')" = ok ]
check "no half-made inspection" [ "$(sql 'SELECT count(*) FROM inspections')" = 0 ]

# 3. SIGKILL in the middle of a burst of writes: every acknowledged write stays.
id=$("$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1")
hz=$("$FC" -C "$WS" hazard add --inspection "$id" --description 演练 --days 10)
lost=0 acked=0
for trial in 1 2 3 4 5 6; do
	: >"$T/ack"
	# Its own process group, so one kill takes the loop and its fieldcheck.
	setsid bash -c 'i=0; while :; do i=$((i + 1));
		"$1" -C "$2" hazard event "$3" comment --note "$4-$i" >/dev/null 2>&1 &&
			echo "$4-$i" >>"$5"; done' burst "$FC" "$WS" "$hz" "t$trial" "$T/ack" &
	burst=$!
	sleep "0.$((RANDOM % 9 + 1))"
	kill -KILL -- "-$burst" 2>/dev/null
	wait "$burst" 2>/dev/null
	"$FC" -C "$WS" hazard show "$hz" --format json >"$OUT" 2>"$ERR" || { not_ok "reading after kill $trial"; continue; }
	while read -r n; do
		acked=$((acked + 1))
		grep -q "\"note\": \"$n\"" "$OUT" || { lost=$((lost + 1)); echo "# lost $n"; }
	done <"$T/ack"
done
check "no acknowledged write lost in 6 kills ($acked acknowledged)" [ "$lost" -eq 0 -a "$acked" -gt 0 ]
check "the store passes its integrity check after the kills" [ "$(sql 'PRAGMA integrity_check')" = ok ]
expect_exit 0 "and takes writes again" hazard event "$hz" comment --note after
