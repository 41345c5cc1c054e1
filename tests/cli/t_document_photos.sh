# t_document_photos.sh - the printable documents show photos where they
# belong (issue 14): the on-site record each item's under its row and the
# inspection's own at the end, the order each hazard's own under it, the
# re-inspection opinion the repair's (attached to the 'rectified' event).
# The PDF embeds a JPEG as it is (pdfimages: DCT, its own size) and a PNG;
# the HTML carries them as data: URIs; the text lists them.  A file this
# laptop lacks is a line saying so, a withdrawn one is not shown, and past
# 24 photos a line says how many more and where they are.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
# png FILE W H SEED: a real PNG of W x H pixels, its pixels from SEED.
png() {
	python3 - "$@" <<'PY'
import struct, sys, zlib
path, w, h, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
rows = b"".join(b"\0" + bytes(((x * 7 + y * 3 + seed) % 256) for x in range(w * 3)) for y in range(h))
with open(path, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
}
mkdir -p "$T/card"
cp "$SEEDS/phone.jpg" "$T/card/crew.jpg"
cp "$SEEDS/camera-mm.jpg" "$T/card/plate.jpg"
cp "$SEEDS/plain.jpg" "$T/card/arm.jpg"
png "$T/card/site.png" 40 20 1
png "$T/card/gone.png" 30 30 2
png "$T/card/repair.png" 24 18 3

hazmat_failed "liquid_ammonia"
attach() { "$FC" -C "$WS" "$@" >/dev/null 2>"$ERR" || { not_ok "attach: $*"; show_output; }; }
attach inspection attach "$id" crew_qualifications "$T/card/crew.jpg"
attach inspection attach "$id" swivel_arm "$T/card/gone.png"
attach inspection attach "$id" vehicle_plate "$T/card/plate.jpg"
attach inspection attach "$id" "$T/card/site.png"
# a draft's file withdrawn: no document shows it
sql "UPDATE attachments SET withdrawn = '2026-11-28T09:40:00+08:00' WHERE name = 'plate.jpg'"
FIELDCHECK_NOW=2026-11-28T11:00:00+08:00 fc inspection finalize "$id" || not_ok finalize
hazard_of() { "$FC" -C "$WS" hazard list --inspection "$id" --format csv | grep "$1" | cut -d, -f1; }
h_crew=$(hazard_of crew_qualifications)
attach hazard attach "$h_crew" "$T/card/arm.jpg"
FIELDCHECK_NOW=2026-12-01T10:00:00+08:00 fc hazard event "$h_crew" rectified --note 已换证 ||
	not_ok rectified
attach hazard attach "$h_crew" "$T/card/repair.png" --event 2
FIELDCHECK_NOW=2026-12-02T10:00:00+08:00 fc hazard event "$h_crew" verified --note 复查合格 ||
	not_ok verified
# gone.png is not on this laptop (a supervisor's, not yet fetched)
gone=$(sha256sum "$T/card/gone.png" | cut -c1-64)
rm -f "$WS/evidence/$(printf %.2s "$gone")/$gone"

# The record as text: each photo under its item, the record's own at the end.
fc document "$short" record --format text
crew=$(sha256sum "$T/card/crew.jpg" | cut -c1-12)
check "text: the item's photo right under its row, with its sha256's first 12" \
	sh -c "grep -A3 '押运员证过期' '$OUT' | grep -q '^     \[photo\] crew.jpg · .* · $crew$'"
out_has "\[photo\] crew.jpg · 20[0-9-]* [0-9:]* · 31\.2[0-9]* 121\.4[0-9]*" \
	"text: its caption says when and where it was taken (Exif)"
check "text: the file not here is a line under its item" \
	sh -c "grep -A3 '液氨用软管充装' '$OUT' | grep -q '^     gone.png (not on this laptop)$'"
check "text: a withdrawn file is not shown" lacks plate.jpg "$OUT"
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 fc document "$short" record --format text
out_has "^     gone.png（不在本机上）$" "text in Chinese: the file not here said so"
out_has "^  \[photo\] site.png · " "text in Chinese: the record's own photo under 照片"
fc document "$short" record --format text
check "text: the record's own photo after the hazards" \
	sh -c "sed -n '/Hazards found/,\$p' '$OUT' | grep -q '\[photo\] site.png'"
check "text: the hazard's and the repair's photos are not the record's" \
	sh -c "! grep -q 'arm.jpg\|repair.png' '$OUT'"

# The record as PDF: the JPEG embedded as it is, the PNG decoded.
fc document "$short" record --format pdf --out "$T/record.pdf" || not_ok "record pdf"
pdfimages -list "$T/record.pdf" | tail -n +3 >"$T/images"
check "PDF: two images, the item's JPEG and the record's PNG" \
	[ "$(grep -c image "$T/images")" -eq 2 ]
check "PDF: the JPEG is embedded as a JPEG (DCT) of its own 16 x 12 pixels" \
	grep -Eq 'image +16 +12 +rgb +3 +8 +jpeg' "$T/images"
check "PDF: the PNG at its 40 x 20 pixels" grep -Eq 'image +40 +20 +rgb +3 +8 +(image|jpx|flate)' "$T/images"
pdftotext -layout "$T/record.pdf" "$T/record.txt"
check "PDF: the captions and the line for the file not here" \
	sh -c "grep -q 'crew.jpg' '$T/record.txt' && grep -q 'gone.png (not on this laptop)' '$T/record.txt'"
check "PDF: the JPEG's bytes are in it whole" \
	sh -c "pdfimages -j '$T/record.pdf' '$T/img' && cmp -s '$T/img-000.jpg' '$T/card/crew.jpg'"

# The record as HTML: the photos inline.
fc document "$short" record --format html
jpeg64=$(base64 -w0 "$T/card/crew.jpg")
check "HTML: the JPEG as a data: URI, its bytes whole" grep -q "data:image/jpeg;base64,$jpeg64\"" "$OUT"
check "HTML: the PNG too" grep -q "data:image/png;base64,$(base64 -w0 "$T/card/site.png")\"" "$OUT"
check "HTML: under its row, across the table" grep -q '<tr><td colspan="4"><figure><img' "$OUT"
out_has "gone.png (not on this laptop)" "HTML: the file not here named"

# The order: the hazard's own photo under it; the opinion: the repair's.
fc document "$short" order --format text
check "order: the hazard's photo under its row" \
	sh -c "grep -A6 '押运员证过期' '$OUT' | grep -q '\[photo\] arm.jpg'"
check "order: not the repair's" lacks repair.png "$OUT"
fc document "$short" order --format pdf --out "$T/order.pdf" || not_ok "order pdf"
check "order PDF: the hazard's JPEG as a JPEG" \
	sh -c "pdfimages -list '$T/order.pdf' | grep -Eq 'image +16 +12 +rgb +3 +8 +jpeg'"
fc document "$short" review --format text
check "opinion: the repair's photo under its hazard" \
	sh -c "grep -A6 '押运员证过期' '$OUT' | grep -q '\[photo\] repair.png'"
check "opinion: not the hazard's own" lacks arm.jpg "$OUT"
fc document "$short" review --format pdf --out "$T/review.pdf" || not_ok "review pdf"
check "opinion PDF: the repair's PNG at 24 x 18" \
	sh -c "[ \$(pdfimages -list '$T/review.pdf' | grep -c image) -eq 1 ] &&
		pdfimages -list '$T/review.pdf' | grep -Eq 'image +24 +18 '"

# A HEIC cannot be drawn: a line names it.  A photo whose bytes changed in
# the store is never drawn: its line says why.
printf '\000\000\000\030ftypheic\000\000\000\000mif1heic' >"$T/card/phone.heic"
head -c 200 /dev/zero >>"$T/card/phone.heic"
attach hazard attach "$h_crew" "$T/card/phone.heic"
rep=$(sha256sum "$T/card/repair.png" | cut -c1-64)
f="$WS/evidence/$(printf %.2s "$rep")/$rep"
chmod u+w "$f" && printf 'X' | dd of="$f" bs=1 seek=40 conv=notrunc 2>/dev/null
fc document "$short" order --format text
out_has "^     \[file\] phone.heic · " "text: the HEIC listed as a file"
fc document "$short" order --format pdf --out "$T/order2.pdf" || not_ok "order pdf again"
pdftotext "$T/order2.pdf" - | tr '\n' ' ' >"$T/order2.txt"
check "PDF: the HEIC is a line naming it and its type" grep -q 'phone.heic.*(image/heic)' "$T/order2.txt"
fc document "$short" review --format pdf --out "$T/review2.pdf" || not_ok "review pdf again"
check "PDF: a photo whose bytes changed is not drawn" \
	[ "$(pdfimages -list "$T/review2.pdf" | grep -c image)" -eq 0 ]
check "PDF: its line says its bytes do not match" \
	sh -c "pdftotext '$T/review2.pdf' - | tr '\n' ' ' | grep -q 'repair.png.*do not match'"
fc document "$short" review --format html
check "HTML: nor is it put in the page" lacks "data:image/png" "$OUT"
out_has "repair.png .*do not match" "HTML: its line says why"

# The cap: 26 photos, 24 printed, a line for the 2 more and where they are.
many=$("$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1")
i=0
while [ $i -lt 26 ]; do
	png "$T/card/p$i.png" 8 8 $((i + 10))
	i=$((i + 1))
done
attach inspection attach "$many" "$T"/card/p*.png
fc document "$many" record --format text
check "cap: 24 photos listed" [ "$(grep -c '\[photo\]' "$OUT")" -eq 24 ]
out_has "2 more photos are not printed here: a document prints at most 24 photos" \
	"cap: a line says how many more"
out_has "They are kept in .*/evidence; 'fieldcheck inspection show $(printf %.8s "$many")'" \
	"cap: and where they are"
fc document "$many" record --format pdf --out "$T/many.pdf" || not_ok "many pdf"
check "cap: the PDF holds 24 images" [ "$(pdfimages -list "$T/many.pdf" | grep -c image)" -eq 24 ]
