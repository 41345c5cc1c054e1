/* model.h - the records fieldcheck keeps: enterprises, people, inspections
 * with their answers, hazards with their event logs.
 *
 * These structs are what the store reads and writes and what the canonical
 * codec (record.h) encodes; they are plain data with heap strings, released
 * by the *_clear functions.  Limits on sizes live here, in one place, because
 * the store, the codec and the sync all enforce them.
 */
#ifndef FC_MODEL_H
#define FC_MODEL_H

#include <stddef.h>
#include "clock.h"
#include "err.h"
#include "uscc.h"
#include "uuid.h"

/* Limits, in bytes of UTF-8. */
#define MAX_NAME 200
#define MAX_BADGE 32
#define MAX_DEPT 100
#define MAX_TOWN 100
#define MAX_ADDRESS 400
#define MAX_LOCATION 400
#define MAX_NOTE 4000
#define MAX_DESCRIPTION 4000
#define MAX_VALUE 4000
#define MAX_ITEM 64
/* An item as records name it: the form's name, or for an answer inside a
 * repeat, "<name>@<instance uuid>" (docs/FORMAT.md). */
#define MAX_ITEM_KEY (MAX_ITEM + 1 + FC_UUID_LEN)
#define MAX_FORM_ID 64
/* A form's version: a positive int; XLSForm authors often write yyyymmddrr
 * (2024032701), which fits. */
#define MAX_FORM_VERSION 2147483647
#define MAX_TEAM 50
#define MAX_ANSWERS 2000
#define MAX_EVENTS 1000
#define MAX_ATTACHMENTS 500
#define MAX_MEDIA_TYPE 40
#define MAX_GEO 80
/* The inspected unit's legal representative or responsible person on site
 * (name as MAX_NAME), the findings and the opinion (检查情况, 处理意见),
 * and the documents issued under a number (docs/FORMAT.md). */
#define MAX_TITLE 100
#define MAX_PHONE 40
#define MAX_FINDINGS 8000
#define MAX_DOCUMENTS 100
/* An issuing authority's short name, as a document number begins:
 * （北应急）. */
#define MAX_AUTHORITY 40
#define MAX_DOC_KIND 16
#define MAX_RECORD_BYTES (1024 * 1024)
/* An evidence file's original name (a file system's longest), and the
 * limit of its size: a workspace setting (core/evidence_store.h), by
 * default 50 MiB, never above 4 GiB. */
#define MAX_FILE_NAME 255
#define EVIDENCE_LIMIT_DEFAULT (50ULL << 20)
#define EVIDENCE_LIMIT_MAX (4ULL << 30)
/* The shape of the largest record, for the reader to refuse anything larger
 * before building it: the most keys of one object (an inspection's 24), and
 * the most JSON values (an inspection with every list full: itself and its
 * keys, team members of 3 keys, answers and conflicts of 5, amendments of 6,
 * each an object). */
#define MAX_RECORD_KEYS 24
#define MAX_RECORD_VALUES \
	(1 + MAX_RECORD_KEYS + MAX_TEAM * 4 + 2 * MAX_ANSWERS * 6 + MAX_ANSWERS * 7 + \
	 MAX_ATTACHMENTS * 12 + MAX_DOCUMENTS * 7)

struct fc_person {
	char badge[MAX_BADGE + 1];
	char name[MAX_NAME + 1];
	char dept[MAX_DEPT + 1];
};

struct fc_enterprise {
	char code[USCC_LEN + 1];
	char *name, *town, *industry, *address;
};

enum insp_type { INSP_ROUTINE, INSP_UNANNOUNCED, INSP_JOINT, INSP_RECHECK, INSP_TYPE_COUNT };
enum insp_status { INSP_DRAFT, INSP_FINAL };

struct fc_answer {
	char *item, *value, *note;
	char by[MAX_BADGE + 1];
	char at[FC_TIMESTAMP_LEN + 1];
};

struct fc_amendment {
	char *item, *value, *note, *reason;
	char by[MAX_BADGE + 1];
	char at[FC_TIMESTAMP_LEN + 1];
};

