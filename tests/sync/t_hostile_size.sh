# t_hostile_size.sh - centrals built to cost memory, time and disk: a
# 256 MiB blob at a record's path, one 2 MiB blob at ten paths, two thousand
# tiny refused files, a record of a hundred thousand keys, a huge loose
# object.  Each is refused naming the path and the size, within a bound on
# memory (a real one: ulimit -v), the quarantine keeps one copy per object
# within its bounds and says what it left out, and good records arrive.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/base.git"
device a ZJ-0001 "$T/base.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
"$FC" -C "$T/a" sync >/dev/null || not_ok "first sync"

uuid() { printf 'ab%06x-0000-4000-8000-%012x' "$1" "$1"; }
hpath() { echo "hazards/ab/$(uuid "$1").json"; }

# hostile NAME: $T/NAME.git, a copy of the central, and $G set to it; then
# add_entry BLOB PATH..., commit_central to commit them on main (with a good
# enterprise that must arrive) and pack the central.
hostile() {
	G=$T/$1.git
	cp -r "$T/base.git" "$G"
	export GIT_INDEX_FILE=$G/tmpidx
	git --git-dir="$G" read-tree main
}
add_entry() { b=$1; shift; for p; do printf '100644 %s\t%s\n' "$b" "$p"; done |
	git --git-dir="$G" update-index --add --index-info; }
commit_central() {
	good=$(git --git-dir="$G" show "main:enterprises/$USCC1.json" |
		sed "s/$USCC1/$USCC2/; s/甲化工/乙化工/" | git --git-dir="$G" hash-object -w --stdin)
	add_entry "$good" "enterprises/$USCC2.json"
	tree=$(git --git-dir="$G" write-tree)
	c=$(git --git-dir="$G" -c user.name=mallory -c user.email=m@x commit-tree "$tree" -p main -m hostile)
	git --git-dir="$G" update-ref refs/heads/main "$c"
	rm -f "$G/tmpidx"
	unset GIT_INDEX_FILE
	[ "${1:-}" = loose ] || git --git-dir="$G" -c core.bigFileThreshold=1m repack -adq
}

# pull_from NAME: a new device NAME whose first sync is with $T/NAME.git,
# with at most 128 MiB of address space (one malloc arena: a thread's own
# would reserve 64 MiB of it untouched).  AddressSanitizer reserves far
# more: there, no limit.  init_from NAME: the same through init --from.
LIMIT=131072
ldd "$FC" 2>/dev/null | grep -q libasan && LIMIT=unlimited
limited() { (ulimit -v "$LIMIT"; MALLOC_ARENA_MAX=1 exec "$FC" "$@") >"$OUT" 2>"$ERR"; }
pull_from() { device "$1" JT-0042 "$T/$1.git" && limited -C "$T/$1" sync; }
init_from() { limited -C "$T/$1" init --name "$1" --badge JT-0042 --dept x --from "$T/$2.git"; }
q() { grep -q "quarantined: commit [0-9a-f]*, \"$1\": $2" "$ERR" || { echo "# missing: $1: $2"; return 1; }; }
arrived() { "$FC" -C "$T/$1" enterprise list | grep -q 乙化工; }
files() { ls "$T/$1/quarantine" | grep -vc '^log'; }

# 1. 256 MiB of zeros (256 KiB packed) at a record's path: refused from the
#    object's header, never inflated (it would not fit in the limit).
hostile big
big=$(head -c 256M /dev/zero | git --git-dir="$G" hash-object -w --stdin)
add_entry "$big" "$(hpath 1)"
commit_central
pull_from big; rc=$?
check "a 256 MiB blob: the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
check "it is refused, naming path and size" q "$(hpath 1)" "\"$(hpath 1)\" is 268435456 bytes, more than a record may be (at most 1048576)"
check "its bytes are not kept" grep -q "bytes not kept: 268435456 bytes, over 4 MiB" "$T/big/quarantine/log"
check "the good record arrived" arrived big

