# t_export.sh - the case export: two devices sync an inspection with hazards
# through a bare central repository (events on both, merged), each exports
# it; the package opens with tar xzf, its records are central's bytes, its
# manifest's blob ids and commits check out with plain git, and what is not
# synced (pending changes, commits not sent, a store that disagrees) is
# refused without touching the output file.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
if "$FC" export 2>&1 | grep -q "unknown command"; then
	not_ok "fieldcheck has no export command (cmd_export of tui/cli/cli_export.h is not in tui/cli/cli_main.c)"
	exit 0
fi
C=$T/central.git
G="git --git-dir=$C"
central "$C"
device a ZJ-0001 "$C"
device b JT-0042 "file://$C"

on a enterprise add --code "$USCC1" --name 甲化工 --address 工业路8号
id=$(new_inspection a "$USCC1")
"$FC" -C "$T/a" inspection member "$id" "b:JT-0042:区交通运输局" >/dev/null
on a inspection answer "$id" safety_office fail --note 未设安全工作办公室
on a inspection answer "$id" management_agreement fail --note 未签订协议
on a inspection answer "$id" risk_map pass
hazard_of() { "$FC" -C "$T/a" hazard list --inspection "$id" --format csv | grep "$1" | cut -d, -f1; }
h1=$(hazard_of safety_office)
h2=$(hazard_of management_agreement)

# Refused before anything is synced, and with no replica at all.
on a export "$id" --out "$T/early.tar.gz"
check "an export before the first sync is refused" grep -q "sync first" "$ERR"
check "and writes nothing" [ ! -e "$T/early.tar.gz" ] && [ ! -e "$T/early.tar.gz.tmp" ]
"$FC" -C "$T/lone" init --name lone --badge L-1 --dept 消防 >/dev/null
on lone export "$id" --out "$T/lone.tar.gz"; rc=$?
check "an unknown id is refused (exit $rc)" [ "$rc" -eq 1 ] && grep -q "no inspection with id" "$ERR"
on lone enterprise add --code "$USCC2" --name 乙铸造
lone_id=$(new_inspection lone "$USCC2")
on lone export "$lone_id" --out "$T/lone.tar.gz"; rc=$?
check "a workspace with no replica is refused (exit $rc)" [ "$rc" -eq 1 ] && grep -q "no replica" "$ERR"
on a sync
on a export --out "$T/x.tar.gz"
check "an export without an id is a usage error" [ $? -eq 2 ]
on a export "$id"
check "an export without --out is a usage error" grep -q "needs --out" "$ERR"

# Both devices add events; b's change to h2 reaches a's history only as
# the second parent of a merge, and both change h1 (merged by union).
on b sync
FIELDCHECK_NOW=2026-11-29T09:00:00+08:00 on b hazard event "$h2" notice --note 已下达指令书
FIELDCHECK_NOW=2026-11-29T09:05:00+08:00 on b hazard event "$h1" comment --note 复查前电话确认
FIELDCHECK_NOW=2026-11-29T10:00:00+08:00 on a hazard event "$h1" rectified --note 已设立办公室
check "b syncs its events" on b sync
on a export "$id" --out "$T/a.tar.gz"
check "a change not yet synced is refused" grep -q "has changes not yet synced: sync first" "$ERR"
check "and writes nothing" [ ! -e "$T/a.tar.gz" ] && [ ! -e "$T/a.tar.gz.tmp" ]
check "a syncs (merging b's)" on a sync
check "b syncs" on b sync
check "the devices agree" [ "$(tree_of a)" = "$(tree_of b)" ]
check "a exports" on a export "$id" --out "$T/a.tar.gz"
# thirteen files (four of them the record and the order, PDF and text), and
# each commit that carried a record as git stores it
ncommits=$(tar -tzf "$T/a.tar.gz" | grep -c '^commits/[0-9a-f]*\.commit$')
out_has "exported inspection ${id:0:8} to $T/a.tar.gz: $((13 + ncommits)) files, 2 hazards, rectification notice" \
	"and says what it wrote"
out_has "documents: 4 files under documents/" "and how many documents"
check "b exports the same inspection by a prefix" on b export "${id:0:8}" --out "$T/b.tar.gz"

