# t_format2.sh - format 2 of the sync (docs/ARCHITECTURE.md, "Format 2"):
# a new central starts in it; a central in format 1 (the fixture, made by
# the fieldcheck before it) moves in one signed commit that git sees as
# renames; two devices moving it at once end with one tree; a device with
# records committed in format 1 meets a central moved by another; hostile
# trees (a hazard at its hex path or in the wrong month in format 2, FORMAT
# 3, FORMAT a folder, FORMAT with more bytes) are refused, saying why.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
FIX="$FIELDCHECK_TOP/tests/sync/fixtures"
for k in sv a b; do cp "$FIX/k_$k" "$FIX/k_$k.pub" "$T/" && chmod 600 "$T/k_$k"; done
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }
g() { c=$1; shift; git --git-dir="$T/$c" "$@"; }
tree_of() { git --git-dir="$1" rev-parse "main^{tree}"; }
# from NAME BADGE KEY CENTRAL: a device initialized from the central.
from() {
	"$FC" -C "$T/$1" init --name "$1" --badge "$2" --dept 区应急管理局 --sign-key "$T/$3" \
		--from "$T/$4" --roster-key "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
}
fixture() { # a bundle names no HEAD: main is the central's
	git clone -q --bare "$FIX/format1.bundle" "$T/$1" && g "$1" symbolic-ref HEAD refs/heads/main
}
hazards() { g "$1" ls-tree -r --name-only main hazards/; }
month_paths() { hazards "$1" | grep -Ecx 'hazards/20[0-9]{2}/[01][0-9]/[0-9a-f-]{36}\.json'; }
hex_paths() { hazards "$1" | grep -Ecx 'hazards/[0-9a-f]{2}/[0-9a-f-]{36}\.json'; }

# A new central starts in format 2.
central "$T/fresh.git"
device n ZJ-0101 "$T/fresh.git"
"$FC" -C "$T/n" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
i=$(new_inspection n "$USCC1")
"$FC" -C "$T/n" inspection answer "$i" safety_office fail --note 无专职人员 >/dev/null
on n sync
check "a new central's main says format 2" [ "$(g fresh.git show main:FORMAT)" = "fieldcheck 2" ]
check "its hazard is kept by the month it was found" [ "$(month_paths fresh.git)/$(hex_paths fresh.git)" = 1/0 ]
check "and its first commit has the marker" sh -c \
	"git --git-dir='$T/fresh.git' ls-tree --name-only \$(git --git-dir='$T/fresh.git' rev-list --max-parents=0 main) | grep -qx FORMAT"
old=$(hazards fresh.git)
"$FC" -C "$T/n" hazard add --inspection "$i" --item safety_office --description 无安全办公室 \
	--days 30 --replace >/dev/null
on n sync
check "a hazard replaced in a draft leaves its month path" sh -c \
	"[ $(month_paths fresh.git) = 1 ] && ! git --git-dir='$T/fresh.git' ls-tree -r --name-only main | grep -qx '$old'"

# A central whose first commit founds the roster starts in format 2 too.
central "$T/founded.git"
"$FC" -C "$T/f" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/f" remote add origin "$T/founded.git"
on f roster found
check "a central founded by its roster says format 2" [ "$(g founded.git show main:FORMAT)" = "fieldcheck 2" ]

# The fixture: a central in format 1 with four hazards of three months.
fixture c1.git
before=$(g c1.git rev-parse main)
check "the fixture is in format 1 (4 hazards by hex, no FORMAT)" \
	sh -c "[ \"\$(git --git-dir='$T/c1.git' ls-tree --name-only main FORMAT)\" = '' ] && [ $(hex_paths c1.git) = 4 ]"
from b ZJ-0002 k_b c1.git
check "init from a central in format 1 moves nothing there" [ "$(g c1.git rev-parse main)" = "$before" ]
"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor --sign-key "$T/k_sv" \
	--from "$T/c1.git" --roster-key "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
on s pull
check "nor does a supervisor's pull" [ "$(g c1.git rev-parse main)" = "$before" ] &&
	[ "$(g s/replica.git rev-parse main)" = "$before" ]
on b sync; rc=$?
check "an inspector's sync moves it (exit $rc)" [ "$rc" -eq 0 ]
check "in one commit" [ "$(g c1.git rev-list --count "$before..main")" = 1 ]
check "saying so" [ "$(g c1.git log -1 --format=%s main)" = \
	"format 2: hazards kept by the month they were found (4 moved)" ]
check "authored by the inspector" [ "$(g c1.git log -1 --format='%an %ae' main)" = "b ZJ-0002" ]
g c1.git show main:roster/allowed_signers >"$T/signers"
check "and signed, as plain git verifies" [ "$(g c1.git -c gpg.ssh.allowedSignersFile="$T/signers" \
	log -1 --format=%G? main)" = G ]
