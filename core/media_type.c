/* media_type.c - judging a file's kind from its bytes (see media_type.h). */
#include "media_type.h"

#include <string.h>

#include "strbuf.h"
#include "text.h"
#include "core/i18n.h"

static const char *const names[] = {
	[MEDIA_JPEG] = "image/jpeg", [MEDIA_PNG] = "image/png",
	[MEDIA_HEIC] = "image/heic", [MEDIA_PDF] = "application/pdf",
	[MEDIA_MP4] = "video/mp4",   [MEDIA_M4A] = "audio/mp4",
	[MEDIA_AMR] = "audio/amr",   [MEDIA_WAV] = "audio/wav",
	[MEDIA_TEXT] = "text/plain",
};

const char *media_type_name(enum media_type t)
{
	return t > MEDIA_UNKNOWN && t <= MEDIA_TEXT ? names[t] : NULL;
}

enum media_type media_type_parse(const char *name)
{
	int t;

	for (t = MEDIA_JPEG; t <= MEDIA_TEXT; t++)
		if (!strcmp(names[t], name))
			return (enum media_type)t;
	return MEDIA_UNKNOWN;
}

/* The brands of an ISO base media file (its ftyp box) that name a kind we
 * keep; "3gp" stands for every 3GPP brand (3gp4, 3gp5, ...). */
static enum media_type brand(const unsigned char *b)
{
	static const struct {
		const char *brand;
		enum media_type type;
	} brands[] = {
		{ "heic", MEDIA_HEIC }, { "heix", MEDIA_HEIC }, { "mif1", MEDIA_HEIC },
		{ "msf1", MEDIA_HEIC }, { "isom", MEDIA_MP4 },  { "iso2", MEDIA_MP4 },
		{ "mp41", MEDIA_MP4 },  { "mp42", MEDIA_MP4 },  { "avc1", MEDIA_MP4 },
		{ "M4A ", MEDIA_M4A },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(brands); i++)
		if (!memcmp(b, brands[i].brand, 4))
			return brands[i].type;
	return !memcmp(b, "3gp", 3) ? MEDIA_MP4 : MEDIA_UNKNOWN;
}

/* An ftyp box first: its major brand decides, else the first compatible
 * brand we know, within the box and the head. */
static enum media_type ftyp(const unsigned char *h, size_t len)
{
	size_t box, off;
	enum media_type t;

	if (len < 12 || memcmp(h + 4, "ftyp", 4))
		return MEDIA_UNKNOWN;
	box = (size_t)h[0] << 24 | (size_t)h[1] << 16 | (size_t)h[2] << 8 | h[3];
	if (box < 16)
		return MEDIA_UNKNOWN;
	if ((t = brand(h + 8)) != MEDIA_UNKNOWN)
		return t;
	for (off = 16; off + 4 <= box && off + 4 <= len; off += 4)
		if ((t = brand(h + off)) != MEDIA_UNKNOWN)
			return t;
	return MEDIA_UNKNOWN;
}

static enum media_type magic(const unsigned char *h, size_t len)
{
	if (len >= 3 && h[0] == 0xff && h[1] == 0xd8 && h[2] == 0xff)
		return MEDIA_JPEG;
	if (len >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
		return MEDIA_PNG;
	if (len >= 5 && !memcmp(h, "%PDF-", 5))
		return MEDIA_PDF;
	if (len >= 6 && !memcmp(h, "#!AMR\n", 6))
		return MEDIA_AMR;
	if (len >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WAVE", 4))
		return MEDIA_WAV;
	return ftyp(h, len);
}

void media_sniff_init(struct media_sniff *m)
{
	memset(m, 0, sizeof *m);
	m->text_ok = 1;
}

/* Plain text: any character but the controls (C0 but tab, LF and CR; DEL;
 * C1), which would act on a terminal that shows the file. */
static int text_char(const unsigned char *s, size_t n)
{
	unsigned cp;

	if (utf8_seq_len(s, n) != n)
		return 0;
	cp = utf8_decode(s, n);
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0x7f && (cp < 0x80 || cp > 0x9f);
}

/* The length a UTF-8 lead byte announces, 0 for a byte that leads none. */
static size_t lead_len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
	       : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
}

/* Checks p[0..len) as the continuation of the text so far; a sequence cut
 * by the end waits in pend for the next chunk. */
static void text_update(struct media_sniff *m, const unsigned char *p, size_t len)
{
	while (len && m->text_ok) {
		size_t need = lead_len(m->pend_len ? m->pend[0] : p[0]), take;

		if (!m->pend_len && need == 1) {
			m->text_ok = text_char(p, 1);
			p++, len--;
			continue;
		}
		if (need == 0) {
			m->text_ok = 0;
			break;
		}
		take = need - m->pend_len < len ? need - m->pend_len : len;
		memcpy(m->pend + m->pend_len, p, take);
		m->pend_len += take;
		p += take, len -= take;
		if (m->pend_len < need)
			break;
		m->text_ok = text_char(m->pend, need);
		m->pend_len = 0;
	}
}

void media_sniff_update(struct media_sniff *m, const void *data, size_t len)
{
	const unsigned char *p = data;

	if (m->head_len < MEDIA_HEAD) {
		size_t take = MEDIA_HEAD - m->head_len < len ? MEDIA_HEAD - m->head_len : len;
		memcpy(m->head + m->head_len, p, take);
		m->head_len += take;
	}
	m->bytes += len;
	text_update(m, p, len);
}

int media_sniff_hopeless(const struct media_sniff *m)
{
	return !m->text_ok && m->head_len == MEDIA_HEAD &&
	       magic(m->head, m->head_len) == MEDIA_UNKNOWN;
}

int media_sniff_final(struct media_sniff *m, const char *name, enum media_type *out,
		      struct fc_err *err)
{
	enum media_type t = magic(m->head, m->head_len);

	if (m->bytes == 0)
		return fc_fail(err, _("%s: the file is empty"), name);
	if (t == MEDIA_UNKNOWN && m->text_ok && !m->pend_len)
		t = MEDIA_TEXT;
	if (t == MEDIA_UNKNOWN)
		return fc_fail(err, _("%s: not a kind of file fieldcheck keeps "
				      "(JPEG, PNG, HEIC, PDF, MP4, M4A, AMR, WAV, text)"), name);
	*out = t;
	return 0;
}
