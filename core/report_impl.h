/* report_impl.h - what the report's files share (core/report*.c only).
 *
 * report_scan.c reads the store as streams of rows (SQL: joins, the date
 * range, each hazard's deadline in force); report.c counts them into the
 * figures, per group and in total.  Counting in C over streamed rows needs
 * memory for the groups and the distinct (group, enterprise) pairs only,
 * never for the store's rows.
 */
#ifndef FC_REPORT_IMPL_H
#define FC_REPORT_IMPL_H

#include <stdint.h>

#include "report.h"
#include "strbuf.h"

/* A string -> number hash map (open addressing; keys copied into blocks
 * of the map's own, not an allocation each: a report keeps one key per
 * inspection and per enterprise in each group). */
struct strmap {
	char **keys;
	size_t *vals;
	size_t cap, n;
	char **blocks;              /* the keys' blocks, the last one filling */
	size_t n_blocks, block_used, block_size;
};

void strmap_release(struct strmap *m);
/* The value of key, or NULL. */
size_t *strmap_find(const struct strmap *m, const char *key);
/* The value of key, added as 0 when new (and *added set to 1). */
size_t *strmap_slot(struct strmap *m, const char *key, int *added);

/* A set of 64-bit numbers but UINT64_MAX (open addressing, no allocation
 * per member: a report by month of a province keeps a million pairs). */
struct u64set {
	uint64_t *keys;             /* member + 1; 0 is an empty slot */
	size_t cap, n;
};

/* 1 when key was added, 0 when it was there. */
int u64set_add(struct u64set *m, uint64_t key);
void u64set_release(struct u64set *m);

/* The inspections a report covers. */
struct report_range {
	char lo[FC_DATE_LEN + 1];   /* created_at >= lo ("" for no bound) */
	char hi[FC_DATE_LEN + 1];   /* created_at < hi: the day after --to, or "~" */
	int final_only;
};

/* What a hazard's events say (report_scan.c reads them). */
enum {
	HZ_NOTICE = 1,     /* a rectification notice was issued */
	HZ_RECTIFIED = 2,  /* reported rectified */
	HZ_VERIFIED = 4,   /* re-inspected and closed */
	HZ_SUPERVISED = 8, /* under listed supervision */
	HZ_REPAIR_FILE = 16, /* a photo or file of the repair (REPAIR_FILE_SQL) */
};

/* The files that are evidence of a hazard's repair, over attachments `a`:
 * attached to its rectified or verified event ("<kind>@<at>", docs/FORMAT.md),
 * or to the hazard itself no earlier than such an event (julianday compares
 * the times across offsets).  One rule for the figure (report_scan.c) and
 * for the records behind it (report_records.c). */
#define REPAIR_FILE_SQL \
	"a.kind = 'hazard' AND a.withdrawn = '' AND (substr(a.to_, 1, 10) = 'rectified@'" \
	" OR substr(a.to_, 1, 9) = 'verified@' OR (a.to_ = '' AND EXISTS (SELECT 1 FROM" \
	" hazard_events e WHERE e.hazard = a.record AND e.kind IN ('rectified', 'verified')" \
	" AND julianday(e.at) <= julianday(a.at))))"

/* The counting in progress.  report_scan.c names a row's group once per
 * distinct key (report_acc_group) and its enterprise by a number of its
 * own (0, 1, ... in the order first met), so counting a row hashes no
 * string. */
struct report_acc {
	struct report *r;
	size_t alloc_groups;
	struct strmap groups;       /* key -> index in r->groups */
	struct u64set seen;         /* (group + 1) << 32 | enterprise; group -1 the total */
	struct strmap joint;        /* YYYY-MM -> joint inspections */
	char first[8], last[8];     /* months of the first and the last inspection */
};

/* The index in r->groups of the group with `key`, made when new (always 0
 * without grouping). */
size_t report_acc_group(struct report_acc *a, const char *key);
/* Counts one inspection of group g (report_acc_group) and enterprise
 * number `ent` (below 2^32). */
void report_acc_inspection(struct report_acc *a, size_t g, uint32_t ent, const char *type,
			   const char *status, const char *month);
/* Counts one hazard of group g: `events` is HZ_* bits, overdue 1 if open
 * past its due date. */
void report_acc_hazard(struct report_acc *a, size_t g, int major, unsigned events, int overdue);

/* 1 when hazard `id` has a file of its repair (REPAIR_FILE_SQL), 0 when
 * not, -1 on a failure of the store. */
int report_repair_file(struct fc_store *s, const char *id, struct fc_err *err);

/* Streams the store's rows into the accumulator, in one read transaction
 * (a snapshot that does not block writers), and names the enterprise
 * groups. */
int report_scan(struct fc_store *s, struct report_acc *a, const struct report_range *rg,
		struct fc_err *err);

#endif