check "main says format 2" [ "$(g c1.git show main:FORMAT)" = "fieldcheck 2" ]
check "every hazard at its month path" [ "$(month_paths c1.git)/$(hex_paths c1.git)" = 4/0 ]
check "in the months they were found" [ "$(hazards c1.git | cut -d/ -f2-3 | sort | uniq -c |
	awk '{printf "%s:%s ", $2, $1}')" = "2026/09:2 2026/10:1 2026/11:1 " ]
g c1.git diff --name-status -M "$before" main >"$T/moves"
check "git sees four renames, unchanged, and FORMAT added" [ "$(grep -c '^R100' "$T/moves")/$(grep -vc '^R100' "$T/moves")/$(grep '^A' "$T/moves" | cut -f2)" = 4/1/FORMAT ]
moved=$(grep '^R100' "$T/moves" | awk '$3 ~ /2026\/10/ {print $3}')
check "git log --follow finds the hazard's first commit across the move" [ "$(g c1.git log \
	--follow --format=%s main -- "$moved" | tail -n 1)" = "records: 1 inspection, 1 hazard, 0 enterprises" ]
"$FC" -C "$T/b" hazard list --format csv >"$OUT"
check "the migrating device still lists 4 hazards" [ "$(tail -n +2 "$OUT" | wc -l)" = 4 ]
check "and quarantined nothing" [ ! -e "$T/b/quarantine/log" ]
check "its replica verifies" on b verify
on s pull; rc=$?
check "the supervisor's pull in format 1 takes the moved central (exit $rc)" [ "$rc" -eq 0 ] &&
	[ "$(tree_of "$T/s/replica.git")" = "$(tree_of "$T/c1.git")" ]
"$FC" -C "$T/s" hazard list --format csv >"$OUT"
check "with its four hazards, none quarantined" [ "$(tail -n +2 "$OUT" | wc -l)" = 4 ] &&
	[ ! -e "$T/s/quarantine/log" ]
# the case export finds the moved hazards, carried by the commit that wrote
# them, not by the move
insp=$(g c1.git ls-tree -r --name-only main inspections/2026/09/ | sed 's,.*/,,; s,\.json,,')
on b export "$insp" --out "$T/case.tar.gz"; rc=$?
check "the migrating device exports a case of the old layout (exit $rc)" [ "$rc" -eq 0 ]
tar -xzOf "$T/case.tar.gz" manifest.json >"$T/manifest"
sqlite3 -separator ' ' :memory: "SELECT json_extract(f.value, '\$.path'), c.value
	FROM json_each(readfile('$T/manifest'), '\$.files') f, json_each(f.value, '\$.commits') c
	WHERE json_extract(f.value, '\$.path') LIKE 'records/hazards/%'" >"$T/carried"
first=$(g c1.git log --format=%H --reverse "$before" -- hazards/ | head -n 1)
check "with its two hazards at their month paths" [ "$(cut -d' ' -f1 "$T/carried" | sort -u |
	grep -Ec '^records/hazards/2026/09/[0-9a-f-]{36}\.json$')" = 2 ]
check "carried by the inspector's commit, not the move" [ "$(cut -d' ' -f2 "$T/carried" | sort -u)" = "$first" ]
from a ZJ-0001 k_a c1.git
"$FC" -C "$T/a" hazard list --format csv >"$OUT"
check "a new device takes the moved central whole (4 hazards)" [ "$(tail -n +2 "$OUT" | wc -l)" = 4 ]
check "trusting the move ($(grep -c refused "$T/a/quarantine/log" 2>/dev/null || echo 0) refused)" \
	[ ! -e "$T/a/quarantine/log" ]
on a sync
check "and sends nothing back" [ "$(g c1.git rev-list --count "$before..main")" = 1 ]

# Two devices move one central at once: both commit the move offline,
# then sync in turn; their trees are one.
fixture c2.git
from a2 ZJ-0001 k_a c2.git
from b2 ZJ-0002 k_b c2.git
for d in a2 b2; do
	g "$d/replica.git" remote set-url origin "$T/nowhere.git"
	on "$d" sync
	g "$d/replica.git" remote set-url origin "$T/c2.git"
done
check "both moved their replicas offline" [ "$(g a2/replica.git log -1 --format=%s main | cut -c1-9)/$(g b2/replica.git log -1 --format=%s main | cut -c1-9)" = "format 2:/format 2:" ]
on a2 sync && on b2 sync && on a2 sync
check "all end with one tree" [ "$(tree_of "$T/a2/replica.git")" = "$(tree_of "$T/c2.git")" ] &&
	[ "$(tree_of "$T/b2/replica.git")" = "$(tree_of "$T/c2.git")" ]
