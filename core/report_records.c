/* report_records.c - a report's periods and the records behind its figures
 * (see report_records.h), filtered as report_scan.c groups and report.c
 * counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_records.h"
#include "report_impl.h"
#include "enterprise.h"
#include "strbuf.h"
#include "core/i18n.h"

#define SLOTS 256            /* look-ups remembered (direct-mapped) */
#define TICK 2000            /* rows between two progress calls */

struct town_slot {
	char code[USCC_LEN + 1];
	char town[MAX_TOWN + 1];
};

struct insp_slot {
	char id[FC_UUID_LEN + 1];
	char created_at[FC_TIMESTAMP_LEN + 1];
	char form[MAX_FORM_ID + 1];
	char dept[MAX_DEPT + 1];
	int final, ok;
};

struct records_cache {
	struct town_slot towns[SLOTS];
	struct insp_slot insp[SLOTS];
};

/* "YYYY-MM-01" of the month `add` months after today's. */
static void month_start(const char *today, int add, char *out, size_t size)
{
	unsigned y = (unsigned)atoi(today), m = (unsigned)atoi(today + 5) - 1 + (unsigned)add;

	snprintf(out, size, "%04u-%02u-01", (y + m / 12) % 10000u, m % 12 + 1);
}

int records_range_set(struct records_range *r, enum records_period kind, const char *today,
		      struct fc_err *err)
{
	char next[FC_DATE_LEN + 1];

	r->kind = kind;
	switch (kind) {
	case RP_MONTH:
		month_start(today, 0, r->from, sizeof r->from);
		month_start(today, 1, next, sizeof next);
		return date_add_days(next, -1, r->to, err);
	case RP_YEAR:
		snprintf(r->from, sizeof r->from, "%.4s-01-01", today);
		snprintf(r->to, sizeof r->to, "%.4s-12-31", today);
		return 0;
	case RP_ALL:
	case RP_COUNT:
		r->kind = RP_ALL;
		r->from[0] = r->to[0] = '\0';
		return 0;
	case RP_DATES:
		break;
	}
	if ((r->from[0] && date_check(r->from, _("from"), err)) ||
	    (r->to[0] && date_check(r->to, _("to"), err)))
		return -1;
	if (r->from[0] && r->to[0] && strcmp(r->from, r->to) > 0)
		return fc_fail(err, _("from %s is after to %s"), r->from, r->to);
	return 0;
}

static size_t slot_of(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % SLOTS;
}

static struct records_cache *cache(struct records_page *p)
{
	if (!p->cache)
		p->cache = xcalloc(1, sizeof *p->cache);
	return p->cache;
}

/* The town of an enterprise ("" when it has none or is unknown). */
static const char *town_of(struct fc_store *s, struct records_page *p, const char *code)
{
	struct town_slot *t = &cache(p)->towns[slot_of(code)];
	struct fc_enterprise e;
	struct fc_err err;

	if (strcmp(t->code, code)) {
		snprintf(t->code, sizeof t->code, "%s", code);
		t->town[0] = '\0';
		if (enterprise_get(s, code, &e, &err) == 0) {
			snprintf(t->town, sizeof t->town, "%s", e.town ? e.town : "");
			enterprise_clear(&e);
		}
	}
	return t->town;
}

/* An inspection's date, status, form and department, as the report groups
 * it (ok 0 when unknown). */
static const struct insp_slot *insp_of(struct fc_store *s, struct records_page *p,
				       const char *id)
{
	struct insp_slot *sl = &cache(p)->insp[slot_of(id)];
	struct fc_inspection in;
	struct fc_err err;

	if (strcmp(sl->id, id)) {
		memset(sl, 0, sizeof *sl);
		snprintf(sl->id, sizeof sl->id, "%s", id);
		if (inspection_get(s, id, &in, &err) == 0) {
			snprintf(sl->created_at, sizeof sl->created_at, "%s", in.created_at);
			snprintf(sl->form, sizeof sl->form, "%s", in.form_id ? in.form_id : "");
			/* the department of the team's first member, as report_scan.c */
			snprintf(sl->dept, sizeof sl->dept, "%s", in.n_team ? in.team[0].dept : "");
			sl->final = in.status == INSP_FINAL;
			sl->ok = 1;
			inspection_clear(&in);
		}
	}
	return sl;
}

struct walker {
	struct fc_store *s;
	const struct records_query *q;
	struct records_page *p;
	const struct records_progress *prog;
	size_t seen, want;
	struct fc_err *err;
	int failed;                 /* a look-up failed: err says how */
};

/* Every TICK rows: asks whether to go on; 1 when the reading stops here. */
static int tick(struct walker *k)
{
	if (!k->prog || !k->prog->fn || k->seen % TICK)
		return 0;
	if (!k->prog->fn(k->prog->ctx, k->seen))
		return 0;
	k->p->stopped = k->p->more = 1;
	k->p->skip = k->seen - 1;
	return 1;
}

/* Whether an inspection of this date, status, form and enterprise is one
 * the query's period and group take (`id` names it, for its department). */
