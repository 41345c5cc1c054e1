/* layout.c - record paths in the replica's tree (see layout.h). */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/docnum.h"
#include "core/model.h"
#include "core/roster.h"

static const char *record_id(const struct fc_record *r)
{
	switch (r->kind) {
	case REC_ENTERPRISE: return r->u.enterprise.code;
	case REC_INSPECTION: return r->u.inspection.id;
	default: return r->u.hazard.id;
	}
}

void layout_hazard_path(const char *id, const char *found_at, int format, char *out,
			size_t size)
{
	if (format >= LAYOUT_FORMAT)
		snprintf(out, size, "hazards/%.4s/%.2s/%s.json", found_at,
			 strlen(found_at) > 5 ? found_at + 5 : "", id);
	else
		snprintf(out, size, "hazards/%.2s/%s.json", id, id);
}

void layout_record_path(const struct fc_record *r, int format, char *out, size_t size)
{
	const struct fc_inspection *in = &r->u.inspection;
	const struct fc_hazard *h = &r->u.hazard;

	switch (r->kind) {
	case REC_ENTERPRISE:
		snprintf(out, size, "enterprises/%s.json", r->u.enterprise.code);
		break;
	case REC_INSPECTION:
		snprintf(out, size, "inspections/%.4s/%.2s/%s.json", in->created_at,
			 in->created_at + 5, in->id);
		break;
	default:
		layout_hazard_path(h->id, h->n_events ? h->events[0].at : "", format, out, size);
	}
}

int layout_format_number(const char *s, size_t len)
{
	size_t i, k = strlen("fieldcheck ");
	int n = 0;

	if (len < k + 2 || len > k + 7 || memcmp(s, "fieldcheck ", k) || s[len - 1] != '\n' ||
	    s[k] == '0')
		return 0;
	for (i = k; i < len - 1; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		n = n * 10 + (s[i] - '0');
	}
	return n;
}

void layout_form_path(const char *form_id, int version, const char *file, char *out, size_t size)
{
	snprintf(out, size, "forms/%s/%d/%s", form_id, version, file);
}

static int digits(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[n] == '\0' || s[n] == '/';
}

/* "<id>.json" as the last component: copies the id. */
static int json_leaf(const char *leaf, char *id, size_t size)
{
	size_t n = strlen(leaf);
	if (n < 6 || n - 5 >= size || strcmp(leaf + n - 5, ".json"))
		return -1;
	memcpy(id, leaf, n - 5);
	id[n - 5] = '\0';
	return 0;
}

static int parse_form(const char *rest, struct layout_path *out)
{
	const char *slash = strchr(rest, '/'), *ver, *file;
	char *end;
	long v;

	if (!slash || slash == rest || (size_t)(slash - rest) >= sizeof out->id)
		return -1;
	memcpy(out->id, rest, (size_t)(slash - rest));
	out->id[slash - rest] = '\0';
	ver = slash + 1;
	v = strtol(ver, &end, 10);
	if (end == ver || *end != '/' || v < 1 || v > MAX_FORM_VERSION || *ver == '0')
		return -1;
	file = end + 1;
	if (strcmp(file, "survey.csv") && strcmp(file, "choices.csv") &&
	    strcmp(file, "settings.csv") && !form_kept_file_name_ok(file))
		return -1; /* the name check keeps it one plain file of the folder */
	out->version = (int)v;
	snprintf(out->file, sizeof out->file, "%s", file);
	out->kind = LAY_FORM_FILE;
	return form_id_check(out->id, NULL) ? -1 : 0;
}

/* "YYYY/MM/<id>.json" (format 2) or "<2 hex>/<id>.json" with the id's
 * first two digits (format 1), after "hazards/". */
static int parse_hazard(const char *rest, struct layout_path *out)
{
	if (digits(rest, 4) && rest[4] == '/' && digits(rest + 5, 2) && rest[7] == '/' &&
	    !strchr(rest + 8, '/') && json_leaf(rest + 8, out->id, sizeof out->id) == 0)
		out->format = LAYOUT_FORMAT;
	else if (strlen(rest) > 3 && rest[2] == '/' && !strchr(rest + 3, '/') &&
		 json_leaf(rest + 3, out->id, sizeof out->id) == 0 && !strncmp(out->id, rest, 2))
		out->format = LAYOUT_FORMAT_OLD;
	else
		return -1;
	out->kind = LAY_RECORD, out->rec = REC_HAZARD;
	return 0;
}

