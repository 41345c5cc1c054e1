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
# Someone pushes between our fetch and our push: once $T/arm exists, the
# daemon's next upload-pack moves the central's main to two.git's when its
# pack is made (uploadpack.packObjectsHook, taken from the command line's
# config, which GIT_CONFIG_COUNT is).
cat >"$T/pack_hook" <<HOOK
#!/bin/sh
"\$@" || exit
if rm "$T/arm" 2>/dev/null; then
	git --git-dir="$C" fetch -q "$T/srv/two.git" main:main >&2
fi
HOOK
chmod 755 "$T/pack_hook"
export GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_1=uploadpack.packObjectsHook GIT_CONFIG_VALUE_1="$T/pack_hook"
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

# Someone pushed first.  s sends a record b will fetch; a sends another
# to two.git, a copy of the central, which the daemon's upload-pack puts
# on the central's main as b fetches (b's fetch sees s's commit, b's push
# a's): b's push sends nothing, then fetches, merges and sends once.
new_inspection s "$USCC1" >/dev/null 2>&1
on s sync
cp -r "$C" "$T/srv/two.git" # owned by us, not the SSH user: upload-pack serves it to the hooks
"$FC" -C "$T/a" remote add two "$T/srv/two.git" >/dev/null
new_inspection a "$USCC1" >/dev/null 2>&1
on a sync two
moved_to=$(git --git-dir="$T/srv/two.git" rev-parse main)
packs_now >"$T/before"
touch "$T/arm"
new_inspection b "$USCC1" >/dev/null 2>&1
check "a sync while another device pushes first" on b sync
check "the other push came between b's fetch and push" [ ! -e "$T/arm" ]
check "the central has both" git --git-dir="$C" merge-base --is-ancestor "$moved_to" main
packs_now >"$T/after"
check "b sent one pack, after its merge" [ "$(comm -13 "$T/before" "$T/after" | grep -c .)" -eq 1 ]
on a sync
on s sync
on b sync
check "and the devices the same tree" [ "$(tree_of a)$(tree_of s)" = "$(tree_of b)$(tree_of b)" ]

# Someone pushed first, as receive-pack runs: a pre-receive hook moves
# main under it, so its update fails ("failed to update ref"), and b
# fetches, merges and sends again.
new_inspection a "$USCC1" >/dev/null 2>&1
on a sync two
moved_to=$(git --git-dir="$T/srv/two.git" rev-parse main)
cat >"$C/hooks/pre-receive" <<HOOK
#!/bin/sh
if rm "$T/arm" 2>/dev/null; then
	env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES \
		git --git-dir="$C" fetch -q "$T/srv/two.git" main:main >&2
fi
HOOK
chmod 755 "$C/hooks/pre-receive"
touch "$T/arm"
new_inspection b "$USCC1" >/dev/null 2>&1
check "a sync whose update receive-pack refuses as stale" on b sync
check "the hook ran" [ ! -e "$T/arm" ]
check "the central has both again" git --git-dir="$C" merge-base --is-ancestor "$moved_to" main
rm -f "$C/hooks/pre-receive"

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

# A git daemon that does not take pushes: the fetch works, the push says why.
rm -f "$C/hooks/pre-receive"
P2=$(free_port)
git daemon --reuseaddr --base-path="$T/srv" --export-all --listen=127.0.0.1 --port="$P2" \
	"$T/srv" 2>"$T/daemon2.log" &
STOP="$STOP $!"
wait_port "$P2"
"$FC" -C "$T/b" remote add ro "git://127.0.0.1:$P2/central.git" >/dev/null
new_inspection b "$USCC1" >/dev/null 2>&1
on b sync ro; rc=$?
check "a push to a daemon without receive-pack fails (exit $rc)" [ "$rc" -eq 1 ]
check "with the daemon's reason" grep -q "cannot push to ro .*: the server refused: access denied" "$ERR"
