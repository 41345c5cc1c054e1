/* blobread.c - blobs read once their size is known (see blobread.h). */
#include "blobread.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "gitutil.h"

int blob_header(git_repository *repo, const git_oid *id, size_t *size, git_object_t *type)
{
	git_odb *odb = NULL;
	int rc = git_repository_odb(&odb, repo);

	if (rc == 0)
		rc = git_odb_read_header(size, type, odb, id);
	git_odb_free(odb);
	return rc;
}

/* Why blob_read failed (rc from libgit2, or the header's type and size
 * refused), naming path quoted as JSON: any byte of a hostile name prints
 * safely. */
static int read_fail(struct fc_err *err, int rc, const char *path, git_object_t type,
		     size_t size, const char *what, size_t max)
{
	struct strbuf where;

	strbuf_init(&where);
	json_quote(&where, path);
	if (rc == GIT_ENOTFOUND) /* left behind by the fetch (localfetch.c), or lost */
		rc = fc_fail(err, _("%s: its bytes were not fetched (larger than any file fieldcheck "
			     "keeps, or missing from the central)"), where.buf);
	else if (rc < 0)
		rc = git_fail(err, where.buf);
	else if (type != GIT_OBJECT_BLOB)
		rc = fc_fail(err, _("%s is a %s, not a file"), where.buf, git_object_type2string(type));
	else
		rc = fc_fail(err, _("%s is %zu bytes, more than %s may be (at most %zu)"), where.buf,
			     size, what, max);
	strbuf_release(&where);
	return rc;
}

/* The path is quoted for a message only when there is one to give: quoting
 * it for every blob read was a hundredth of a first pull. */
int blob_read(git_repository *repo, const git_oid *id, const char *path, size_t max,
	      const char *what, git_blob **out, struct fc_err *err)
{
	git_object_t type = GIT_OBJECT_INVALID;
	size_t size = 0;
	int rc;

	*out = NULL;
	rc = blob_header(repo, id, &size, &type);
	if (rc < 0 || type != GIT_OBJECT_BLOB || size > max)
		return read_fail(err, rc, path, type, size, what, max);
	if ((rc = git_blob_lookup(out, repo, id)) < 0)
		return read_fail(err, rc == GIT_ENOTFOUND ? -1 : rc, path, type, size, what, max);
	return 0;
}
