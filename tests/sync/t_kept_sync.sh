# t_kept_sync.sh - the values fieldcheck keeps for a form travel with the
# record through a real bare central: once(random()) drawn on a's laptop,
# a repeat instance's once() drawn on b's, and what a trigger set, read the
# same on both laptops after the syncs (they are answers in the record).
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b ZJ-0002 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
on a forms add "$FIELDCHECK_TOP/tests/forms/good/kept"
check "a installs the form" [ $? -eq 0 ]
id=$("$FC" -C "$T/a" inspection new --form kept --enterprise "$USCC1" 2>/dev/null)
on a inspection answer "$id" site 码头
on a sync
on b sync
check "b takes the draft" [ $? -eq 0 ]
on b inspection repeat "$id" vehicle add
v=$(cut -d' ' -f2 "$OUT")
on b sync && on a sync
check "the syncs pass" [ $? -eq 0 ]
for d in a b; do
	on $d inspection show "$id"
	grep -E "^  (draw|serial|tag) " "$OUT" >"$T/$d.kept"
	grep -A1 "^  recorder " "$OUT" >>"$T/$d.kept"
done
check "a, b show the same draw, serial, tag and triggered answer" cmp "$T/a.kept" "$T/b.kept"
check "the draw, the serial, b's tag and the trigger's value are all there" \
	sh -c "grep -q '^  draw *= 0\.' '$T/a.kept' && grep -q '^  serial *= S-码头' '$T/a.kept' &&
	       grep -q '^  tag *= 0\.' '$T/a.kept' && grep -q 'at 码头' '$T/a.kept'"
on a inspection show "$id" --format json
check "a's record carries b's tag as an answer by b" \
	grep -q "\"item\": \"tag@$v\", \"value\": \"0\..*\"by\": \"ZJ-0002\"" "$OUT"

# Both change the trigger offline: each laptop sets what it triggers, so
# the merge keeps two values of the calculate item, as of any answer; the
# clash is settled like any other, with one of the values kept.
on a inspection answer "$id" visitors 5
on a sync && on b sync
on a inspection answer "$id" site 甲码头
on b inspection answer "$id" visitors 6
on b inspection answer "$id" site 乙码头
on a sync && on b sync && on a sync
check "the syncs after the clash pass" [ $? -eq 0 ]
on a inspection show "$id" --format json
check "the calculate item set by the trigger is in conflict, both values kept" \
	sh -c "grep -q '\"item\": \"visitors_then\", \"value\": \"5\"' '$OUT' &&
	       grep -q '\"item\": \"visitors_then\", \"value\": \"6\"' '$OUT'"
on a inspection resolve "$id" visitors_then 7
check "a value neither laptop set is refused" grep -q "choose one of the values kept" "$ERR"
on a inspection resolve "$id" visitors_then 6
check "one of the kept values settles it" [ $? -eq 0 ]
on a inspection show "$id"
check "and it is the value" grep -q "^  visitors_then *= 6$" "$OUT"
