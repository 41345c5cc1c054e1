/* evkeep.c - a fetched evidence file into the store (see evkeep.h). */
#include "evkeep.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "blobread.h"
#include "evblob.h"
#include "gitutil.h"
#include "transport.h"

/* What the line says, checked before the bytes are read. */
static int header_matches(struct replica *r, const struct evidence_store *es,
			  const struct fc_attachment *a, const git_oid *blob, struct fc_err *err)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_object_t type;
	size_t size;
	int rc;

	git_oid_tostr(hex, sizeof hex, blob);
	if (strcmp(hex, a->blob))
		return fc_fail(err, _("the evidence ref holds blob %s for it, not %s as the record "
			       "says"), hex, a->blob);
	if ((rc = blob_header(r->repo, blob, &size, &type)) == GIT_ENOTFOUND)
		return fc_failk(err, FC_ENOTFOUND, _("its bytes are not in the replica (kept "
				"here before, then lost from the store)"));
	if (rc < 0)
		return git_fail(err, _("reading an evidence file's header"));
	if (type != GIT_OBJECT_BLOB)
		return fc_fail(err, _("the evidence ref holds a %s for it, not a file"),
			       git_object_type2string(type));
	if ((long long)size != a->size)
		return fc_fail(err, _("the evidence ref's file is %zu bytes, not %lld as the record "
			       "says"), size, a->size);
	if (size > es->max_bytes)
		return fc_fail(err, _("%zu bytes, more than the limit per file here (the setting %s)"),
			       size, EVIDENCE_LIMIT_KEY);
	return 0;
}

int evkeep_blob(struct replica *r, const struct evidence_store *es,
		const struct fc_attachment *a, const git_oid *blob, struct fc_err *err)
{
	struct evidence_info want = { 0 }, got;
	char *tmp = xstrfmt("%s/evidence-in-XXXXXX", r->path);
	int fd = -1, rc = header_matches(r, es, a, blob, err);

	/* Messages name the file by its record's name and the folder, never
	 * the temporary file. */
	if (rc == 0 && (fd = mkstemp(tmp)) < 0)
		rc = fc_failk(err, FC_EIO, _("cannot create a file in %s: %s"), r->path,
			      strerror(errno));
	if (rc == 0)
		rc = evblob_to_fd(r->repo, blob, es->max_bytes, fd, err);
	if (fd >= 0 && close(fd) && rc == 0)
		rc = fc_failk(err, FC_EIO, _("cannot write into %s: %s"), r->path, strerror(errno));
	if (rc == 0) {
		snprintf(want.name, sizeof want.name, "%s", a->name ? a->name : "");
		snprintf(want.sha256, sizeof want.sha256, "%s", a->sha256);
		snprintf(want.blob, sizeof want.blob, "%s", a->blob);
		want.size = (uint64_t)a->size;
		want.type = media_type_parse(a->type);
		rc = evidence_add_expected(es, tmp, &want, &got, err);
	}
	/* Kept once: in the store, not again in the replica. */
	if (rc == 0)
		evblob_drop(r->repo, blob);
	if (fd >= 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

void evkeep_forget(struct replica *r, const char *remote, const char *ref)
{
	git_reference *x = NULL;
	char track[600];

	if (transport_tracking_ref(remote, ref, track, sizeof track) == 0 &&
	    git_reference_lookup(&x, r->repo, track) == 0)
		git_reference_delete(x);
	git_reference_free(x);
	x = NULL;
	/* our own ref is a "have" of a network fetch too */
	if (git_reference_lookup(&x, r->repo, ref) == 0)
		git_reference_delete(x);
	git_reference_free(x);
	git_error_clear();
}
