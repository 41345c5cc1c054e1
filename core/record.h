/* record.h - the canonical text of a record (see docs/ARCHITECTURE.md,
 * "Records"; a new field is a new format version, see docs/ARCHITECTURE.md,
 * "A record field").
 *
 * One record is one JSON object in one fixed layout: keys in a fixed order,
 * two-space indent, one field per line, one array element per line, arrays
 * in a fixed order, UTF-8 written as is, LF line ends, a final LF.  The same
 * record therefore always encodes to the same bytes, so `git log -p` of a
 * record reads as an audit trail and unchanged records never make a diff.
 *
 * The decoder accepts exactly that layout: anything else (another order,
 * other spacing, unknown keys, a value of the wrong type, a record that fails
 * the model's checks) is refused with "WHERE:LINE:COL: what".  Hence
 * encode(decode(x)) == x for every x the decoder accepts.
 */
#ifndef FC_RECORD_H
#define FC_RECORD_H

#include "model.h"
#include "strbuf.h"

#define FORMAT_ENTERPRISE "fieldcheck/enterprise/1"
#define FORMAT_INSPECTION "fieldcheck/inspection/1"
#define FORMAT_HAZARD "fieldcheck/hazard/1"
/* Format 2 (docs/FORMAT.md): attachments, repeat instances, a position.  A
 * record is written in the oldest version that holds it. */
#define FORMAT_INSPECTION_2 "fieldcheck/inspection/2"
#define FORMAT_HAZARD_2 "fieldcheck/hazard/2"

enum record_kind { REC_ENTERPRISE, REC_INSPECTION, REC_HAZARD };

struct fc_record {
	enum record_kind kind;
	union {
		struct fc_enterprise enterprise;
		struct fc_inspection inspection;
		struct fc_hazard hazard;
	} u;
};

/* The version a record is written in: 2 when it uses what only format 2
 * holds, else 1. */
int inspection_version(const struct fc_inspection *in);
int hazard_version(const struct fc_hazard *h);

void record_encode_enterprise(const struct fc_enterprise *e, struct strbuf *out);
void record_encode_inspection(const struct fc_inspection *in, struct strbuf *out);
void record_encode_hazard(const struct fc_hazard *h, struct strbuf *out);
void record_encode(const struct fc_record *r, struct strbuf *out);

/* Decodes any record; `where` names the source in messages. */
int record_decode(const char *buf, size_t len, const char *where, struct fc_record *out,
		  struct fc_err *err);
void record_clear(struct fc_record *r);

#endif
