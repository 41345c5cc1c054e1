# t_docnum.sh - document numbers that never collide offline (README,
# "Document numbers"): two laptops claim blocks through a real central,
# go offline, issue orders and records, run out and print draft-marked
# documents, sync, and no number was printed twice; a number taken before a
# crash (the file not written, or the process killed) is the same number
# when printed again, and the next document takes the next one; laptops
# claiming at once never hold the same serials; the guard refuses a claim
# that overlaps another, one made in another officer's name, and one changed.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"

# order_on DEV: a finalized six-ones inspection with one hazard; its id.
order_on() {
	i=$(new_inspection "$1" "$USCC1") || return 1
	for item in risk_map life_passage management_agreement micro_fire_station smart_charging; do
		"$FC" -C "$T/$1" inspection answer "$i" "$item" pass >/dev/null || return 1
	done
	"$FC" -C "$T/$1" inspection answer "$i" park_name 园区 >/dev/null &&
		"$FC" -C "$T/$1" inspection answer "$i" safety_office fail --note 无专职人员 \
			--deadline 2026-12-20 >/dev/null &&
		"$FC" -C "$T/$1" inspection finalize "$i" >/dev/null && echo "$i"
}
# number_of DEV ID KIND: the number its document printed ("" when none).
number_of() {
	"$FC" -C "$T/$1" document "$2" "$3" >"$T/doc" 2>"$T/doc.err" || return 1
	grep -o '（北应急）[^ ]*〔2026〕[0-9]*号' "$T/doc" | head -1
}

central "$T/central.git"
for d in a b; do
	device "$d" "ZJ-000$([ "$d" = a ] && echo 1 || echo 2)" "$T/central.git"
	"$FC" -C "$T/$d" numbers --authority 北应急 --block 4 >/dev/null
done
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
ia=$(order_on a) || not_ok "a's inspection"
n=$(number_of a "$ia" order)
check "before any sync a final order has no number and says how to get one" \
	sh -c "[ -z '$n' ] && grep -q 'no document number left on this laptop' '$T/doc.err' &&
	grep -q 'fieldcheck sync' '$T/doc.err'"
check "it is printed marked as a draft" grep -q '草稿\|DRAFT' "$T/doc"
check "a syncs and claims a block" on a sync
out_has "document numbers claimed on the central: order 1-4, record 1-4" "a's block is 1-4"
check "b syncs and claims the next block" on b sync
out_has "order 5-8, record 5-8" "b's block is 5-8"
on a numbers
out_has "order       4 of 4 left" "a's numbers are confirmed"

# Offline: each issues more orders than its block holds.
: >"$T/printed"
n=$(number_of a "$ia" order) && echo "$n" >>"$T/printed"
check "a's first order takes its first number" [ "$n" = "（北应急）责改〔2026〕0001号" ]
check "printed again, the same number" [ "$(number_of a "$ia" order)" = "$n" ]
check "the record has its own series" [ "$(number_of a "$ia" record)" = "（北应急）检记〔2026〕0001号" ]
on b sync >/dev/null
for k in 1 2 3 4; do
	for d in a b; do
		i=$(order_on "$d") || not_ok "$d's inspection $k"
		n=$(number_of "$d" "$i" order)
		if [ -n "$n" ]; then echo "$n" >>"$T/printed"
		else echo "$d $i" >>"$T/unnumbered"; cp "$T/doc" "$T/draft"; fi
	done
done
check "a ran out after its 4 and printed a draft instead" \
	sh -c "[ \$(grep -c '^a ' '$T/unnumbered') -eq 1 ] && grep -q '草稿\|DRAFT' '$T/draft'"
check "b's 4 numbers were all printed offline" [ "$(grep -c '〔2026〕000[5-8]号' "$T/printed")" -eq 4 ]
on a inspection show "$ia"
out_has "（北应急）责改〔2026〕0001号" "inspection show lists the number"

for d in a b a b; do on "$d" sync || not_ok "$d syncs"; done
check "both laptops hold the same tree" [ "$(tree_of a)" = "$(tree_of b)" ]
while read -r d i; do
	n=$(number_of "$d" "$i" order) && [ -n "$n" ] && echo "$n" >>"$T/printed"
done <"$T/unnumbered"
check "after the sync the waiting order is numbered from a new block" \
	[ "$(wc -l <"$T/printed")" -eq 9 ]
sort "$T/printed" | uniq -d >"$T/dups"
check "no number was printed twice ($(wc -l <"$T/printed") printed)" [ ! -s "$T/dups" ]
sqlite3 "$T/b/store.db" "SELECT kind, serial FROM documents" | sort | uniq -d >"$T/dups"
check "no serial is in two inspections' records" [ ! -s "$T/dups" ]

