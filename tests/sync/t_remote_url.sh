# t_remote_url.sh - a password in a remote's URL is refused when the remote
# is added (remote add, init --from), before anything is stored or any
# connection made, and masked wherever a URL is shown (a config edited by
# hand).  Only 127.0.0.1, on a port where nothing listens.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
PORT=$(free_port)
pw="https://clerk:s3cret@127.0.0.1:$PORT/central.git"
device a ZJ-0001 "$T/central.git"

on a remote add backup "$pw"; rc=$?
check "remote add refuses a URL with a password (exit $rc)" [ "$rc" -eq 2 ]
check "pointing to SSH keys" grep -q "holds a password.*--key" "$ERR"
check "showing the URL masked" grep -q "https://clerk:\*\*\*@127.0.0.1:$PORT/central.git" "$ERR"
check "never the password" lacks s3cret "$ERR"
check "storing nothing" sh -c "! grep -rq -e s3cret -e backup '$T/a/replica.git/config'"
on a remote add backup "ssh://fc:pw@127.0.0.1:$PORT/central.git" --key "$T/none"
check "an ssh:// URL with a password too" grep -q "holds a password" "$ERR"
on a remote add backup "fc:pw@127.0.0.1:central.git"
check "and an scp-like one" grep -q "holds a password" "$ERR"
on a remote add backup "ssh://fc@127.0.0.1:$PORT/central.git"
check "a URL with a user and no password is added" [ -z "$(cat "$ERR")" ]

"$FC" -C "$T/b" init --name b --badge JT-0042 --dept 区应急管理局 --from "$pw" >"$OUT" 2>"$ERR"; rc=$?
check "init --from refuses it too (exit $rc)" [ "$rc" -eq 2 ]
check "before the workspace is made" [ ! -e "$T/b" ]
check "saying why, password masked" sh -c "grep -q 'holds a password' '$ERR' && ! grep -q s3cret '$OUT' '$ERR'"

# A config edited by hand: the password stays out of what is printed.
git --git-dir="$T/a/replica.git" config remote.hand.url "$pw"
on a remote list
check "remote list masks the password" grep -q "hand .*https://clerk:\*\*\*@127.0.0.1:$PORT/central.git" "$OUT"
check "and never shows it" lacks s3cret "$OUT"
on a remote list --format json
check "in every format" sh -c "grep -q 'clerk:\*\*\*@' '$OUT' && ! grep -q s3cret '$OUT'"
on a sync hand; rc=$?
check "a fetch from it fails (exit $rc)" [ "$rc" -eq 1 ]
check "naming the URL masked" grep -q "cannot fetch from hand (https://clerk:\*\*\*@127.0.0.1:$PORT/central.git)" "$ERR"
check "never the password" sh -c "! grep -q s3cret '$OUT' '$ERR'"
