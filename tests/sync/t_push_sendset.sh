# t_push_sendset.sh - a push over git:// and ssh:// sends the objects the
# central lacks and nothing more (sync/rppush.c sends sync/sendset.c's set,
# not libgit2's walk of the central's whole tree): the central keeps each
# pack it receives (receive.unpackLimit=1), whose objects are counted
# against `git rev-list --objects OLD..NEW`.  A hook's refusal still
# reaches the user with what the hook said (t_concurrent.sh races pushes).
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
mkdir -p "$T/srv"
central "$T/srv/central.git"
C="$T/srv/central.git"
git --git-dir="$C" config receive.unpackLimit 1
start_daemon "$T/srv" || not_ok "git daemon did not start"
url="git://127.0.0.1:$DAEMON_PORT/central.git"

device a A-1 "$url"
on a enterprise add --code "$USCC1" --name 甲化工
for _ in $(seq 300); do new_inspection a "$USCC1" >/dev/null 2>&1; done
check "300 inspections go over git://" on a sync
total=$(git --git-dir="$C" rev-list --objects main | wc -l)
device b B-1 "$url"
check "another device pulls them" on b sync

# packs_now: the central's pack indexes, one per line
packs_now() { ls "$C"/objects/pack/*.idx 2>/dev/null | sort; }
# sent_by NAME WHAT: device NAME syncs one new inspection; the objects of
# the one pack the central received, against what it lacked.
sent_by() {
	packs_now >"$T/before"
	old=$(git --git-dir="$C" rev-parse main)
	new_inspection "$1" "$USCC1" >/dev/null 2>&1
	check "$2: a sync of one inspection" on "$1" sync
	packs_now >"$T/after"
	new=$(git --git-dir="$C" rev-parse main)
	idx=$(comm -13 "$T/before" "$T/after")
	check "$2: the central received one pack" [ "$(printf '%s\n' "$idx" | grep -c .)" -eq 1 ]
	sent=$(git show-index <"$idx" | wc -l)
	lacked=$(git --git-dir="$C" rev-list --objects "$old..$new" | wc -l)
	check "$2: it holds the $lacked objects the central lacked ($sent)" [ "$sent" -eq "$lacked" ]
	check "$2: a handful of the central's $total" [ "$sent" -lt 30 ]
	check "$2: the central stays fsck-clean" git --git-dir="$C" fsck --no-progress
}
sent_by b "git://"

start_sshd || not_ok "sshd did not start"
device s S-1 "ssh://$SSH_USER@127.0.0.1:$SSH_PORT$C" "$T/id_ed25519"
check "a device over ssh:// pulls" on s sync
sent_by s "ssh://"

# Both devices' records meet on the central.
new_inspection a "$USCC1" >/dev/null 2>&1
on a sync
new_inspection b "$USCC1" >/dev/null 2>&1
check "a sync after another device's" on b sync
on a sync
check "and both devices the same tree" [ "$(tree_of a)" = "$(tree_of b)" ]

# A hook's refusal reaches the user, with the hook's words.
cat >"$C/hooks/pre-receive" <<'HOOK'
#!/bin/sh
echo "the central is closed for the audit" >&2
exit 1
HOOK
chmod 755 "$C/hooks/pre-receive"
before=$(git --git-dir="$C" rev-parse main)
new_inspection b "$USCC1" >/dev/null 2>&1
on b sync; rc=$?
check "a push the hook refuses fails (exit $rc)" [ "$rc" -eq 1 ]
check "saying the central refused it" grep -q "origin refused the push (pre-receive hook declined)" "$ERR"
check "with what the hook said" grep -q "the central is closed for the audit" "$ERR"
new_inspection s "$USCC1" >/dev/null 2>&1
on s sync; rc=$?
check "over ssh:// too (exit $rc)" sh -c "[ $rc -eq 1 ] && grep -q 'the central is closed for the audit' '$ERR'"
check "the central's main did not move" [ "$(git --git-dir="$C" rev-parse main)" = "$before" ]
