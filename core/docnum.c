/* docnum.c - document numbers: kinds, text, checks, order, union, and the
 * claim file's canonical text (see docnum.h). */
#include "docnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "json.h"
#include "table.h"
#include "text.h"
#include "core/i18n.h"

static const char *const kind_names[DOCNUM_KIND_COUNT] = { "order", "record", "measures",
							    "review" };
/* 责令限期整改指令书, 现场检查记录, 现场处理措施决定书 and 整改复查意见书,
 * as the standard enforcement forms number them. */
static const char *const kind_words[DOCNUM_KIND_COUNT] = { "责改", "检记", "现决", "复查" };

const char *docnum_kind_name(enum docnum_kind k)
{
	return k < DOCNUM_KIND_COUNT ? kind_names[k] : "";
}

const char *docnum_kind_word(enum docnum_kind k)
{
	return k < DOCNUM_KIND_COUNT ? kind_words[k] : "";
}

int docnum_kind_parse(const char *s, enum docnum_kind *out)
{
	int k;

	for (k = 0; k < DOCNUM_KIND_COUNT; k++)
		if (!strcmp(s, kind_names[k]))
			return *out = (enum docnum_kind)k, 0;
	return -1;
}

int authority_check(const char *s, struct fc_err *err)
{
	if (!*s)
		return fc_fail(err, _("the issuing authority's short name is empty"));
	if (text_check(s, strlen(s), TEXT_LINE, MAX_AUTHORITY, _("the issuing authority's short "
		       "name"), err))
		return -1;
	if (strpbrk(s, "/\\ \t") || s[0] == '.')
		return fc_fail(err, _("the issuing authority's short name '%s' has a '/', a space "
			       "or a leading '.'"), s);
	return 0;
}

void docnum_text(const struct fc_document *d, struct strbuf *out)
{
	enum docnum_kind k = DOCNUM_ORDER;

	docnum_kind_parse(d->kind, &k);
	strbuf_addf(out, "（%s）%s〔%d〕%04d号", d->authority, docnum_kind_word(k), d->year,
		    d->serial);
}

static int document_check(const struct fc_document *d, struct fc_err *err)
{
	enum docnum_kind k;

	if (docnum_kind_parse(d->kind, &k))
		return fc_fail(err, _("'%.16s' is not a kind of numbered document"), d->kind);
	if (authority_check(d->authority, err) || badge_check(d->by, err) ||
	    timestamp_check(d->at, "issue time", err))
		return -1;
	if (d->year < DOCNUM_MIN_YEAR || d->year > DOCNUM_MAX_YEAR)
		return fc_fail(err, _("%d is not a document's year"), d->year);
	if (d->serial < 1 || d->serial > DOCNUM_MAX_SERIAL)
		return fc_fail(err, _("%d is not a document's serial (1 to %d)"), d->serial,
			       DOCNUM_MAX_SERIAL);
	return 0;
}

/* The number alone: what makes two lines the same document. */
static int number_cmp(const struct fc_document *a, const struct fc_document *b)
{
	int c;

	if ((c = strcmp(a->kind, b->kind)) || (c = strcmp(a->authority, b->authority)))
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->serial != b->serial)
		return a->serial < b->serial ? -1 : 1;
	return 0;
}

int document_cmp(const void *pa, const void *pb)
{
	const struct fc_document *a = pa, *b = pb;
	int c;

	if ((c = number_cmp(a, b)) || (c = strcmp(a->at, b->at)))
		return c;
	return strcmp(a->by, b->by);
}

int documents_check(const struct fc_document *list, size_t n, struct fc_err *err)
{
	size_t i;

	if (n > MAX_DOCUMENTS)
		return fc_fail(err, _("%zu numbered documents, at most %d"), n, MAX_DOCUMENTS);
	for (i = 0; i < n; i++) {
		if (document_check(&list[i], err))
			return fc_err_prefix(err, _("document %zu"), i + 1);
		if (i && number_cmp(&list[i - 1], &list[i]) >= 0)
			return fc_fail(err, _("documents are not in order, or one number is there "
				       "twice"));
	}
	return 0;
}

void documents_union(const struct fc_document *a, size_t na, const struct fc_document *b,
		     size_t nb, struct fc_document **out, size_t *n)
{
	size_t i, k = 0;
	struct fc_document *all = na + nb ? xcalloc(na + nb, sizeof *all) : NULL;

	if (na)
		memcpy(all, a, na * sizeof *a);
	if (nb)
		memcpy(all + na, b, nb * sizeof *b);
	if (na + nb)
		qsort(all, na + nb, sizeof *all, document_cmp);
	/* sorted by number, then time and badge: the first of a run wins */
	for (i = 0; i < na + nb; i++)
		if (!k || number_cmp(&all[k - 1], &all[i]))
			all[k++] = all[i];
	*out = all;
	*n = k;
}

const struct fc_document *documents_first(const struct fc_inspection *in, enum docnum_kind k)
{
	const struct fc_document *best = NULL;
	size_t i;

	for (i = 0; i < in->n_documents; i++) {
		const struct fc_document *d = &in->documents[i];
		if (strcmp(d->kind, docnum_kind_name(k)))
			continue;
		if (!best || strcmp(d->at, best->at) < 0)
			best = d;
	}
	return best;
}

int docnum_doc_number(const struct fc_inspection *in, enum docnum_kind k, struct doc *d)
{
	const struct fc_document *n = documents_first(in, k);
	struct strbuf sb;

	free(d->number);
	d->number = NULL;
	if (in->status != INSP_FINAL)
		return 0;
	if (!n) {
		d->draft = 1;
		return 0;
	}
	strbuf_init(&sb);
	docnum_text(n, &sb);
	d->number = strbuf_detach(&sb);
	return 1;
}

