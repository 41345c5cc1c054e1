# t_kill.sh - SIGKILL at random moments of a sync, 50 times: afterwards
# verify passes, no acknowledged record is lost, the next sync completes.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
: >"$T/acked"
bad_verify=0 bad_sync=0
for trial in $(seq 50); do
	# A new record, acknowledged once the command returns.
	"$FC" -C "$T/a" inspection new --form six-ones --enterprise "$USCC1" >>"$T/acked" ||
		not_ok "trial $trial: new inspection"
	"$FC" -C "$T/a" sync >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	"$FC" -C "$T/a" verify >"$OUT" 2>"$ERR" || { bad_verify=$((bad_verify + 1)); show_output; }
done
check "verify passed after each of 50 kills ($bad_verify failed)" [ "$bad_verify" -eq 0 ]
check "the next sync completes" on a sync
git --git-dir="$T/central.git" ls-tree -r --name-only main | grep '^inspections/' |
	sed 's|.*/||; s|\.json$||' | sort >"$T/central"
lost=$(sort "$T/acked" | comm -23 - "$T/central" | wc -l)
check "no acknowledged record lost ($(wc -l <"$T/acked") acknowledged, $lost missing)" [ "$lost" -eq 0 ]
check "central passes git fsck" git --git-dir="$T/central.git" fsck --no-progress
find "$T/a/replica.git" -name '*.lock' -o -name 'pack_git2_*' >"$T/locks"
sed 's/^/# left: /' "$T/locks"
check "nothing a killed process left stays in the replica" [ ! -s "$T/locks" ]
check "no ref lock stays in central" [ ! -e "$T/central.git/refs/heads/main.lock" ]
