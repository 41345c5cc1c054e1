# t_full_disk.sh - a sync whose commit fails on a full disk says how many
# changed records still wait (it said "0 commits waiting" while hundreds
# of records were not yet exported), loses none, and the next sync with
# room again commits and sends them all.  The full disk is a small tmpfs,
# which needs root (as in CI).
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
if [ "$(id -u)" != 0 ]; then
	skip "a sync on a full disk loses nothing" "mounting a tmpfs needs root"
	exit 0
elif ! { mkdir -p "$T/small" && mount -t tmpfs -o size=2m tmpfs "$T/small"; }; then
	not_ok "a 2m tmpfs is mounted for the full-disk case" # as root, a failure
	exit 1
fi
trap 'umount "$T/small" 2>/dev/null; cleanup_servers' EXIT
central "$T/central.git"
SW=$T/small/ws
"$FC" -C "$SW" init --name 张三 --badge ZJ-0001 --dept 应急 >/dev/null
"$FC" -C "$SW" remote add origin "$T/central.git"
"$FC" -C "$SW" enterprise add --code "$USCC1" --name 甲厂 >/dev/null
id=$("$FC" -C "$SW" inspection new --form six-ones --enterprise "$USCC1")
"$FC" -C "$SW" sync >/dev/null || not_ok "first sync"

# 100 hazards of 3.9 KB of text that does not compress: about 390 KiB of
# records to commit, where 128 KiB will be left.
for i in $(seq 100); do
	d=$(head -c 3000 /dev/urandom | base64 -w0 | head -c 3900)
	"$FC" -C "$SW" hazard add --inspection "$id" --description "$d" --days 10 >/dev/null ||
		{ not_ok "hazard $i"; break; }
done
waiting=$(sqlite3 "$SW/store.db" "SELECT count(*) FROM outbox")
check "the store has $waiting changed records to commit" [ "$waiting" -ge 100 ]
rm -f "$T/small/fill"
dd if=/dev/zero of="$T/small/fill" bs=1k count=$(( $(df -k "$T/small" | awk 'NR==2{print $4}') - 128 )) 2>/dev/null
check "128 KiB are left" [ "$(df -k "$T/small" | awk 'NR==2{print $4}')" -le 128 ]

on small/ws sync; rc=$?
check "on a full disk the sync fails (exit $rc)" [ "$rc" -eq 1 ]
check "saying the $waiting records still wait" \
	grep -q "^fieldcheck: $waiting changed records not yet committed$" "$ERR"
check "none is lost" [ "$(sqlite3 "$SW/store.db" "SELECT count(*) FROM outbox")" = "$waiting" ]
check "central has none of them" \
	[ -z "$(git --git-dir="$T/central.git" ls-tree -r --name-only main hazards/ 2>/dev/null)" ]

rm -f "$T/small/fill"
on small/ws sync; rc=$?
check "with room again the sync works (exit $rc)" [ "$rc" -eq 0 ]
out_has "^committed $waiting changed records$" "committing all $waiting"
check "and sending them" [ "$(git --git-dir="$T/central.git" ls-tree -r --name-only main hazards/ | wc -l)" -eq 100 ]
umount "$T/small"
