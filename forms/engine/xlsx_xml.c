/* xlsx_xml.c - running expat over one part of a workbook (see xlsx_impl.h).
 *
 * Parts are read with namespace processing so that an element is known by
 * its local name whatever prefix the writing program chose (Excel, WPS,
 * LibreOffice and strict OOXML spell them differently).  A DOCTYPE is
 * refused outright: no workbook program writes one, and without it no
 * entity can be declared, expanded or fetched.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "forms/engine/xlsx_impl.h"
#include "core/i18n.h"

#define NS_SEP '|'

const char *xml_local(const char *name)
{
	const char *bar = strrchr(name, NS_SEP);

	return bar ? bar + 1 : name;
}

const char *xml_attr(const char **atts, const char *local, int any_ns)
{
	size_t i;

	for (i = 0; atts[i]; i += 2) {
		int in_ns = strchr(atts[i], NS_SEP) != NULL;
		if ((!in_ns || any_ns) && !strcmp(xml_local(atts[i]), local))
			return atts[i + 1];
	}
	return NULL;
}

int xml_inside(const struct xml_walk *w, const char *name)
{
	return w->depth >= 1 && !strcmp(w->stack[w->depth - 1], name);
}

void xml_walk_fail(struct xml_walk *w, const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof w->err->msg];

	if (w->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fc_fail(w->err, _("%s, line %lu: %s"), w->part,
		(unsigned long)XML_GetCurrentLineNumber(w->p), msg);
	w->failed = 1;
	XML_StopParser(w->p, XML_FALSE);
}

static void on_start(void *data, const char *name, const char **atts)
{
	struct xml_walk *w = data;
	const char *local = xml_local(name);

	if (w->failed)
		return;
	if (w->depth == XML_DEPTH_MAX) {
		xml_walk_fail(w, "elements nested more than %d deep", XML_DEPTH_MAX);
		return;
	}
	w->start(w, local, atts);
	snprintf(w->stack[w->depth++], sizeof w->stack[0], "%s", local);
}

static void on_end(void *data, const char *name)
{
	struct xml_walk *w = data;

	if (w->failed)
		return;
	w->depth--;
	w->end(w, xml_local(name));
}

static void on_text(void *data, const char *s, int len)
{
	struct xml_walk *w = data;

	if (w->collect && !w->failed)
		strbuf_add(&w->text, s, (size_t)len);
}

static void on_doctype(void *data, const char *name, const char *sysid, const char *pubid,
		       int internal)
{
	(void)name, (void)sysid, (void)pubid, (void)internal;
	xml_walk_fail(data, "a DOCTYPE, which no workbook has (refused: entities could expand)");
}

int xml_walk_run(struct xml_walk *w, const char *xml, size_t len, struct fc_err *err)
{
	enum XML_Status st;
	int rc = 0;

	w->p = XML_ParserCreateNS("UTF-8", NS_SEP);
	if (!w->p)
		return fc_fail(err, _("%s: out of memory for the XML parser"), w->part);
	w->err = err;
	w->depth = 0;
	w->failed = 0;
	strbuf_init(&w->text);
	XML_SetUserData(w->p, w);
	XML_SetElementHandler(w->p, on_start, on_end);
	XML_SetCharacterDataHandler(w->p, on_text);
	XML_SetStartDoctypeDeclHandler(w->p, on_doctype);
	st = len > (size_t)0x7fffffff ? XML_STATUS_ERROR :
	     XML_Parse(w->p, xml, (int)len, XML_TRUE);
	if (!w->failed && st != XML_STATUS_OK) {
		fc_fail(err, _("%s, line %lu: not well-formed XML (%s)"), w->part,
			(unsigned long)XML_GetCurrentLineNumber(w->p),
			XML_ErrorString(XML_GetErrorCode(w->p)));
		rc = -1;
	}
	if (w->failed)
		rc = -1;
	XML_ParserFree(w->p);
	w->p = NULL;
	strbuf_release(&w->text);
	return rc;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Appends code point cp as UTF-8 (a surrogate becomes U+FFFD). */
static size_t put_utf8(char *o, unsigned cp)
{
	if (cp >= 0xd800 && cp <= 0xdfff)
		cp = 0xfffd;
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	o[0] = (char)(0xe0 | cp >> 12);
	o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
	o[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

void xlsx_unescape(struct strbuf *sb)
{
	char *s = sb->buf;
	size_t i = 0, o = 0;

	while (i < sb->len) {
		int h[4], k;
		if (s[i] == '_' && i + 7 <= sb->len && s[i + 1] == 'x' && s[i + 6] == '_') {
			for (k = 0; k < 4; k++)
				h[k] = hexval(s[i + 2 + k]);
			if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0) {
				/* never longer than the 7 bytes it replaces */
				o += put_utf8(s + o, (unsigned)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]));
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	sb->len = o;
	s[o] = '\0';
}
