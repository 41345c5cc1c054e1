# t_forms_media.sh - XLSForm's media types (image or photo, audio, video,
# file) from the command line: the form loads, such an item takes no typed
# answer, it is answered by attaching a file to it, its value (${gate}) is
# the file's name, and a required one holds finalizing back until then.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/media" "$WS/forms/"
expect_exit 0 "a form with media items loads" forms check "$WS/forms/media"
expect_exit 0 "an inspection on it" inspection new --form media --enterprise "$USCC1"
id=$(cat "$OUT")
expect_err 1 "it is answered by attaching a file (inspection attach ID gate FILE)" \
	"a media item takes no typed answer" inspection answer "$id" gate gate.jpg
expect_exit 0 "a text item" inspection answer "$id" site 东门
expect_err 1 "required item unanswered: Photo of the site gate" \
	"finalize wants the required photo" inspection finalize "$id"
expect_exit 0 "show before" inspection show "$id"
out_has "gate_seen *= none" "its value is empty while no file is attached"
cp "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/phone.jpg" "$T/gate.jpg"
expect_exit 0 "the photo attached to the item" inspection attach "$id" gate "$T/gate.jpg"
expect_exit 0 "show after" inspection show "$id"
out_has "gate_seen *= seen in gate.jpg" "its value is the file's name, as ODK records it"
check "show gives the file as the item's answer" grep -q '^  *gate.jpg$' "$OUT"
expect_exit 0 "finalize with the photo attached" inspection finalize "$id"