# It opens with tar, and holds what it says.
mkdir "$T/xa" "$T/xb"
check "tar xzf opens it" tar -C "$T/xa" -xzf "$T/a.tar.gz"
tar -C "$T/xb" -xzf "$T/b.tar.gz"
check "gzip -t finds it sound" gzip -t "$T/a.tar.gz"
check "documents/order.pdf is the order, for the unit" \
	sh -c "pdftotext '$T/xa/documents/order.pdf' - | grep -q 甲化工"
check "documents/record.txt is the on-site record" grep -q "On-site inspection record" "$T/xa/documents/record.txt"
tar -tzf "$T/a.tar.gz" >"$OUT"
check "manifest first, then the notice" [ "$(head -n 2 "$OUT" | tr '\n' ' ')" = "manifest.json notice.txt " ]
for p in "inspections/2026/11/$id.json" "enterprises/$USCC1.json" "hazards/2026/11/$h1.json" \
	"hazards/2026/11/$h2.json" forms/six-ones/1/survey.csv forms/six-ones/1/choices.csv \
	forms/six-ones/1/settings.csv; do
	check "it holds records/$p" grep -qx "records/$p" "$OUT"
done
for p in record.pdf record.txt order.pdf order.txt; do
	check "it holds documents/$p" grep -qx "documents/$p" "$OUT"
done
check "no measures decision (the form names no measure), no opinion (nothing verified)" \
	lacks "documents/measures\|documents/review" "$OUT"
check "nothing else but the commits ($ncommits)" [ "$(grep -vc '^commits/' "$OUT")" -eq 13 ] &&
	[ "$(wc -l <"$OUT")" -eq $((13 + ncommits)) ] && [ "$ncommits" -ge 3 ]
tar --utc --full-time -tvzf "$T/a.tar.gz" >"$OUT"
check "every member is mode 0644" [ "$(grep -c '^-rw-r--r-- 0/0 ' "$OUT")" -eq $((13 + ncommits)) ]
check "dated the export time" [ "$(grep -c ' 2026-11-28 01:30:00 ' "$OUT")" -eq $((13 + ncommits)) ]
check "the notice is the order" grep -q 责令限期整改指令书 "$T/xa/notice.txt"
check "naming the hazards" grep -q 未签订协议 "$T/xa/notice.txt"
check "with the form's words" grep -q 是否与入驻企业签订一份安全生产管理协议 "$T/xa/notice.txt"
check "the two devices' records are the same bytes" diff -r "$T/xa/records" "$T/xb/records"

# The manifest.
M=$T/xa/manifest.json
q() { sqlite3 -separator ' ' :memory: "$1"; }
check "the manifest is JSON" [ "$(q "SELECT json_valid(readfile('$M'))")" = 1 ]
check "one file per line" [ "$(grep -c '^    {"path": ' "$M")" -eq $((12 + ncommits)) ]
check "it names the inspection" [ "$(q "SELECT json_extract(readfile('$M'), '\$.inspection')")" = "$id" ]
check "the exporting officer" [ "$(q "SELECT json_extract(readfile('$M'), '\$.exported_by.badge')")" = ZJ-0001 ]
check "the export time" [ "$(q "SELECT json_extract(readfile('$M'), '\$.exported_at')")" = 2026-11-28T09:30:00+08:00 ]
check "the central repository's URL" \
	[ "$(q "SELECT json_extract(value, '\$.url') FROM json_each(readfile('$M'), '\$.remotes')")" = "$C" ]
check "b's names file://" grep -q "\"url\": \"file://$C\"" "$T/xb/manifest.json"
q "SELECT json_extract(value, '\$.path'), coalesce(json_extract(value, '\$.git_path'), '-'),
	json_extract(value, '\$.size'), json_extract(value, '\$.sha256'), json_extract(value, '\$.blob')
	FROM json_each(readfile('$M'), '\$.files')" >"$T/files"