# 2. One 2 MiB blob at ten record paths: judged once, kept once.
hostile ten
ten=$(head -c 2M /dev/zero | tr '\0' a | git --git-dir="$G" hash-object -w --stdin)
add_entry "$ten" $(for i in $(seq 10); do hpath "$i"; done)
commit_central
pull_from ten; rc=$?
check "one blob at ten paths: the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
check "the first path is refused for its size" q "$(hpath 1)" "\"$(hpath 1)\" is 2097152 bytes, more than a record may be"
check "the others as the same bytes, not read again" \
	[ "$(grep -c ': hazards/ab/[^ ]*\.json: the same bytes were refused before: "hazards/ab/ab000001' "$ERR")" -eq 9 ]
check "every path is named once" [ "$(grep -c '^quarantined: ' "$ERR")" -eq 10 ]
check "quarantine holds one copy, named by the object" \
	[ "$(files ten)" -eq 1 ] && [ "$(stat -c %s "$T/ten/quarantine/$ten")" -eq 2097152 ]
check "each line says where the bytes are" [ "$(grep -c "\[bytes in quarantine/$ten\]" "$T/ten/quarantine/log")" -eq 10 ]
check "the good record arrived" arrived ten

# 3. Two thousand tiny refused files: at most 1000 files kept, 100 lines
#    listed, and a line on the rest, in the report and in the log.
hostile many
python3 - "$G" <<'PY'
import subprocess, sys
p = subprocess.Popen(["git", "--git-dir=" + sys.argv[1], "hash-object", "-w", "--stdin-paths"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=sys.argv[1])
import os
os.makedirs(sys.argv[1] + "/tiny", exist_ok=True)
names = []
for i in range(2000):
    f = "tiny/%d" % i
    open(sys.argv[1] + "/" + f, "w").write("x%d\n" % i)
    names.append(f)
out, _ = p.communicate("\n".join(names).encode() + b"\n")
with open(sys.argv[1] + "/ids", "w") as fp:
    for i, b in enumerate(out.decode().split()):
        u = "ab%06x-0000-4000-8000-%012x" % (i + 1, i + 1)
        fp.write("100644 %s\thazards/ab/%s.json\n" % (b, u))
PY
git --git-dir="$G" update-index --add --index-info <"$G/ids"
rm -rf "$G/tiny" "$G/ids"
commit_central
init_from many_init many
check "init --from counts every refused path" grep -q "2000 files quarantined" "$ERR"
pull_from many; rc=$?
check "2000 refused files: the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
check "quarantine keeps at most 1000 files" [ "$(files many)" -eq 1000 ]
check "the report lists 100 and sums up the rest" \
	grep -q "^quarantined: 1900 more refused paths not listed (the first 100 are); the bytes of 1000 refused paths not kept (quarantine/ keeps files up to 4 MiB, at most 64 MiB in 1000 files)" "$ERR"
check "so does the log, in 101 lines" sh -c "[ \$(wc -l <'$T/many/quarantine/log') -eq 101 ] && tail -n 1 '$T/many/quarantine/log' | grep -q '1900 more refused paths not listed'"
check "the good record arrived" arrived many

# 4. A quarantine already holding 64 MiB keeps nothing more, and says so.
hostile full
small=$(echo 'not a record' | git --git-dir="$G" hash-object -w --stdin)
add_entry "$small" "$(hpath 1)"
commit_central
mkdir -p "$T/full/quarantine" && truncate -s 64M "$T/full/quarantine/earlier"
pull_from full
check "a full quarantine: the refusal is listed" q "$(hpath 1)" ".*expected a value \[bytes not kept: quarantine/ is full\]"
check "and nothing more is kept" [ "$(files full)" -eq 1 ]

# 5. A 1 MiB record of ~96 000 keys: refused at the 16th.
hostile keys
keys=$(python3 -c '
import sys
s = "{\"format\": \"fieldcheck/hazard/1\""
parts = [s]; n = len(s); i = 0
while n < 1024 * 1024 - 32:
    k = ",\"k%d\":0" % i; parts.append(k); n += len(k); i += 1
sys.stdout.write("".join(parts) + "}\n")' | git --git-dir="$G" hash-object -w --stdin)
add_entry "$keys" "$(hpath 1)"
commit_central
pull_from keys
check "a record of 96 000 keys is refused at once" q "$(hpath 1)" "$(hpath 1):1:[0-9]*: more than 24 keys in one object; no record holds that many"
check "the good record arrived" arrived keys

# 6. A loose 256 MiB object in a central on a path is left behind by the
#    fetch, not read whole: the path naming it is refused.
hostile loose
big=$(head -c 256M /dev/zero | git --git-dir="$G" hash-object -w --stdin)
add_entry "$big" "$(hpath 1)"
commit_central loose
pull_from loose; rc=$?
check "a loose 256 MiB object: the sync goes on (exit $rc)" [ "$rc" -eq 0 ]
check "it was not fetched, and its path is refused" q "$(hpath 1)" "\"$(hpath 1)\": its bytes were not fetched"
check "the good record arrived" arrived loose
check "it pushed, and verify passes" sh -c "grep -q 'sent to 1 remote' '$OUT' && '$FC' -C '$T/loose' verify >/dev/null"
check "the central stays fsck clean" git --git-dir="$T/loose.git" fsck --strict --no-dangling
