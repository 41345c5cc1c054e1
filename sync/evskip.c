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
	struct loading l = { NULL, s, err };
	int rc;

	oidmap_init(&s->set);
	/* A handle of its own, freed at once: the trees walked here (a few
	 * hundred per evidence commit) stay in libgit2's object cache of the
	 * handle, which would otherwise hold them while the packs are read. */
	if (git_repository_open_ext(&l.src, git_repository_path(src),
				    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return git_fail(err, _("reading the central's evidence refs"));
	rc = git_reference_foreach_glob(l.src, EVIDENCE_REF_PREFIX "*", load_ref, &l);
	git_repository_free(l.src);
	if (rc == GIT_EUSER)
		return -1;
	return rc < 0 ? git_fail(err, _("reading the central's evidence refs")) : 0;
}

int evskip_has(const struct evskip *s, const git_oid *id)
{
	return s->set.n && oidmap_get(&s->set, id) != NULL;
}

#define HOLDS_EVIDENCE 1
#define HOLDS_OTHER 2

struct holding {
	const struct evskip *s;
	int what;
};

static int classify(const git_oid *id, void *ctx)
{
	struct holding *h = ctx;

	h->what |= evskip_has(h->s, id) ? HOLDS_EVIDENCE : HOLDS_OTHER;
	return h->what == (HOLDS_EVIDENCE | HOLDS_OTHER) ? 1 : 0; /* known: stop */
}

/* What the pack dir/base holds: evidence objects, others, or both (one
 * that cannot be read counts as both: its objects then come another way). */
static int holds(const struct evskip *s, const char *dir, const char *base)
{
	struct holding h = { s, 0 };
	git_odb_backend *b = NULL;
	struct strbuf idx;
	int rc;

	strbuf_init(&idx);
	strbuf_addf(&idx, "%s/%s.idx", dir, base);
	rc = git_odb_backend_one_pack(&b, idx.buf);
	if (rc == 0)
		rc = b->foreach(b, classify, &h);
	if (b)
		b->free(b);
	strbuf_release(&idx);
	git_error_clear();
	return rc < 0 || (rc > 0 && h.what != (HOLDS_EVIDENCE | HOLDS_OTHER)) ?
	       HOLDS_EVIDENCE | HOLDS_OTHER : h.what;
}

size_t evskip_packs(const struct evskip *s, const char *dir, char **names, size_t *mixed)
{
	size_t i, j = 0, n = 0;

	*mixed = 0;
	if (!s->set.n)
		return 0;
	for (i = 0; names[i]; i++) {
		int what = holds(s, dir, names[i]);
		if (what & HOLDS_EVIDENCE) {
			*mixed += (what & HOLDS_OTHER) != 0;
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
