/* signcommit.c - signed commits (see signcommit.h). */
#include "signcommit.h"

#include "core/i18n.h"
#include "core/sshsig.h"
#include "core/strbuf.h"
#include "export.h"
#include "gitutil.h"

int replica_commit(struct replica *r, const char *msg, git_tree *tree, size_t n,
		   const git_commit **parents, git_oid *out, struct fc_err *err)
{
	git_signature *who = NULL;
	git_buf buf = { 0 };
	struct strbuf sig;
	int rc = -1;

	strbuf_init(&sig);
	if (sync_signature(r, &who, err))
		goto out;
	if (git_commit_create_buffer(&buf, r->repo, who, who, "UTF-8", msg, tree, n, parents) < 0) {
		git_fail(err, _("making the commit"));
		goto out;
	}
	if (r->ws->sign_key &&
	    sshsig_sign(r->ws->sign_key, SSHSIG_NAMESPACE_GIT, buf.ptr, buf.size, &sig, err))
		goto out;
	if (git_commit_create_with_signature(out, r->repo, buf.ptr, sig.len ? sig.buf : NULL,
					     sig.len ? "gpgsig" : NULL) < 0) {
		git_fail(err, _("writing the commit"));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&sig);
	git_buf_dispose(&buf);
	git_signature_free(who);
	return rc;
}
