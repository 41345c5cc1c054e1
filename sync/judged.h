/* judged.h - the objects a sync has judged already, so each is judged once.
 *
 * One hostile blob may sit at a hundred thousand paths: decoded again at
 * each, a megabyte of JSON costs a hundred thousand parses.  The verdict on
 * an object is kept: refused (and why), a sound form file, or a sound record
 * and the one path where it belongs (a record names its own place: the same
 * bytes at any other path are refused without reading them again).
 *
 * Bounded: at most JUDGED_MAX verdicts, each text cut to JUDGED_TEXT bytes;
 * when full, every verdict is forgotten and judging starts over (at worst an
 * object is judged again, never wrongly).
 */
#ifndef FC_JUDGED_H
#define FC_JUDGED_H

#include <git2.h>

#define JUDGED_MAX 4096
#define JUDGED_TEXT 512

/* What an object was judged as: the same bytes may be refused as a record
 * and sound as a form file. */
enum judged_as { JUDGED_AS_RECORD, JUDGED_AS_FORM_FILE };

enum judged_verdict {
	JUDGED_NONE,
	JUDGED_REFUSED,    /* text: why */
	JUDGED_SOUND,      /* a record: text is the path where it belongs; a form
			    * file: sound at any path (versions share files) */
};

struct judged;

struct judged *judged_new(void);
void judged_free(struct judged *j);

/* The verdict on id as `as`; *text is why it was refused or where the
 * record belongs (valid until the next judged_put). */
enum judged_verdict judged_get(const struct judged *j, const git_oid *id, enum judged_as as,
			       const char **text);
void judged_put(struct judged *j, const git_oid *id, enum judged_as as, enum judged_verdict v,
		const char *text);

#endif