/* ---- claims ---- */

int docnum_claim_check(const struct docnum_claim *c, struct fc_err *err)
{
	if (authority_check(c->authority, err) || badge_check(c->badge, err) ||
	    uuid_check(c->device, "the claiming laptop's id", err) ||
	    timestamp_check(c->at, "claim time", err))
		return -1;
	if (c->kind >= DOCNUM_KIND_COUNT)
		return fc_fail(err, _("a claim of an unknown kind of document"));
	if (c->year < DOCNUM_MIN_YEAR || c->year > DOCNUM_MAX_YEAR)
		return fc_fail(err, _("%d is not a document's year"), c->year);
	if (c->count < 1 || c->count > DOCNUM_MAX_BLOCK)
		return fc_fail(err, _("a block of %d numbers (1 to %d)"), c->count, DOCNUM_MAX_BLOCK);
	if (c->start < 1 || c->start > DOCNUM_MAX_SERIAL - c->count + 1)
		return fc_fail(err, _("a block from %d of %d numbers passes %d"), c->start, c->count,
			       DOCNUM_MAX_SERIAL);
	return 0;
}

static void line_str(struct strbuf *sb, const char *k, const char *v, int last)
{
	strbuf_adds(sb, "  ");
	json_quote(sb, k);
	strbuf_adds(sb, ": ");
	json_quote(sb, v);
	strbuf_adds(sb, last ? "\n" : ",\n");
}

static void line_int(struct strbuf *sb, const char *k, long long v)
{
	strbuf_adds(sb, "  ");
	json_quote(sb, k);
	strbuf_addf(sb, ": %lld,\n", v);
}

void docnum_claim_encode(const struct docnum_claim *c, struct strbuf *out)
{
	strbuf_adds(out, "{\n");
	line_str(out, "format", DOCNUM_CLAIM_FORMAT, 0);
	line_str(out, "authority", c->authority, 0);
	line_str(out, "kind", docnum_kind_name(c->kind), 0);
	line_int(out, "year", c->year);
	line_int(out, "start", c->start);
	line_int(out, "count", c->count);
	line_str(out, "badge", c->badge, 0);
	line_str(out, "device", c->device, 0);
	line_str(out, "at", c->at, 1);
	strbuf_adds(out, "}\n");
}

static int get_s(const struct json_value *root, const char *k, char *dst, size_t size)
{
	const struct json_value *v = json_get(root, k);

	if (!v || v->type != JSON_STRING || v->len >= size)
		return -1;
	memcpy(dst, v->s, v->len + 1);
	return 0;
}

static int get_i(const struct json_value *root, const char *k, int *out)
{
	const struct json_value *v = json_get(root, k);

	if (!v || v->type != JSON_INT || v->i < 0 || v->i > DOCNUM_MAX_SERIAL)
		return -1;
	*out = (int)v->i;
	return 0;
}

/* Reads the fields; the canonical comparison after refuses any other key,
 * order or spacing. */
static int claim_fields(const struct json_value *root, struct docnum_claim *c)
{
	char format[32], kind[MAX_DOC_KIND + 1];

	if (root->type != JSON_OBJECT || get_s(root, "format", format, sizeof format) ||
	    strcmp(format, DOCNUM_CLAIM_FORMAT) ||
	    get_s(root, "authority", c->authority, sizeof c->authority) ||
	    get_s(root, "kind", kind, sizeof kind) || docnum_kind_parse(kind, &c->kind) ||
	    get_i(root, "year", &c->year) || get_i(root, "start", &c->start) ||
	    get_i(root, "count", &c->count) || get_s(root, "badge", c->badge, sizeof c->badge) ||
	    get_s(root, "device", c->device, sizeof c->device) ||
	    get_s(root, "at", c->at, sizeof c->at))
		return -1;
	return 0;
}

int docnum_claim_decode(const char *buf, size_t len, const char *where,
			struct docnum_claim *out, struct fc_err *err)
{
	static const struct json_limits lim = { 9, 11 };
	struct json_value root;
	struct strbuf sb;
	int rc;

	memset(out, 0, sizeof *out);
	if (len > DOCNUM_CLAIM_MAX_BYTES)
		return fc_fail(err, _("%s: a claim of numbers is %zu bytes, at most %d"), where, len,
			       DOCNUM_CLAIM_MAX_BYTES);
	if (json_parse(buf, len, where, &lim, &root, err))
		return -1;
	rc = claim_fields(&root, out);
	json_release(&root);
	if (rc)
		return fc_fail(err, _("%s: not a claim of numbers (%s)"), where, DOCNUM_CLAIM_FORMAT);
	if (docnum_claim_check(out, err))
		return fc_err_prefix(err, "%s", where);
	strbuf_init(&sb);
	docnum_claim_encode(out, &sb);
	rc = sb.len == len && !memcmp(sb.buf, buf, len) ? 0 :
	     fc_fail(err, _("%s: a claim of numbers not in canonical form"), where);
	strbuf_release(&sb);
	return rc;
}

void docnum_claim_path(const struct docnum_claim *c, char *out, size_t size)
{
	snprintf(out, size, "numbers/%s/%d/%s/%d.json", c->authority, c->year,
		 docnum_kind_name(c->kind), c->start);
}

int docnum_claims_overlap(const struct docnum_claim *a, const struct docnum_claim *b)
{
	return a->kind == b->kind && a->year == b->year && !strcmp(a->authority, b->authority) &&
	       a->start < b->start + b->count && b->start < a->start + a->count;
}