# A crash after the number is taken: the document not written.
ic=$(order_on a)
"$FC" -C "$T/a" document "$ic" order --out "$T/no/such/dir/order.txt" >"$OUT" 2>"$ERR"
check "the write fails" [ $? -ne 0 ]
taken=$(sqlite3 "$T/a/store.db" "SELECT serial FROM documents WHERE inspection = '$ic'")
check "the number was taken before it (saved in the store)" [ -n "$taken" ]
check "printed again, it is the same number" \
	[ "$(number_of a "$ic" order)" = "$(printf '（北应急）责改〔2026〕%04d号' "$taken")" ]
id2=$(order_on a)
check "the next order takes the next number" \
	[ "$(number_of a "$id2" order)" = "$(printf '（北应急）责改〔2026〕%04d号' $((taken + 1)))" ]
# Killed at random moments while it prints: never a number twice, never one
# skipped without an inspection that holds it.
for k in $(seq 12); do
	i=$(order_on a)
	"$FC" -C "$T/a" document "$i" order >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((RANDOM % 10))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
on a sync >/dev/null
sqlite3 "$T/a/store.db" "SELECT serial FROM documents WHERE kind = 'order' AND by = 'ZJ-0001'
	ORDER BY serial" >"$T/serials"
check "after 12 kills every serial taken is held once" [ -z "$(uniq -d "$T/serials")" ]
check "and the blocks' serials were given in order, none skipped" sh -c \
	"sqlite3 '$T/a/store.db' \"SELECT start, count FROM number_blocks WHERE badge = 'ZJ-0001'
	 AND kind = 'order' ORDER BY start\" | awk -F'|' '{ for (s = \$1; s < \$1 + \$2; s++) print s }' |
	 head -n \$(wc -l <'$T/serials') | diff - '$T/serials'"
check "verify passes" on a verify

# Claims made at once by several laptops: none shares a serial.
for d in c e f; do
	device "$d" "ZJ-00$d$d" "$T/central.git" && "$FC" -C "$T/$d" numbers --authority 北应急 \
		--block 3 >/dev/null && "$FC" -C "$T/$d" enterprise add --code "$USCC2" \
		--name "乙$d" >/dev/null
done
for round in 1 2; do
	for d in c e f; do "$FC" -C "$T/$d" sync >/dev/null 2>&1 & done
	wait
done
git --git-dir="$T/central.git" ls-tree -r --name-only main | grep '^"*numbers/' >"$T/claims"
git --git-dir="$T/central.git" ls-tree -r main | grep 'order/' | while read -r _ _ blob _; do
	git --git-dir="$T/central.git" cat-file -p "$blob" |
		sed -n 's/.*"start": \([0-9]*\),/\1/p; s/.*"count": \([0-9]*\),/\1/p' | paste -sd' '
done | sort -n | awk 'NR > 1 && $1 < end { bad = 1 } { end = $1 + $2 } END { exit bad }'
check "claims made at once never overlap on the central" [ $? -eq 0 ]
for d in c e f; do
	on "$d" numbers
	out_has "order       3 of 3 left" "$d holds a confirmed block"
done

# One officer, two laptops (a spare, or one set up again): each gives only
# the serials it claimed itself, so both offline never print the same.
device a2 ZJ-0001 "$T/central.git" && "$FC" -C "$T/a2" numbers --authority 北应急 --block 4 >/dev/null
check "the officer's second laptop syncs and claims its own block" on a2 sync
out_has "document numbers claimed on the central: order" "a2 claims"
on a sync >/dev/null
: >"$T/both"
for k in 1 2 3; do
	for d in a a2; do
		i=$(order_on "$d") || not_ok "$d's inspection $k"
		n=$(number_of "$d" "$i" order) && [ -n "$n" ] && echo "$d $n" >>"$T/both"
	done
done
check "both laptops printed numbers offline" \
	sh -c "grep -q '^a ' '$T/both' && grep -q '^a2 ' '$T/both'"
cut -d' ' -f2 "$T/both" | sort | uniq -d >"$T/dups"
check "one officer's two laptops never printed the same number" [ ! -s "$T/dups" ]
for d in a a2 a; do on "$d" sync >/dev/null || not_ok "$d syncs"; done
sqlite3 "$T/a/store.db" "SELECT kind, serial FROM documents" | sort | uniq -d >"$T/dups"
check "after the sync no serial is in two records" [ ! -s "$T/dups" ]