/* A file that documents a record (docs/FORMAT.md): the file itself lives
 * in the workspace's evidence store and on refs/evidence/<by>, named by its
 * SHA-256; the record keeps what identifies and describes it. */
struct fc_attachment {
	char *to;                         /* "" the record, an item key, or an
					   * event as "<kind>@<at>" */
	char sha256[64 + 1];
	char blob[40 + 1];                /* its git blob id */
	long long size;
	char type[MAX_MEDIA_TYPE + 1];    /* judged from the content */
	char *name;                       /* the file's own name, no folder */
	char taken[FC_TIMESTAMP_LEN + 1]; /* EXIF time or the file's, or "" */
	char geo[MAX_GEO + 1];            /* "LAT LON ALT ACCURACY", or "" */
	char by[MAX_BADGE + 1];
	char at[FC_TIMESTAMP_LEN + 1];
	char withdrawn[FC_TIMESTAMP_LEN + 1]; /* "" or when withdrawn */
};

/* A document issued under a number (core/docnum.h): the number is
 * （authority）<kind's word>〔year〕serial号, taken from a block of serials
 * its officer claimed through the central repository.  Never removed. */
struct fc_document {
	char kind[MAX_DOC_KIND + 1];       /* "order", "record" */
	char authority[MAX_AUTHORITY + 1];
	int year;
	int serial;
	char by[MAX_BADGE + 1];
	char at[FC_TIMESTAMP_LEN + 1];
};

struct fc_inspection {
	char id[FC_UUID_LEN + 1];
	char *form_id;
	int form_version;
	char enterprise[USCC_LEN + 1];
	enum insp_type type;
	enum insp_status status;
	char *location;
	char geo[MAX_GEO + 1];           /* "LAT LON ALT ACCURACY", or "" */
	char geo_source[8];              /* "gps", "typed", "photo" or "" */
	/* the unit's legal representative or responsible person on site */
	char resp_name[MAX_NAME + 1];
	char resp_title[MAX_TITLE + 1];
	char resp_phone[MAX_PHONE + 1];
	char created_at[FC_TIMESTAMP_LEN + 1];
	char created_by[MAX_BADGE + 1];
	char finalized_at[FC_TIMESTAMP_LEN + 1]; /* "" while a draft */
	char *findings, *opinion;        /* 检查情况, 处理意见: free text or NULL */
	struct fc_person *team;
	size_t n_team;
	struct fc_answer *answers;       /* sorted by item */
	size_t n_answers;
	/* Values given to the same item on two devices at once: the other
	 * side of each clash, kept until someone chooses (a draft is
	 * "conflicted" while it has any).  Sorted by conflict_cmp. */
	struct fc_answer *conflicts;
	size_t n_conflicts;
	struct fc_amendment *amendments; /* by time (then author, item, value,
					  * note, reason): the same on every device */
	size_t n_amendments;
	struct fc_attachment *attachments; /* by attachment_cmp */
	size_t n_attachments;
	struct fc_document *documents;   /* by document_cmp */
	size_t n_documents;
};

enum hazard_event_kind {
	HEV_FOUND,      /* the hazard was found (always the first event) */
	HEV_NOTICE,     /* rectification notice issued (责令限期整改) */
	HEV_RECTIFIED,  /* the enterprise reports it rectified */
	HEV_VERIFIED,   /* re-inspected and closed (复查销号) */
	HEV_EXTEND,     /* deadline extended to `date` */
	HEV_SUPERVISE,  /* put under listed supervision (挂牌督办) */
	HEV_COMMENT,
	HEV_KIND_COUNT
};

struct fc_hazard_event {
	enum hazard_event_kind kind;
	char at[FC_TIMESTAMP_LEN + 1];
	char by[MAX_BADGE + 1];
	char *by_name;
	char date[FC_DATE_LEN + 1];  /* a deadline: set by HEV_EXTEND, optional on
				      * HEV_NOTICE (the notice's deadline); else "" */
	char *note;
};

enum hazard_sev { HAZ_GENERAL, HAZ_MAJOR };