/* "<authority>/<YYYY>/<kind>/<start>.json" after "numbers/": the shape of
 * a claim's path (its content must say the same: sync/claims.c). */
static int parse_claim(const char *rest, struct layout_path *out)
{
	const char *slash = strchr(rest, '/'), *kind, *leaf;
	char auth[MAX_AUTHORITY + 1], k[MAX_DOC_KIND + 1];
	enum docnum_kind dk;
	size_t n;

	if (!slash || (size_t)(slash - rest) > MAX_AUTHORITY)
		return -1;
	memcpy(auth, rest, (size_t)(slash - rest));
	auth[slash - rest] = '\0';
	if (authority_check(auth, NULL) || !digits(slash + 1, 4) || slash[5] != '/')
		return -1;
	kind = slash + 6;
	if (!(leaf = strchr(kind, '/')) || (size_t)(leaf - kind) > MAX_DOC_KIND)
		return -1;
	memcpy(k, kind, (size_t)(leaf - kind));
	k[leaf - kind] = '\0';
	leaf++;
	n = strlen(leaf);
	if (docnum_kind_parse(k, &dk) || n < 6 || n > 11 || leaf[0] == '0' ||
	    strcmp(leaf + n - 5, ".json"))
		return -1;
	for (n -= 5; n > 0; n--)
		if (leaf[n - 1] < '0' || leaf[n - 1] > '9')
			return -1;
	out->kind = LAY_CLAIM;
	return 0;
}

int layout_parse(const char *path, struct layout_path *out, struct fc_err *err)
{
	memset(out, 0, sizeof *out);
	out->kind = LAY_INVALID;
	if (!strncmp(path, "enterprises/", 12) && !strchr(path + 12, '/') &&
	    json_leaf(path + 12, out->id, sizeof out->id) == 0) {
		out->kind = LAY_RECORD, out->rec = REC_ENTERPRISE;
	} else if (!strncmp(path, "inspections/", 12) && digits(path + 12, 4) &&
		   path[16] == '/' && digits(path + 17, 2) && path[19] == '/' &&
		   !strchr(path + 20, '/') && json_leaf(path + 20, out->id, sizeof out->id) == 0) {
		out->kind = LAY_RECORD, out->rec = REC_INSPECTION;
	} else if (!strncmp(path, "hazards/", 8) && parse_hazard(path + 8, out) == 0) {
		return 0;
	} else if (!strcmp(path, LAYOUT_FORMAT_PATH)) {
		out->kind = LAY_FORMAT;
		return 0;
	} else if (!strncmp(path, "forms/", 6) && parse_form(path + 6, out) == 0) {
		return 0;
	} else if (!strcmp(path, ROSTER_PATH)) {
		out->kind = LAY_ROSTER;
		return 0;
	} else if (!strncmp(path, LAYOUT_NUMBERS "/", 8) && parse_claim(path + 8, out) == 0) {
		return 0;
	}
	if (out->kind == LAY_INVALID)
		return fc_fail(err, _("%.200s is not a place where fieldcheck keeps records"), path);
	return 0;
}

int layout_matches(const struct layout_path *p, const struct fc_record *r, const char *path,
		   int format, struct fc_err *err)
{
	char want[128];

	if (p->rec != r->kind || strcmp(p->id, record_id(r)))
		return fc_fail(err, _("%.200s holds %s %.40s, not the record its name says"), path,
			       r->kind == REC_ENTERPRISE ? "enterprise" : r->kind == REC_INSPECTION ? "inspection" : "hazard", record_id(r));
	layout_record_path(r, format, want, sizeof want);
	if (strcmp(want, path))
		return fc_fail(err, _("%.200s should be at %s (the tree is in format %d)"), path,
			       want, format);
	return 0;
}

int layout_format1_path(const char *path, char *out, size_t size)
{
	struct layout_path lp;

	if (layout_parse(path, &lp, NULL) || lp.kind != LAY_RECORD || lp.rec != REC_HAZARD ||
	    lp.format != LAYOUT_FORMAT)
		return 0;
	layout_hazard_path(lp.id, "", LAYOUT_FORMAT_OLD, out, size);
	return 1;
}
