/* evskip.c - the objects a fetch of main leaves behind (see evskip.h). */
#include "evskip.h"

#include <stdlib.h>
#include <string.h>

#include <git2/sys/odb_backend.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "evtree.h"
#include "gitutil.h"
#include "sendset.h"

struct loading {
	git_repository *src;
	struct evskip *s;
	struct fc_err *err;
};

static int put(const git_oid *id, const char *name, void *ctx)
{
	struct evskip *s = ctx;

	(void)name;
	oidmap_put(&s->set, id, id);
	return 0;
}

static int load_ref(const char *name, void *ctx)
{
	struct loading *l = ctx;
	git_oid tip;

	if (git_reference_name_to_id(&tip, l->src, name) < 0)
		return 0; /* a ref that names nothing: nothing of it to leave */
	return sendset_each(l->src, &tip, NULL, put, l->s, l->err) ? GIT_EUSER : 0;
}

int evskip_load(git_repository *src, struct evskip *s, struct fc_err *err)
{
	struct loading l = { src, s, err };
	int rc;

	oidmap_init(&s->set);
	rc = git_reference_foreach_glob(src, EVIDENCE_REF_PREFIX "*", load_ref, &l);
	if (rc == GIT_EUSER)
		return -1;
	return rc < 0 ? git_fail(err, _("reading the central's evidence refs")) : 0;
}

int evskip_has(const struct evskip *s, const git_oid *id)
{
	return s->set.n && oidmap_get(&s->set, id) != NULL;
}

static int in_set(const git_oid *id, void *ctx)
{
	return evskip_has(ctx, id) ? 1 : 0;
}

/* Whether the pack dir/base holds an evidence object (one that cannot be
 * read counts as holding one: its objects then come another way). */
static int holds_evidence(const struct evskip *s, const char *dir, const char *base)
{
	git_odb_backend *b = NULL;
	struct strbuf idx;
	int rc;

	strbuf_init(&idx);
	strbuf_addf(&idx, "%s/%s.idx", dir, base);
	rc = git_odb_backend_one_pack(&b, idx.buf);
	if (rc == 0)
		rc = b->foreach(b, in_set, (void *)s);
	if (b)
		b->free(b);
	strbuf_release(&idx);
	git_error_clear();
	return rc != 0;
}

size_t evskip_packs(const struct evskip *s, const char *dir, char **names)
{
	size_t i, j = 0, n = 0;

	if (!s->set.n)
		return 0;
	for (i = 0; names[i]; i++) {
		if (holds_evidence(s, dir, names[i])) {
			free(names[i]);
			n++;
		} else {
			names[j++] = names[i];
		}
	}
	names[j] = NULL;
	return n;
}

void evskip_release(struct evskip *s)
{
	oidmap_release(&s->set);
}
