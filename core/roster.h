/* roster.h - who may sign the commits of a central repository.
 *
 * The roster is one file of the repository, roster/allowed_signers, in the
 * format git and ssh-keygen read as an allowed-signers file, so that
 *     git -c gpg.ssh.allowedSignersFile=FILE log --show-signature
 * checks every commit with no fieldcheck installed.  Each line is one key
 * of one officer for a span of time:
 *
 *   BADGE namespaces="git",valid-after="YYYYMMDDhhmmssZ"[,valid-before="…Z"] \
 *       ssh-ed25519 KEY role=inspector|supervisor;dept=DEPT;name=NAME
 *
 * (the text after the key is a comment to ssh-keygen and the officer's
 * details to us).  A lost laptop's key gets a valid-before and stays on
 * the roster: what it signed before stands, nothing after.  Like records,
 * the file is canonical: entries sorted, one spelling, so two devices that
 * make the same change write the same bytes, and anything else is refused.
 */
#ifndef FC_ROSTER_H
#define FC_ROSTER_H

#include <stddef.h>
#include "err.h"
#include "model.h"
#include "sshkey.h"
#include "strbuf.h"

#define ROSTER_PATH "roster/allowed_signers"
#define ROSTER_MAX_BYTES (1024 * 1024)
#define ROSTER_MAX_ENTRIES 5000

enum roster_role { ROLE_INSPECTOR, ROLE_SUPERVISOR };

struct roster_entry {
	struct fc_person who;          /* badge, name, department */
	enum roster_role role;
	struct sshkey key;
	long long valid_after;         /* seconds since the epoch, UTC */
	long long valid_before;        /* 0: no end */
};

struct roster {
	struct roster_entry *e;        /* in canonical order */
	size_t n, alloc;
};

void roster_init(struct roster *r);
void roster_release(struct roster *r);

/* Parses the file's bytes; refuses anything that is not exactly what
 * roster_encode would write, naming `what` and the line. */
int roster_parse(const char *buf, size_t len, const char *what, struct roster *out,
		 struct fc_err *err);
void roster_encode(const struct roster *r, struct strbuf *out);

/* The entry whose key is k and that is valid at `when`; NULL if none.
 * When NULL and why is given, says why (unknown key, expired, not yet). */
const struct roster_entry *roster_signer(const struct roster *r, const struct sshkey *k,
					 long long when, struct fc_err *why);

/* Adds an entry (checked; a key may be in force for one badge only). */
int roster_add(struct roster *r, const struct roster_entry *e, struct fc_err *err);
/* Ends every entry of badge that is in force at `when`, at `when`.  Returns
 * how many it ended (0: none in force, with a message). */
int roster_revoke(struct roster *r, const char *badge, long long when, struct fc_err *err);

/* "YYYYMMDDhhmmssZ" both ways. */
int roster_time_parse(const char *s, size_t len, long long *out);
void roster_time_format(long long t, char out[16]);

const char *roster_role_name(enum roster_role r);

#endif