commits_of() { q "SELECT c.value FROM json_each(readfile('$M'), '\$.files') f,
	json_each(f.value, '\$.commits') c WHERE json_extract(f.value, '\$.path') = '$1'"; }
# What git says carried BLOB at PATH: its tree has it, no parent's does.
carried_by_git() {
	$G rev-list --parents main | while read -r c parents; do
		[ "$($G rev-parse -q --verify "$c:$1")" = "$2" ] || continue
		for p in $parents; do [ "$($G rev-parse -q --verify "$p:$1")" = "$2" ] && continue 2; done
		echo "$c"
	done | sort
}
check "twelve files and the commits described" [ "$(wc -l <"$T/files")" -eq $((12 + ncommits)) ]
: >"$T/all-commits"
: >"$T/packaged"
while read -r path gp size sha blob; do
	f=$T/xa/$path
	check "$path: size" [ "$(wc -c <"$f")" -eq "$size" ]
	check "$path: sha256" [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sha" ]
	check "$path: git hash-object gives its blob id" [ "$(git hash-object "$f")" = "$blob" ]
	case $path in commits/*.commit)
		c=$(basename "$path" .commit)
		check "$path: git hash-object -t commit gives $c" [ "$(git hash-object -t commit "$f")" = "$c" ]
		echo "$c" >>"$T/packaged"
		continue
	esac
	if [ "$gp" = - ]; then
		check "$path is not from the repository" \
			sh -c "case '$path' in notice.txt|documents/*) exit 0;; esac; exit 1" &&
			[ -z "$(commits_of "$path")" ]
		continue
	fi
	check "$path is records/ + its path in git" [ "$path" = "records/$gp" ]
	check "$path: central has the blob" $G cat-file -e "$blob"
	check "$path: the same bytes as central's main" sh -c "$G show 'main:$gp' | cmp -s - '$f'"
	commits_of "$path" | sort >"$T/listed"
	carried_by_git "$gp" "$blob" >"$T/expected"
	check "$path: the commits that carried it ($(wc -l <"$T/listed"))" \
		[ -s "$T/listed" ] && cmp -s "$T/listed" "$T/expected"
	$G log --full-history --format=%H main -- "$gp" >"$T/log"
	while read -r c; do
		check "$path: $c is in central's main" $G merge-base --is-ancestor "$c" main
		check "$path: git log --full-history lists it" grep -qx "$c" "$T/log"
		echo "$c" >>"$T/all-commits"
	done <"$T/listed"
done <"$T/files"
check "each commit that carried a record is in the package" \
	sh -c "sort -u '$T/all-commits' >'$T/carried' && sort -u '$T/packaged' | cmp -s - '$T/carried'"
q "SELECT json_extract(value, '\$.id'), json_extract(value, '\$.signed'), json_extract(value, '\$.era')
	FROM json_each(readfile('$M'), '\$.commits')" | sort >"$T/eras"
check "before a roster, each is marked unsigned and before the roster" \
	sh -c "[ \"\$(grep -c ' 0 before the roster$' '$T/eras')\" -eq $ncommits ] && cut -d' ' -f1 '$T/eras' | cmp -s - '$T/carried'"
$G rev-list --first-parent main >"$T/first"
off=$(sort -u "$T/all-commits" | grep -cvxFf "$T/first")
check "commits off the first-parent line are listed ($off)" [ "$off" -ge 1 ]
merges=0
for c in $(sort -u "$T/all-commits"); do
	[ "$($G rev-list --parents -n 1 "$c" | wc -w)" -gt 2 ] && merges=$((merges + 1))
done
check "a merge that made new bytes is listed ($merges)" [ "$merges" -ge 1 ]

# Commits not yet sent are refused; so is a store that disagrees.
echo previous >"$T/a.tar.gz"
mv "$C" "$T/away.git"
FIELDCHECK_NOW=2026-11-30T09:00:00+08:00 on a hazard event "$h2" comment --note 离线记录
on a sync
on a export "$id" --out "$T/a.tar.gz" --force
check "a commit that has not reached a remote is refused" \
	grep -q "hazards/2026/11/$h2.json was committed in [0-9a-f]*, which has not reached a remote yet: sync first" "$ERR"
check "the old file stands" [ "$(cat "$T/a.tar.gz")" = previous ] && [ ! -e "$T/a.tar.gz.tmp" ]
mv "$T/away.git" "$C"
check "once sent" on a sync
on a export "$id" --out "$T/a.tar.gz"; rc=$?
check "an existing file is not replaced without --force (exit $rc)" [ "$rc" -eq 1 ]
check "the message names it" grep -q "$T/a.tar.gz already exists; give --force to replace it" "$ERR"
check "and it stands" [ "$(cat "$T/a.tar.gz")" = previous ] && [ ! -e "$T/a.tar.gz.tmp" ]
check "with --force it exports again, over the old file" on a export "$id" --out "$T/a.tar.gz" --force
check "which is a new archive" gzip -t "$T/a.tar.gz"

# An inspection that found nothing has no notice to carry.
on b enterprise add --code "$USCC2" --name 乙铸造
ib=$(new_inspection b "$USCC2")
on b inspection answer "$ib" safety_office pass
on b sync
check "an inspection without hazards exports" on b export "$ib" --out "$T/clean.tar.gz"
n=$(tar -tzf "$T/clean.tar.gz" | grep -c '^commits/')
out_has "$((8 + n)) files, 0 hazards$" "with no notice (and $n commits), the record as PDF and text"
tar -tzf "$T/clean.tar.gz" >"$OUT"
check "the archive has none" lacks notice.txt "$OUT"
check "nor an order among its documents" lacks documents/order "$OUT"

"$FC" -C "$T/s" init --name 督查 --badge S-1 --dept 市应急管理局 --supervisor --from "$C" >/dev/null
check "a supervisor's workspace exports what it pulled" on s export "$id" --out "$T/s.tar.gz"
# A password no remote add would store, written in the config by hand.
git --git-dir="$T/s/replica.git" config remote.backup.url "https://clerk:s3cret@127.0.0.1/central.git"
check "with a second remote, never fetched" on s export "$id" --out "$T/s.tar.gz" --force
tar -xzOf "$T/s.tar.gz" manifest.json >"$T/s-manifest"
check "the manifest names it, its password masked" \
	grep -q '"url": "https://clerk:\*\*\*@127.0.0.1/central.git", "main": null' "$T/s-manifest"
check "which appears nowhere" lacks s3cret "$T/s-manifest"
on s export "$id" --out "$T/no/such/folder/s.tar.gz"
check "an output folder that does not exist is named" grep -q "no/such/folder/s.tar.gz.tmp" "$ERR"
# A store changed behind the sync's back (its outbox entry gone too).
sqlite3 "$T/s/store.db" "UPDATE hazards SET description = '改动' WHERE id = '$h1';
	DELETE FROM outbox WHERE id = '$h1'"
on s export "$id" --out "$T/s.tar.gz" --force
check "a store that disagrees with the replica is refused" \
	grep -q "hazard $h1 differs between the store and the replica (hazards/2026/11/$h1.json): sync first" "$ERR"

# A verified hazard: the package carries the re-inspection opinion, listed
# in the manifest with its SHA-256.
FIELDCHECK_NOW=2026-11-30T10:00:00+08:00 on a hazard event "$h1" verified --note 办公室已设立
on a sync
check "a exports after a verification" on a export "$id" --out "$T/v.tar.gz"
mkdir "$T/xv"
tar -C "$T/xv" -xzf "$T/v.tar.gz"
check "documents/review.pdf is there" [ -s "$T/xv/documents/review.pdf" ]
check "it says the hazard was rectified and the other not" \
	sh -c "pdftotext '$T/xv/documents/review.pdf' - | tr -d ' \n' | grep -q 'Rectified:办公室已设立' &&
		grep -q 'Not rectified' '$T/xv/documents/review.txt'"
check "the manifest gives its SHA-256" [ "$(sqlite3 :memory: "SELECT json_extract(value, '\$.sha256')
	FROM json_each(readfile('$T/xv/manifest.json'), '\$.files')
	WHERE json_extract(value, '\$.path') = 'documents/review.pdf'")" = \
	"$(sha256sum "$T/xv/documents/review.pdf" | cut -d' ' -f1)" ]
