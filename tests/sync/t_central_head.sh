# t_central_head.sh - a central made with plain `git init --bare` has HEAD on
# master, a branch fieldcheck never writes, so `git log` there looked empty
# after our pushes to main.  On a path, an unborn HEAD is pointed at main
# and the sync says so; over git:// it cannot be, and the sync says so with
# the command to run on the server; a HEAD already on main is left alone
# and nothing is said.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"

# A central on a path, made as git's default would (HEAD on master).
git init -q --bare --initial-branch=master "$T/plain.git"
device a ZJ-0001 "$T/plain.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
check "the first sync to a plain central succeeds" on a sync
check "its HEAD now names main" \
	[ "$(git --git-dir="$T/plain.git" symbolic-ref HEAD)" = refs/heads/main ]
check "so plain git log shows our commit" \
	sh -c "git --git-dir='$T/plain.git' log --format=%an | grep -q '^a\$'"
check "and plain git clone has the record" sh -c \
	"git clone -q '$T/plain.git' '$T/clone' 2>/dev/null && [ -f '$T/clone/enterprises/$USCC1.json' ]"
check "naming the old branch" grep -q "HEAD named refs/heads/master" "$OUT" "$ERR"
on a sync
check "a second sync says nothing of HEAD" lacks "HEAD" "$OUT"

# A central on a path whose HEAD is main already: nothing said.
central "$T/main.git"
device b ZJ-0002 "$T/main.git"
"$FC" -C "$T/b" enterprise add --code "$USCC2" --name 乙化工 >/dev/null
on b sync
check "a central made with main: nothing is said of HEAD" lacks "HEAD" "$OUT"

# Over git://: the sync cannot change the server's HEAD, it says how to.
mkdir "$T/srv"
git init -q --bare --initial-branch=master "$T/srv/net.git"
start_daemon "$T/srv" || not_ok "git daemon starts"
device c ZJ-0003 "git://127.0.0.1:$DAEMON_PORT/net.git"
"$FC" -C "$T/c" enterprise add --code "$USCC3" --name 丙化工 >/dev/null
on c sync || not_ok "the sync over git:// succeeds"
on c sync
check "over git:// the sync says HEAD does not name main" \
	grep -q "origin: its HEAD does not name main" "$OUT" "$ERR"
check "with the command to run on the server" \
	grep -q "run 'git symbolic-ref HEAD refs/heads/main'" "$OUT" "$ERR"
git --git-dir="$T/srv/net.git" symbolic-ref HEAD refs/heads/main
on c sync
check "once fixed on the server, nothing is said" lacks "HEAD" "$OUT"