static int insp_in(struct walker *k, const char *id, const char *created_at, int final,
		   const char *form, const char *enterprise)
{
	const struct records_query *q = k->q;
	const struct insp_slot *in;

	if ((q->range.from[0] && strncmp(created_at, q->range.from, FC_DATE_LEN) < 0) ||
	    (q->range.to[0] && strncmp(created_at, q->range.to, FC_DATE_LEN) > 0) ||
	    (q->final_only && !final))
		return 0;
	switch (q->by) {
	case REPORT_BY_FORM: return !strcmp(form, q->key);
	case REPORT_BY_MONTH: return !strncmp(created_at, q->key, 7) && strlen(q->key) == 7;
	case REPORT_BY_TOWN: return !strcmp(town_of(k->s, k->p, enterprise), q->key);
	case REPORT_BY_ENTERPRISE: return !strcmp(enterprise, q->key);
	case REPORT_BY_DEPT:
		in = insp_of(k->s, k->p, id);
		return in->ok && !strcmp(in->dept, q->key);
	case REPORT_TOTAL: break;
	}
	return 1;
}

static int take_insp(const struct insp_row *r, void *ctx)
{
	struct walker *k = ctx;
	const struct records_query *q = k->q;
	struct records_page *p = k->p;

	if (++k->seen <= p->skip)
		return 0;
	if (tick(k))
		return 1;
	if (q->range.from[0] && strncmp(r->created_at, q->range.from, FC_DATE_LEN) < 0)
		return 1;   /* newest first: the rest are older than the period too */
	if ((q->type >= 0 && strcmp(r->type, insp_type_name((enum insp_type)q->type))) ||
	    !insp_in(k, r->id, r->created_at, !strcmp(r->status, "final"), r->form_id,
		    r->enterprise))
		return 0;
	if (k->want == 0) {
		p->more = 1;
		return 1;
	}
	p->insp = xrealloc(p->insp, (p->n + 1) * sizeof *p->insp);
	p->insp[p->n++] = *r;
	p->skip = k->seen;
	k->want--;
	return 0;
}

/* The hazard's own state and severity, as the figure counts them. */
static int haz_state(enum records_haz h, const struct hazard_row *r)
{
	int major = !strcmp(r->severity, "major");

	switch (h) {
	case RH_GENERAL: return !major;
	case RH_MAJOR: return major;
	case RH_RECTIFIED:
	case RH_REPAIR_PHOTO:
	case RH_NO_REPAIR_PHOTO:   /* the files are asked of the store (take_haz) */
		return !strcmp(r->state, "rectified") || !strcmp(r->state, "closed");
	case RH_CLOSED: return !strcmp(r->state, "closed");
	case RH_OPEN: return !strcmp(r->state, "open") || !strcmp(r->state, "notified");
	case RH_OVERDUE: return r->overdue;
	case RH_SUPERVISED: return r->supervised;
	case RH_ATTENTION: return r->overdue || major;
	case RH_ALL: break;
	}
	return 1;
}

static int haz_in(struct walker *k, const struct hazard_row *r)
{
	const struct insp_slot *in;

	if (k->q->haz == RH_ATTENTION)
		return 1;   /* what needs doing now, whenever it was found */
	if (k->q->by == REPORT_BY_TOWN && strcmp(town_of(k->s, k->p, r->enterprise), k->q->key))
		return 0;   /* cheaper than reading the inspection */
	in = insp_of(k->s, k->p, r->inspection);
	return in->ok && insp_in(k, r->inspection, in->created_at, in->final, in->form,
				     r->enterprise);
}

static int take_haz(const struct hazard_row *r, void *ctx)
{
	struct walker *k = ctx;
	struct records_page *p = k->p;

	if (++k->seen <= p->skip)
		return 0;
	if (tick(k))
		return 1;
	if (!haz_state(k->q->haz, r))
		return k->q->haz == RH_ATTENTION;  /* overdue, then major come first */
	if (!haz_in(k, r))
		return 0;
	if (k->q->haz == RH_REPAIR_PHOTO || k->q->haz == RH_NO_REPAIR_PHOTO) {
		int has = report_repair_file(k->s, r->id, k->err);
		if (has < 0)
			return k->failed = 1;
		if (has != (k->q->haz == RH_REPAIR_PHOTO))
			return 0;
	}
	if (k->want == 0) {
		p->more = 1;
		return 1;
	}
	p->haz = xrealloc(p->haz, (p->n + 1) * sizeof *p->haz);
	p->haz[p->n] = *r;
	p->haz[p->n++].description = xstrdup(r->description ? r->description : "");
	p->skip = k->seen;
	k->want--;
	return 0;
}

int records_more(struct fc_store *s, const struct records_query *q, struct records_page *p,
		 size_t page, const struct records_progress *prog, struct fc_err *err)
{
	struct walker k = { s, q, p, prog, 0, page, err, 0 };
	struct hazard_filter f;
	int rc;

	p->more = p->stopped = 0;
	if (q->rec == RR_INSPECTIONS)
		return inspection_list(s, NULL, take_insp, &k, err);
	memset(&f, 0, sizeof f);
	f.open = q->haz == RH_OPEN || q->haz == RH_ATTENTION;
	f.overdue = q->haz == RH_OVERDUE;
	f.major = q->haz == RH_MAJOR;
	f.enterprise = "";
	f.inspection = "";
	f.today = q->today;
	rc = hazard_list(s, &f, take_haz, &k, err);
	return k.failed ? -1 : rc;
}

void records_release(struct records_page *p)
{
	size_t i;

	for (i = 0; i < p->n && p->haz; i++)
		free(p->haz[i].description);
	free(p->haz);
	free(p->insp);
	free(p->cache);
	memset(p, 0, sizeof *p);
}