check "the central holds one move" [ "$(g c2.git log --format=%s main | grep -c '^format 2:')" = 1 ]
check "four hazards, each once, by month" [ "$(month_paths c2.git)/$(hex_paths c2.git)" = 4/0 ]

# A refused commit of theirs in format 1 (unsigned, changing a hazard at
# its hex path) is looked up there when theirs is moved for the merge.
fixture c5.git
from x ZJ-0002 k_b c5.git
g x/replica.git remote set-url origin "$T/nowhere.git"; on x sync
g x/replica.git remote set-url origin "$T/c5.git"
git clone -q "$T/c5.git" "$T/w5"
h5=$(cd "$T/w5" && git ls-files 'hazards/' | head -n 1)
sed -i 's/"description": "[^"]*"/"description": "伪造"/' "$T/w5/$h5"
(cd "$T/w5" && git -c user.name=x -c user.email=ZJ-0001 commit -qam unsigned && git push -q origin HEAD:main)
on x sync
check "an unsigned change at a hex path is refused" grep -q "refused: the commit is not signed" "$OUT"
check "and kept aside, named at the month path" grep -q "hazards/20.*$(basename "$h5").*refused: the commit is not signed" "$T/x/quarantine/log"
check "the hazard stands as it was, at its month path" sh -c \
	"! git --git-dir='$T/c5.git' grep -q 伪造 main -- hazards/ && [ $(month_paths c5.git)/$(hex_paths c5.git) = 4/0 ]"

# A device that committed a hazard in format 1 (a pull, before anyone
# moved the central) syncs with the central another moved meanwhile.
fixture c3.git
from a3 ZJ-0001 k_a c3.git
from b3 ZJ-0002 k_b c3.git
i=$(new_inspection b3 "$USCC1")
"$FC" -C "$T/b3" inspection answer "$i" smart_charging fail --note 无充电系统 >/dev/null
on b3 pull
check "b committed its hazard in format 1" [ "$(g b3/replica.git ls-tree -r --name-only main hazards/ | grep -Ec '^hazards/[0-9a-f]{2}/')" = 5 ]
on a3 sync
check "a moved the central" [ "$(g c3.git show main:FORMAT)" = "fieldcheck 2" ]
on b3 sync; rc=$?
check "b's sync goes through (exit $rc)" [ "$rc" -eq 0 ]
check "the central: five hazards, each once, every one by month" \
	[ "$(month_paths c3.git)/$(hex_paths c3.git)/$(hazards c3.git | sed 's,.*/,,' | sort -u | wc -l)" = 5/0/5 ]
on a3 sync
"$FC" -C "$T/a3" hazard list --format csv >"$OUT"
check "a takes b's hazard: five" [ "$(tail -n +2 "$OUT" | wc -l)" = 5 ]
check "a, b and the central hold one tree" [ "$(tree_of "$T/a3/replica.git")" = "$(tree_of "$T/c3.git")" ] &&
	[ "$(tree_of "$T/b3/replica.git")" = "$(tree_of "$T/c3.git")" ]

# Hostile trees, signed by an inspector on the roster and pushed with plain
# git, each to its own copy of the moved central c1, which a device of its
# own syncs: each is refused, saying why.
haz=$(g c1.git ls-tree -r --name-only main hazards/2026/10/)
id=$(basename "$haz" .json)
new=0a0b0c0d-1111-4222-8333-444455556666
g c1.git show "main:$haz" | sed "s/$id/$new/" >"$T/newhaz" # a's events, another id
hostile() { # hostile N: central h_N.git, work tree w_N, device d_N
	git clone -q --bare "$T/c1.git" "$T/h_$1.git" && git clone -q "$T/h_$1.git" "$T/w_$1" &&
		from "d_$1" ZJ-0002 k_b "h_$1.git"
}
forge() { # forge N MESSAGE: commits all changes in w_N as ZJ-0001, signed, and pushes
	(cd "$T/w_$1" && git add -A && git -c user.name=张三 -c user.email=ZJ-0001 -c gpg.format=ssh \
		-c user.signingkey="$T/k_a" commit -S -qm "$2" && git push -q origin HEAD:main)
}
hostile hex && mkdir -p "$T/w_hex/hazards/0a" && cp "$T/newhaz" "$T/w_hex/hazards/0a/$new.json" &&
	forge hex "a hazard at its hex path"
on d_hex sync
check "a hazard at its hex path in format 2 is quarantined" \
	grep -q "hazards/0a/$new.json.*: hazards/0a/$new.json should be at hazards/2026/10/$new.json (the tree is in format 2)" "$T/d_hex/quarantine/log"
hostile month && mkdir -p "$T/w_month/hazards/2026/01" &&
	cp "$T/newhaz" "$T/w_month/hazards/2026/01/$new.json" && forge month "a wrong month"
