/* packadopt.c - a pack indexed before it is adopted (see packadopt.h). */
#include "packadopt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/strbuf.h"

#define CHUNK (1u << 16)

struct adopting {
	packadopt_progress fn;
	void *ctx;
	size_t objects, declared, bytes;   /* over the packs already adopted */
};

static int on_progress(const git_indexer_progress *st, void *payload)
{
	struct adopting *a = payload;

	if (a->fn)
		a->fn(a->ctx, a->objects + st->indexed_objects, a->declared + st->total_objects,
		      a->bytes + st->received_bytes);
	return 0;
}

static int refuse(struct fc_err *err, const char *path, const char *why)
{
	return fc_failk(err, FC_EFAIL, _("the central's pack %s is damaged (%s): it was refused and "
			"nothing of it was copied; repair the central from a sound copy "
			"(see 'When something is damaged' in the README)"), path, why);
}

/* Streams the file into the indexer: read in chunks, so memory stays small
 * whatever the pack's size (the indexer writes it to its own temporary). */
static int feed(git_indexer *ix, int fd, const char *path, git_indexer_progress *st,
		struct fc_err *err)
{
	char buf[CHUNK];
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fc_failk(err, FC_EIO, _("cannot read %s: %s"), path, strerror(errno));
		if (git_indexer_append(ix, buf, (size_t)n, st) < 0)
			return refuse(err, path, git_error_last() ? git_error_last()->message : "?");
	}
	if (git_indexer_commit(ix, st) < 0)
		return refuse(err, path, git_error_last() ? git_error_last()->message : "?");
	return 0;
}

static int adopt_one(struct adopting *a, const char *from_dir, const char *to_dir,
		     const char *base, struct fc_err *err)
{
	git_indexer_options opts;
	git_indexer_progress st = { 0 };
	git_indexer *ix = NULL;
	struct strbuf path;
	int fd, rc = -1;

	strbuf_init(&path);
	strbuf_addf(&path, "%s/%s.pack", from_dir, base);
	git_indexer_options_init(&opts, GIT_INDEXER_OPTIONS_VERSION);
	opts.progress_cb = on_progress;
	opts.progress_cb_payload = a;
	/* Not through a link: a central's packs are plain files, and a link
	 * there could point the copy at any file this user may read. */
	if ((fd = open(path.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		fc_failk(err, FC_EIO, _("cannot read %s: %s"), path.buf, strerror(errno));
	/* No odb: a central's pack stands alone (a thin one is refused). */
	else if (git_indexer_new(&ix, to_dir, 0444, NULL, &opts) < 0)
		fc_failk(err, FC_EIO, _("cannot write in %s: %s"), to_dir,
			 git_error_last() ? git_error_last()->message : "?");
	else if (feed(ix, fd, path.buf, &st, err) == 0) {
		a->objects += st.indexed_objects;
		a->declared += st.total_objects;
		a->bytes += st.received_bytes;
		rc = 0;
	}
	/* Freeing an indexer that did not commit removes its temporaries. */
	git_indexer_free(ix);
	if (fd >= 0)
		close(fd);
	strbuf_release(&path);
	return rc;
}

int packadopt(const char *from_dir, const char *to_dir, char *const *names, size_t n,
	      packadopt_progress fn, void *ctx, size_t *objects, struct fc_err *err)
{
	struct adopting a = { fn, ctx, 0, 0, 0 };
	size_t i;

	for (i = 0; i < n; i++)
		if (adopt_one(&a, from_dir, to_dir, names[i], err))
			return -1;
	if (objects)
		*objects = a.objects;
	return 0;
}
