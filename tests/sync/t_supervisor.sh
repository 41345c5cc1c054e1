# t_supervisor.sh - a supervisor pulls several central repositories (one per
# department) into one store, sees everything, and pushes to neither.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/emergency.git"
central "$T/transport.git"
device e ZJ-0001 "$T/emergency.git"
device t JT-0042 "$T/transport.git"
on e enterprise add --code "$USCC1" --name 甲化工 --town 城东街道
ie=$(new_inspection e "$USCC1")
on t enterprise add --code "$USCC2" --name 乙运输 --town 临港镇
it=$("$FC" -C "$T/t" inspection new --form joint-transport --enterprise "$USCC2" --type joint)
on e sync && on t sync || not_ok "inspectors sync"

"$FC" -C "$T/s" init --supervisor --name 赵六 --badge SUP-01 --dept 区应急管理局 \
	--from "$T/emergency.git" >"$OUT" 2>"$ERR"
check "init --supervisor --from the first central" [ $? -eq 0 ]
check "adds the second department's central" on s remote add transport "$T/transport.git"
before_e=$(git --git-dir="$T/emergency.git" rev-parse main)
before_t=$(git --git-dir="$T/transport.git" rev-parse main)
check "pull with no remote pulls them all" on s pull
out_has "arrived: 1 inspection" "what arrived is said"
check "both inspections are in one store" on s inspection list --format csv
check "two rows" [ "$(wc -l <"$OUT")" -eq 3 ]
check "the emergency one" grep -q "$ie" "$OUT"
check "the transport one" grep -q "$it" "$OUT"
check "report counts both" on s report --format json
check "two inspections, one joint" sh -c "[ \$(sqlite3 :memory: \"select json_extract(readfile('$OUT'),'\\\$.inspections')\") = 2 ] && [ \$(sqlite3 :memory: \"select json_extract(readfile('$OUT'),'\\\$.joint_inspections')\") = 1 ]"
on s sync
check "sync in a supervisor's workspace of two centrals sends nothing, and says why" grep -q "nothing was sent: this supervisor's workspace pulls 2 central" "$OUT" "$ERR"
on s hazard list --format csv >/dev/null
check "the first central is unchanged" [ "$(git --git-dir="$T/emergency.git" rev-parse main)" = "$before_e" ]
check "the second central is unchanged" [ "$(git --git-dir="$T/transport.git" rev-parse main)" = "$before_t" ]
check "the supervisor's store is sound" on s verify