on d_month sync
check "a hazard in another month than it was found is quarantined" \
	grep -q "hazards/2026/01/$new.json should be at hazards/2026/10/$new.json" "$T/d_month/quarantine/log"
"$FC" -C "$T/d_hex" hazard list --format csv >"$OUT"
"$FC" -C "$T/d_month" hazard list --format csv >>"$OUT"
check "and neither is taken" sh -c "! grep -q '$new' '$OUT'"
# FORMAT 3, a folder, more bytes, too many: the whole commit is refused
refused() { # refused N WHAT PATTERN
	head=$(g "d_$1/replica.git" rev-parse main)
	on "d_$1" sync; rc=$?
	check "$2 is refused (exit $rc)" sh -c "[ $rc -ne 0 ] && grep -q '$3' '$ERR'"
	check "$2: nothing merged" [ "$(g "d_$1/replica.git" rev-parse main)" = "$head" ]
	check "$2: logged in quarantine" grep -q "FORMAT.*: .*$3" "$T/d_$1/quarantine/log"
}
hostile f3 && printf 'fieldcheck 3\n' >"$T/w_f3/FORMAT" && forge f3 "format 3"
refused f3 "FORMAT 3" "the central is in format 3; this fieldcheck reads formats 1 and 2: upgrade it"
hostile dir && rm "$T/w_dir/FORMAT" && mkdir "$T/w_dir/FORMAT" &&
	printf 'fieldcheck 2\n' >"$T/w_dir/FORMAT/x" && forge dir "a folder"
refused dir "FORMAT a folder" "FORMAT is a folder, not the format marker"
hostile more && printf 'fieldcheck 2\nand more\n' >"$T/w_more/FORMAT" && forge more "more bytes"
refused more "FORMAT with more bytes" "not a format marker"
hostile big && head -c 100 /dev/zero >"$T/w_big/FORMAT" && forge big "oversized"
refused big "an oversized FORMAT" "FORMAT.*100 bytes"
hostile back && git -C "$T/w_back" rm -q FORMAT && forge back "back to format 1"
refused_back() {
	head=$(g d_back/replica.git rev-parse main)
	on d_back sync; rc=$?
	check "a central gone back to format 1 is refused (exit $rc)" sh -c \
		"[ $rc -ne 0 ] && grep -q 'went back to format 1 from format 2' '$ERR'"
	check "and its commit refused: it removes the marker" grep -q "the commit removes the format marker" "$OUT"
	check "nothing merged" [ "$(g d_back/replica.git rev-parse main)" = "$head" ]
}
refused_back
"$FC" -C "$T/d_big" hazard list --format csv >"$OUT"
check "the device still holds the four hazards" [ "$(tail -n +2 "$OUT" | wc -l)" = 4 ]

# The guard at a central's door (git daemon) lets the move in, then refuses
# a hazard at its hex path and a FORMAT 3.
mkdir -p "$T/srv" && fixture srv/g.git
"$FC" guard --install "$T/srv/g.git" --founder "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
start_daemon "$T/srv" || not_ok "git daemon did not start"
gurl="git://127.0.0.1:$DAEMON_PORT/g.git"
"$FC" -C "$T/ga" init --name ga --badge ZJ-0002 --dept 区应急管理局 --sign-key "$T/k_b" \
	--from "$gurl" --roster-key "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
on ga sync; rc=$?
check "the guard lets the move in (exit $rc)" [ "$rc" -eq 0 ] && [ "$(g srv/g.git show main:FORMAT)" = "fieldcheck 2" ]
git clone -q "$gurl" "$T/wg" 2>/dev/null
push_g() { # push_g MESSAGE: all changes in wg, signed by ZJ-0001, pushed; then undone
	(cd "$T/wg" && git add -A && git -c user.name=张三 -c user.email=ZJ-0001 -c gpg.format=ssh \
		-c user.signingkey="$T/k_a" commit -S -qm "$1" && git push origin HEAD:main) >"$OUT" 2>"$ERR"
	rc=$?
	git -C "$T/wg" reset -q --hard origin/main
	return $rc
}
mkdir -p "$T/wg/hazards/0a" && cp "$T/newhaz" "$T/wg/hazards/0a/$new.json"
push_g "a hazard at its hex path"
check "the guard refuses a hazard at its hex path in format 2" \
	grep -q "hazards/0a/$new.json holds another record than its name says, or is not where its tree's format keeps it" "$ERR"
printf 'fieldcheck 3\n' >"$T/wg/FORMAT"
push_g "format 3"
check "the guard refuses FORMAT 3" grep -q "the commit is in format 3; this fieldcheck reads formats 1 and 2" "$ERR"
rm "$T/wg/FORMAT"
push_g "the marker removed"
check "the guard refuses the marker's removal" grep -q "the commit removes the format marker" "$ERR"
