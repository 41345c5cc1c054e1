/* report.c - the supervisor's figures: the period, the counting of the rows
 * report_scan.c streams from the store, and the month-by-month list of
 * joint inspections against the target.
 *
 * Hazards are counted in their inspection's group; totals are counted
 * beside the groups, not summed from them (an enterprise can be in several
 * groups).  Groups end sorted by key.
 */
#include "report_impl.h"
#include "core/i18n.h"

#include <stdlib.h>
#include <string.h>

static const char *const by_names[] = { "total", "form", "town", "dept", "month", "enterprise" };

int report_by_parse(const char *s, enum report_by *out)
{
	size_t k;
	for (k = 1; k < ARRAY_SIZE(by_names); k++)
		if (!strcmp(s, by_names[k])) {
			*out = (enum report_by)k;
			return 0;
		}
	return -1;
}

const char *report_by_name(enum report_by by)
{
	return (size_t)by < ARRAY_SIZE(by_names) ? by_names[by] : "?";
}

int report_rate_tenths(const struct report_figures *f)
{
	if (f->found <= 0)
		return -1;
	return (int)((2000LL * f->rectified + f->found) / (2LL * f->found));
}

void report_rate_text(const struct report_figures *f, char *out, size_t size)
{
	int t = report_rate_tenths(f);
	if (t < 0)
		snprintf(out, size, "%s", "");
	else
		snprintf(out, size, "%d.%d", t / 10, t % 10);
}

void report_release(struct report *r)
{
	size_t k;
	for (k = 0; k < r->n_groups; k++) {
		free(r->groups[k].key);
		free(r->groups[k].name);
	}
	free(r->groups);
	free(r->months);
	memset(r, 0, sizeof *r);
}

size_t report_acc_group(struct report_acc *a, const char *key)
{
	struct report *r = a->r;
	size_t *slot;
	int added;

	if (r->by == REPORT_TOTAL)
		return 0;
	slot = strmap_slot(&a->groups, key, &added);
	if (added) {
		if (r->n_groups == a->alloc_groups) {
			a->alloc_groups = a->alloc_groups ? 2 * a->alloc_groups : 16;
			r->groups = xrealloc(r->groups, a->alloc_groups * sizeof *r->groups);
		}
		memset(&r->groups[r->n_groups], 0, sizeof *r->groups);
		r->groups[r->n_groups].key = xstrdup(key);
		r->groups[r->n_groups].name = xstrdup("");
		*slot = r->n_groups++;
	}
	return *slot;
}

/* 1 the first time enterprise `ent` is counted in group g ((size_t)-1: the
 * total). */
static int first_visit(struct report_acc *a, size_t g, uint32_t ent)
{
	return u64set_add(&a->seen, (uint64_t)(g + 1) << 32 | ent);
}

static void count_type(struct report_figures *f, const char *type, const char *status)
{
	f->inspections++;
	f->drafts += !strcmp(status, "draft");
	f->joint += !strcmp(type, "joint");
	f->unannounced += !strcmp(type, "unannounced");
	f->rechecks += !strcmp(type, "recheck");
}

void report_acc_inspection(struct report_acc *a, size_t g, uint32_t ent, const char *type,
			   const char *status, const char *month)
{
	struct report *r = a->r;
	int added;

	count_type(&r->total, type, status);
	r->total.enterprises += first_visit(a, (size_t)-1, ent);
	if (r->by != REPORT_TOTAL) {
		count_type(&r->groups[g].f, type, status);
		r->groups[g].f.enterprises += first_visit(a, g, ent);
	}
	if (!a->first[0] || strcmp(month, a->first) < 0)
		snprintf(a->first, sizeof a->first, "%s", month);
	if (strcmp(month, a->last) > 0)
		snprintf(a->last, sizeof a->last, "%s", month);
	if (!strcmp(type, "joint"))
		(*strmap_slot(&a->joint, month, &added))++;
}

static void count_hazard(struct report_figures *f, int major, unsigned ev, int overdue)
{
	int rectified = (ev & (HZ_RECTIFIED | HZ_VERIFIED)) != 0;

	f->found++;
	f->major += major;
	f->general += !major;
	f->notified += (ev & HZ_NOTICE) != 0;
	f->rectified += rectified;
	f->closed += (ev & HZ_VERIFIED) != 0;
	f->open += !rectified;
	f->overdue += !rectified && overdue;
	f->supervised += (ev & HZ_SUPERVISED) != 0;
	f->major_supervised += major && (ev & HZ_SUPERVISED);
	f->repair_photo += rectified && (ev & HZ_REPAIR_FILE);
	f->no_repair_photo += rectified && !(ev & HZ_REPAIR_FILE);
}