struct fc_hazard {
	char id[FC_UUID_LEN + 1];
	char inspection[FC_UUID_LEN + 1];
	char *item;                  /* the checklist item, or "" */
	enum hazard_sev severity;
	char *description;
	char deadline[FC_DATE_LEN + 1];
	struct fc_hazard_event *events; /* append-only; events[0] is HEV_FOUND */
	size_t n_events;
	struct fc_attachment *attachments; /* by attachment_cmp */
	size_t n_attachments;
};

/* What a hazard's events say about it, derived, never stored. */
enum hazard_state { HST_OPEN, HST_NOTIFIED, HST_RECTIFIED, HST_CLOSED };

/* Names used in records, on the command line and in JSON output. */
const char *insp_type_name(enum insp_type t);
/* Officers an inspection of type t needs to be finalized: joint and
 * unannounced inspections are done in pairs. */
size_t insp_type_min_team(enum insp_type t);
int insp_type_parse(const char *s, enum insp_type *out);
const char *insp_status_name(enum insp_status s);
const char *hazard_event_name(enum hazard_event_kind k);
int hazard_event_parse(const char *s, enum hazard_event_kind *out);
const char *hazard_sev_name(enum hazard_sev s);
int hazard_sev_parse(const char *s, enum hazard_sev *out);
const char *hazard_state_name(enum hazard_state s);

/* Validation of single fields, with messages naming the field. */
int person_check(const struct fc_person *p, struct fc_err *err);
int badge_check(const char *badge, struct fc_err *err);
int item_name_check(const char *item, const char *what, struct fc_err *err);
/* A form's id (the same rule as settings.csv's form_id); 0 or -1 with err. */
int form_id_check(const char *id, struct fc_err *err);
/* Whether s is an item or list name / a form id (model.c says which). */
int fc_name_ok(const char *s);
int fc_form_id_ok(const char *s);
/* An item as a record names it: a name, or "<name>@<uuid>" in a repeat. */
int item_key_check(const char *key, const char *what, struct fc_err *err);
int industry_check(const char *industry, struct fc_err *err);
int enterprise_check(const struct fc_enterprise *e, struct fc_err *err);
int inspection_check(const struct fc_inspection *in, struct fc_err *err);
int hazard_check(const struct fc_hazard *h, struct fc_err *err);

/* The deadline in force (the last notice or extension that set one, else the
 * original), the state,
 * and whether it is under listed supervision. */
const char *hazard_due(const struct fc_hazard *h);
/* How an attachment names the event it documents: "<kind>@<at>". */
void hazard_event_ref(const struct fc_hazard_event *ev, char *out, size_t size);
enum hazard_state hazard_state_of(const struct fc_hazard *h);
int hazard_supervised(const struct fc_hazard *h);
/* Overdue: not rectified or closed, and the deadline in force is before today. */
int hazard_overdue(const struct fc_hazard *h, const char *today);

void enterprise_clear(struct fc_enterprise *e);
void inspection_clear(struct fc_inspection *in);
void hazard_clear(struct fc_hazard *h);
void answer_clear(struct fc_answer *a);
void amendment_clear(struct fc_amendment *a);
void hazard_event_clear(struct fc_hazard_event *ev);

/* Order of records inside arrays, so the same content encodes the same way
 * on every device (answers by item, events by time then the rest). */
int answer_cmp(const void *a, const void *b);
/* The answer of in (NULL: none) to an answer's key ("plate",
 * "plate@<uuid>"), by bisection of its answers (sorted by answer_cmp), or
 * NULL. */
const struct fc_answer *inspection_answer(const struct fc_inspection *in, const char *key);
int conflict_cmp(const void *a, const void *b);
int hazard_event_cmp(const void *a, const void *b);
/* Documents by kind, authority, year, serial (then time and author). */
int document_cmp(const void *a, const void *b);

/* Copies src into a fixed-size field, refusing text that does not fit. */
int copy_field(char *dst, size_t size, const char *src, const char *what, struct fc_err *err);

#endif
