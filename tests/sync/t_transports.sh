# t_transports.sh - the same sync over git daemon (git://) and sshd
# (ssh://, key authentication), both started here on 127.0.0.1; the SSH
# host key is pinned on first use and a changed one is refused; a key the
# server does not accept fails after a bounded number of tries.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
mkdir -p "$T/srv"
central "$T/srv/central.git"

# git daemon
start_daemon "$T/srv" || not_ok "git daemon did not start"
url="git://127.0.0.1:$DAEMON_PORT/central.git"
device g1 G-1 "$url"
device g2 G-2 "$url"
on g1 enterprise add --code "$USCC1" --name 甲化工
i1=$(new_inspection g1 "$USCC1")
check "sync over git://" on g1 sync
check "another device over git://" on g2 sync
check "it has the inspection" on g2 inspection show "$i1"
on g2 enterprise add --code "$USCC2" --name 乙铸造
check "and sends its own" on g2 sync
check "which the first receives" on g1 sync
check "both hold the same tree" [ "$(tree_of g1)" = "$(tree_of g2)" ]

# sshd
start_sshd || not_ok "sshd did not start"
sshurl="ssh://$SSH_USER@127.0.0.1:$SSH_PORT$T/srv/central.git"
device s1 S-1 "$sshurl" "$T/id_ed25519"
check "sync over ssh:// with a key file" on s1 sync
out_has "arrived: 2 inspections\|arrived: 1 inspection" "records arrive over SSH"
check "the host key is pinned on first use" grep -q "pinned the host key of 127.0.0.1:$SSH_PORT" "$OUT"
check "and kept in the workspace" grep -q "^127.0.0.1:$SSH_PORT SHA256:" "$T/s1/known_hosts"
on s1 enterprise add --code "$USCC3" --name 丙冶炼
check "push over ssh://" on s1 sync
check "git daemon clients see it" on g1 sync
check "the enterprise arrived" sh -c "'$FC' -C '$T/g1' enterprise list | grep -q 丙冶炼"

# A new laptop starts from the central over SSH with its key file.
check "init --from ssh:// --key imports what the central holds" \
	"$FC" -C "$T/s3" init --name s3 --badge S-3 --dept 区应急管理局 --from "$sshurl" --key "$T/id_ed25519"
check "with the key kept for its syncs" sh -c "'$FC' -C '$T/s3' enterprise list | grep -q 丙冶炼"
check "which use it" on s3 sync
expect_usage() { "$FC" -C "$T/s4" init --name s4 --badge S-4 --dept 区应急管理局 --key "$T/id_ed25519" 2>"$ERR"; }
expect_usage; rc=$?
check "--key without --from is a usage error (exit $rc)" [ "$rc" -eq 2 ]
check "saying so" grep -q -- "--key goes with --from" "$ERR"
check "and makes no workspace" [ ! -e "$T/s4" ]
"$FC" -C "$T/s5" init --name s5 --badge S-5 --dept 区应急管理局 --from "$sshurl" --key "$T/nokey" 2>"$ERR"; rc=$?
check "a key file that is not there is refused before anything is made (exit $rc)" [ "$rc" -eq 2 ]
check "naming it" grep -q "cannot read the SSH key $T/nokey" "$ERR"
check "and no workspace is made" [ ! -e "$T/s5" ]
on s1 remote add spare "$sshurl" --key "$T/nokey"; rc=$?
check "remote add refuses it too (exit $rc)" [ "$rc" -eq 2 ]
check "storing nothing" sh -c "! grep -q spare '$T/s1/replica.git/config'"
(cd "$T" && "$FC" -C s1 remote add spare "$sshurl" --key id_ed25519 >/dev/null)
check "a key named relative to where the command runs is kept as an absolute path" \
	[ "$(git --git-dir="$T/s1/replica.git" config remote.spare.sshkey)" = "$(cd "$T" && pwd -P)/id_ed25519" ]
check "so a sync from anywhere finds it" on s1 sync spare

# A key the server does not know: refused, after a bounded number of tries.
ssh-keygen -q -t ed25519 -N '' -f "$T/stranger"
device s2 S-2 "$sshurl" "$T/stranger"
on s2 sync; rc=$?
check "an unknown key is refused (exit $rc)" [ "$rc" -eq 1 ]
check "with a message about the key" grep -qi "key\|authenticat" "$ERR"

# The server is re-keyed: the pinned key no longer matches.
kill $(cat "$T/ssh/sshd.pid") 2>/dev/null; sleep 0.3
rm -f "$T/ssh/host_ed25519" "$T/ssh/host_ed25519.pub"
old_port=$SSH_PORT
start_sshd
sed -i "s/:$old_port\b/:$SSH_PORT/" "$T/s1/known_hosts"
"$FC" -C "$T/s1" remote add moved "ssh://$SSH_USER@127.0.0.1:$SSH_PORT$T/srv/central.git" --key "$T/id_ed25519" >/dev/null
on s1 sync moved; rc=$?
check "a changed host key is refused (exit $rc)" [ "$rc" -eq 1 ]
check "naming both fingerprints" grep -q "has changed: it was SHA256:.* and is now SHA256:" "$ERR"

# Unreachable: nothing listens there.
"$FC" -C "$T/g1" remote add nowhere "git://127.0.0.1:$(free_port)/central.git" >/dev/null
on g1 sync nowhere; rc=$?
check "an unreachable remote fails (exit $rc)" [ "$rc" -eq 1 ]
check "saying it cannot reach it" grep -q "cannot fetch from nowhere" "$ERR"

# IPv6: an sshd on [::1] beside the one on 127.0.0.1, the same keys.  The
# host key is pinned under the port of the URL, not split inside the
# brackets (it was pinned as "::1:22").
P6=$(free_port)
sed "s/^Port .*/Port $P6/; s/^ListenAddress .*/ListenAddress ::1/; s|^PidFile .*|PidFile $T/ssh/sshd6.pid|" \
	"$T/ssh/sshd_config" >"$T/ssh/sshd6_config"
/usr/sbin/sshd -D -e -f "$T/ssh/sshd6_config" 2>"$T/ssh/sshd6.log" &
STOP="$STOP $!"
for _ in $(seq 100); do (exec 3<>"/dev/tcp/::1/$P6") 2>/dev/null && break; sleep 0.1; done
if (exec 3<>"/dev/tcp/::1/$P6") 2>/dev/null; then
	device s6 S-6 "ssh://$SSH_USER@[::1]:$P6$T/srv/central.git" "$T/id_ed25519"
	check "sync over ssh:// to [::1]" on s6 sync
	check "the host key is pinned under [::1] and its port" \
		grep -q "pinned the host key of \[::1\]:$P6 on first use: SHA256:" "$OUT"
	check "and kept so in the workspace" grep -q "^\[::1\]:$P6 SHA256:" "$T/s6/known_hosts"
	check "a second sync checks it" on s6 sync
	check "pinning nothing new" [ "$(grep -c . "$T/s6/known_hosts")" -eq 1 ]
else
	not_ok "sshd did not listen on [::1]:$P6 (see $T/ssh/sshd6.log)"
fi
