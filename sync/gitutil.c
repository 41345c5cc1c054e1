/* gitutil.c - libgit2 errors and set-up (see gitutil.h). */
#include "gitutil.h"

#include <string.h>

int git_fail(struct fc_err *err, const char *context)
{
	const git_error *e = git_error_last();
	return fc_failk(err, FC_EIO, "%s: %s", context, e && e->message ? e->message : "git failed");
}

int gitutil_init(struct fc_err *err)
{
	if (git_libgit2_init() < 0)
		return git_fail(err, "starting libgit2");
	/* Objects and refs reach the disk before a ref points at them. */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	/* Our records are small and many; strict object creation checks that
	 * every tree entry points at a real object, which we want. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 1);
	return 0;
}

void gitutil_done(void)
{
	git_libgit2_shutdown();
}

const char *oid_short(const git_oid *id, char *buf, size_t size)
{
	git_oid_tostr(buf, size < 13 ? size : 13, id);
	return buf;
}
