# t_export_files.sh - the case export carries the photos and files of the
# inspection and of its hazards under files/<sha256>, once each however
# many lines name them; manifest.json's "evidence" lists every line with
# the file's sha256 (sha256sum of the exported file), git blob id (git
# hash-object, a blob central holds), size, type, name, what it documents
# and the commits that added the line (checked with plain git).  A laptop
# that synced only the records fetches the files first; one that cannot
# reach the central refuses the export naming what is missing, and with
# --force lists them as missing.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
C=$T/central.git
G="git --git-dir=$C"
central "$C"
device a ZJ-0001 "$C"
device b ZJ-0002 "$C"
device c ZJ-0003 "$C"
q() { sqlite3 -separator ' ' :memory: "$1"; }

on a enterprise add --code "$USCC1" --name 甲化工
id=$(new_inspection a "$USCC1")
on a inspection answer "$id" safety_office fail --note 未设安全工作办公室
haz=$("$FC" -C "$T/a" hazard list --inspection "$id" --format csv | grep safety_office | cut -d, -f1)
FIELDCHECK_NOW=2026-11-28T10:00:00+08:00 on a hazard event "$haz" rectified --note 已设立
check "a syncs the records before any file" on a sync
on a inspection attach "$id" safety_office "$SEEDS/phone.jpg"
check "a photo attached to the failed item" [ $? -eq 0 ]
on a inspection attach "$id" "$SEEDS/phone.jpg"
check "the same photo to the inspection itself" [ $? -eq 0 ]
on a hazard attach "$haz" "$SEEDS/notes.txt" --event 2
check "a document of the repair to the rectified event" [ $? -eq 0 ]
on a hazard attach "$haz" "$SEEDS/plain.jpg"
check "a photo to the hazard itself" [ $? -eq 0 ]
check "a syncs the records and its files" on a sync
check "b syncs the records only" on b sync
check "c too" on c sync

check "a exports" on a export "$id" --out "$T/a.tar.gz"
out_has "evidence: 3 files under files/" "and says how many files it carries"
mkdir "$T/xa" && tar -C "$T/xa" -xzf "$T/a.tar.gz"
M=$T/xa/manifest.json
check "the manifest is JSON" [ "$(q "SELECT json_valid(readfile('$M'))")" = 1 ]
check "three files under files/, each once" [ "$(ls "$T/xa/files" | wc -l)" -eq 3 ]
q "SELECT json_extract(value, '\$.path'), json_extract(value, '\$.sha256'),
	json_extract(value, '\$.blob'), json_extract(value, '\$.size'),
	json_extract(value, '\$.type'), json_extract(value, '\$.name'),
	json_extract(value, '\$.record'), json_extract(value, '\$.git_path'),
	json_extract(value, '\$.missing'), key
	FROM json_each(readfile('$M'), '\$.evidence')" >"$T/lines"
check "four lines in the manifest's evidence" [ "$(wc -l <"$T/lines")" -eq 4 ]
while read -r path sha blob size type name kind gp missing k; do
	f=$T/xa/$path
	check "$name of the $kind: files/<its sha256>" [ "$path" = "files/$sha" ]
	check "$name: sha256sum of the exported file is the manifest's" \
		[ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sha" ]
	check "$name: the same bytes as attached" cmp -s "$f" "$SEEDS/$name"
	check "$name: git hash-object gives its blob id" [ "$(git hash-object "$f")" = "$blob" ]
	check "$name: central holds that blob (on refs/evidence)" sh -c "$G cat-file -p $blob | cmp -s - '$f'"
	check "$name: size and type" [ "$(wc -c <"$f")" -eq "$size" ] && case $name in
		*.txt) [ "$type" = text/plain ] ;; *) [ "$type" = image/jpeg ] ;; esac
	check "$name: not missing" [ "$missing" = 0 ]
	q "SELECT c.value FROM json_each(json_extract(json_extract(readfile('$M'), '\$.evidence'), '\$[$k].commits')) c" >"$T/commits"
	check "$name: the commits that carried its line ($(wc -l <"$T/commits"))" [ -s "$T/commits" ]
	while read -r c; do
		check "$name: $c has the line in $gp, its parents not" sh -c \
			"$G show '$c:$gp' | grep -q '\"sha256\": \"$sha\"' &&
			 set -- \$($G rev-list --parents -n 1 $c); shift; [ \$# -ge 1 ] || exit 1
			 for p; do
				! $G show \"\$p:$gp\" 2>/dev/null | grep -q '\"sha256\": \"$sha\"' || exit 1
			 done"
		check "$name: $c is in central's main" $G merge-base --is-ancestor "$c" main
	done <"$T/commits"
done <"$T/lines"
docs() { q "SELECT json_extract(value, '\$.documents') FROM json_each(readfile('$M'), '\$.evidence')
	WHERE json_extract(value, '\$.name') = '$1'" | sort | tr '\n' ' '; }
check "what each documents: the item and the inspection" [ "$(docs phone.jpg)" = " safety_office " ]
check "the rectified event" [ "$(docs notes.txt)" = "rectified@2026-11-28T10:00:00+08:00 " ]
check "the hazard itself" [ "$(docs plain.jpg)" = " " ]

# b has the records, not the files: the export fetches them first.
check "b lacks the files" [ ! -d "$T/b/evidence" ] || [ -z "$(find "$T/b/evidence" -type f)" ]
check "b exports" on b export "${id:0:8}" --out "$T/b.tar.gz"
out_has "fetched 3 files not on this laptop first" "b fetched the three files first"
mkdir "$T/xb" && tar -C "$T/xb" -xzf "$T/b.tar.gz"
check "b's package carries the same files" diff -r "$T/xa/files" "$T/xb/files"

# c cannot reach the central: refused, unless forced.
mv "$C" "$T/away.git"
on c export "$id" --out "$T/c.tar.gz"; rc=$?
check "offline with files missing: refused (exit $rc)" [ "$rc" -eq 1 ]
check "naming them" sh -c "grep -q '3 files the records name are not on this laptop' '$ERR' &&
	grep -q 'phone.jpg' '$ERR' && grep -q -- '--force' '$ERR'"
check "and writing nothing" [ ! -e "$T/c.tar.gz" ] && [ ! -e "$T/c.tar.gz.tmp" ]
on c export "$id" --out "$T/c.tar.gz" --force; rc=$?
check "--force exports without them (exit $rc)" [ "$rc" -eq 0 ]
check "saying they are missing" grep -q "3 files not on this laptop: listed in manifest.json as missing" "$ERR"
mkdir "$T/xc" && tar -C "$T/xc" -xzf "$T/c.tar.gz"
check "no files/ in it" [ ! -e "$T/xc/files" ]
check "the manifest lists all four lines as missing, with no path" [ "$(q "SELECT count(*) FROM
	json_each(readfile('$T/xc/manifest.json'), '\$.evidence') WHERE json_extract(value, '\$.missing')
	AND json_extract(value, '\$.path') IS NULL")" -eq 4 ]
mv "$T/away.git" "$C"