void report_acc_hazard(struct report_acc *a, size_t g, int major, unsigned events, int overdue)
{
	count_hazard(&a->r->total, major, events, overdue);
	if (a->r->by != REPORT_TOTAL)
		count_hazard(&a->r->groups[g].f, major, events, overdue);
}

static int parse_month(const char *s, int *y, int *m)
{
	return strlen(s) == 7 && sscanf(s, "%4d-%2d", y, m) == 2 && *m >= 1 && *m <= 12 ? 0 : -1;
}

/* Every month from `first` to `last` with its joint inspections; none
 * when either is missing or first is after last. */
static void month_span(struct report_acc *a, const char *first, const char *last)
{
	struct report *r = a->r;
	size_t alloc = 0, *joint;
	int y, m, ly, lm;

	if (parse_month(first, &y, &m) || parse_month(last, &ly, &lm))
		return;
	while (y < ly || (y == ly && m <= lm)) {
		if (r->n_months == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			r->months = xrealloc(r->months, alloc * sizeof *r->months);
		}
		snprintf(r->months[r->n_months].month, sizeof r->months[0].month, "%04u-%02u",
			 (unsigned)y % 10000u, (unsigned)m % 100u);
		joint = strmap_find(&a->joint, r->months[r->n_months].month);
		r->months[r->n_months++].joint = joint ? (long)*joint : 0;
		if (++m > 12)
			m = 1, y++;
	}
}

/* The months of the period: from --from (else the first inspection) to
 * --to (else the later of the last inspection and today). */
static void months(struct report_acc *a)
{
	struct report *r = a->r;
	char first[8], last[8];

	snprintf(first, sizeof first, "%.7s", r->from[0] ? r->from : a->first);
	snprintf(last, sizeof last, "%.7s", r->to[0] ? r->to : a->last);
	if (!r->to[0] && strncmp(r->today, last, 7) > 0)
		snprintf(last, sizeof last, "%.7s", r->today);
	month_span(a, first, last);
}

static int group_cmp(const void *x, const void *y)
{
	return strcmp(((const struct report_group *)x)->key, ((const struct report_group *)y)->key);
}

static int set_range(const struct report_query *q, struct report *r, struct report_range *rg,
		     struct fc_err *err)
{
	memset(rg, 0, sizeof *rg);
	if ((q->from && *q->from && date_check(q->from, "--from", err)) ||
	    (q->to && *q->to && date_check(q->to, "--to", err)) ||
	    date_check(q->today ? q->today : "", _("today's date"), err))
		return -1;
	snprintf(r->from, sizeof r->from, "%s", q->from ? q->from : "");
	snprintf(r->to, sizeof r->to, "%s", q->to ? q->to : "");
	snprintf(r->today, sizeof r->today, "%s", q->today);
	if (r->from[0] && r->to[0] && strcmp(r->from, r->to) > 0)
		return fc_failk(err, FC_EUSAGE, _("--from %s is after --to %s"), r->from, r->to);
	memcpy(rg->lo, r->from, sizeof rg->lo);
	/* created_at < the day after --to; "~" sorts after every date */
	if (!r->to[0] || date_add_days(r->to, 1, rg->hi, err)) {
		snprintf(rg->hi, sizeof rg->hi, "~");
		fc_err_clear(err);  /* 9999-12-31 has no day after */
	}
	rg->final_only = q->final_only;
	return 0;
}

int report_run(struct fc_store *s, const struct report_query *q, struct report *out,
	       struct fc_err *err)
{
	struct report_acc a;
	struct report_range rg;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&a, 0, sizeof a);
	if ((size_t)q->by >= ARRAY_SIZE(by_names))
		return fc_failk(err, FC_EUSAGE, _("unknown grouping %d"), (int)q->by);
	out->by = q->by;
	out->final_only = q->final_only;
	if (set_range(q, out, &rg, err))
		return -1;
	a.r = out;
	rc = report_scan(s, &a, &rg, err);
	if (rc == 0) {
		if (out->n_groups) /* qsort(NULL, 0) is undefined */
			qsort(out->groups, out->n_groups, sizeof *out->groups, group_cmp);
		months(&a);
	}
	strmap_release(&a.groups);
	u64set_release(&a.seen);
	strmap_release(&a.joint);
	if (rc)
		report_release(out);
	return rc;
}
