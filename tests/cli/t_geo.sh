# t_geo.sh - where an inspection took place, as coordinates: from the
# laptop's GPS (a real gpsd on 127.0.0.1, fed NMEA over TCP as a receiver
# would send it), from the first attached photo's Exif, or typed; each
# checked, kept as format 2's geo with its source, shown by `show`; no gpsd
# or no fix is said plainly.  A form's geopoint question takes the same
# "LAT LON ALT ACCURACY".
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
fc inspection new --form six-ones --enterprise "$USCC1"
id=$(cat "$OUT")
STOP=""
trap 'for p in $STOP; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT

# free_port: a TCP port nobody listens on, from the high range.
free_port() {
	while :; do
		p=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
	done
}

# a receiver: a fix at 30°16.4460'N 120°09.3060'E, 12 m, once a second
cat >"$T/receiver.sh" <<'SH'
#!/bin/sh
while true; do
	t=$(date -u +%H%M%S) d=$(date -u +%d%m%y)
	printf '$GPRMC,%s,A,3016.4460,N,12009.3060,E,000.0,360.0,%s,,\r\n' "$t" "$d"
	printf '$GPGGA,%s,3016.4460,N,12009.3060,E,1,08,0.9,12.0,M,46.9,M,,\r\n' "$t"
	printf '$GPGSA,A,3,04,05,,09,12,,,24,,,,,2.5,1.3,2.1\r\n'
	sleep 1
done
SH
chmod +x "$T/receiver.sh"
NMEA=$(free_port) GPSD=$(free_port)
socat TCP-LISTEN:"$NMEA",bind=127.0.0.1,reuseaddr,fork EXEC:"$T/receiver.sh" >/dev/null 2>&1 &
STOP="$STOP $!"
# wait_port PORT: until something listens on it (at most 10 s); gpsd opens
# its receiver once, so the receiver must be there first
wait_port() {
	for _ in $(seq 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
wait_port "$NMEA"
gpsd -N -n -b -S "$GPSD" -F "$T/gpsd.sock" "tcp://127.0.0.1:$NMEA" >"$T/gpsd.log" 2>&1 &
STOP="$STOP $!"
wait_port "$GPSD"
# until the receiver has a fix, as a plain client sees it (at most 60 s on
# a loaded machine): what is tested below is reading a fix gpsd has
for _ in $(seq 12); do
	(printf '?WATCH={"enable":true,"json":true};\n'; sleep 5) |
		timeout 6 socat - TCP:127.0.0.1:"$GPSD" 2>/dev/null | grep -q '"lat":' && break
done

FIELDCHECK_GPSD_PORT=$GPSD expect_exit 0 "the position from the GPS" inspection locate "$id" --gps ||
	sed 's/^/    gpsd: /' "$T/gpsd.log"
out_has "is at 30.2741000 120.1551000 12.0 [0-9.]* (gps)" "gpsd's fix, at its height above sea level"
fc inspection show "$id" --format json
out_has '"format": "fieldcheck/inspection/2"' "the record becomes format 2"
out_has '"geo": "30.2741000 120.1551000 12.0 ' "with the position"
out_has '"geo_source": "gps"' "and where it came from"

FIELDCHECK_GPSD_PORT=$(free_port) expect_err 1 "no GPS on this laptop: gpsd does not answer" \
	"no gpsd is said plainly" inspection locate "$id" --gps
expect_err 1 "no photo attached to inspection" "no photo with a position is said" \
	inspection locate "$id" --photo
fc inspection attach "$id" "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/phone.jpg"
expect_exit 0 "the position of the first photo" inspection locate "$id" --photo
out_has "is at 31.2306667 121.4730000 0 5 (photo)" "from its Exif GPS"
expect_exit 0 "a typed position" inspection locate "$id" 30.27 120.15
fc inspection show "$id"
out_has "^position    30.27 120.15 0 0 (typed)" "show says where"
expect_err 1 "is not a position" "latitude 91 is refused" inspection locate "$id" 91 120.15
expect_exit 0 "the on-site record" document "$id" record
out_has "^Coordinates: 30.27 120.15 0 0 (typed)" "the on-site record gives the coordinates"
expect_exit 2 "a source is needed" inspection locate "$id"
expect_exit 2 "only one source" inspection locate "$id" --gps --photo

# a form's geopoint question
mkdir -p "$WS/forms/geo"
printf 'type,name,label::en\ngeopoint,spot,Where the tank stands\ngeotrace,route,The route\n' \
	>"$WS/forms/geo/survey.csv"
printf 'form_id,version\ngeo,1\n' >"$WS/forms/geo/settings.csv"
expect_err 1 "geotrace" "geotrace is refused by name" forms check "$WS/forms/geo"
printf 'type,name,label::en\ngeopoint,spot,Where the tank stands\n' >"$WS/forms/geo/survey.csv"
expect_exit 0 "a geopoint question loads" forms check "$WS/forms/geo"
fc inspection new --form geo --enterprise "$USCC1"
gid=$(cat "$OUT")
expect_exit 0 "it takes LAT LON ALT ACCURACY" inspection answer "$gid" spot "30.27 120.15 8 4.5"
expect_err 1 "is not a position" "and refuses half of one" inspection answer "$gid" spot "30.27"
expect_err 1 "position '30.27 120.15 8 4.5 1' is not a position" "or a fifth number" \
	inspection answer "$gid" spot "30.27 120.15 8 4.5 1"
expect_exit 0 "it takes LAT LON typed alone, as ODK Collect does" inspection answer "$gid" spot "30.28 120.16"
fc inspection show "$gid"
out_has "30.28 120.16 0 0" "kept as ODK's four numbers, altitude and accuracy 0"


# start-geopoint: where the inspection took place, recorded without asking
printf 'type,name,label::en,calculation\ngeopoint,spot,Where the tank stands,\nstart-geopoint,here,,\ncalculate,lat,,"substr(${here}, 0, 5)"\n' \
	>"$WS/forms/geo/survey.csv"
printf 'form_id,version\ngeo,2\n' >"$WS/forms/geo/settings.csv"
expect_exit 0 "a start-geopoint item loads" forms check "$WS/forms/geo"
fc inspection new --form geo --enterprise "$USCC1"
sid=$(cat "$OUT")
fc inspection show "$sid"
out_has "^  lat *= *$" "start-geopoint is empty while the inspection has no position"
fc inspection locate "$sid" 30.27 120.15
fc inspection show "$sid"
out_has "^  here *= 30.27 120.15 0 0" "then it is the inspection's position"
out_has "^  lat *= 30.27" "which a calculation reads"
expect_exit 0 "the geopoint inspection is finalized" inspection finalize "$gid"
expect_err 1 "finalized" "a final inspection's position stays" inspection locate "$gid" 1 1
