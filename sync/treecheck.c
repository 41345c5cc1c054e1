/* treecheck.c - fetched trees judged as git's fsck judges them (see
 * treecheck.h).
 *
 * Each tree is read as raw bytes, not through libgit2's parsed entries:
 * libgit2 takes zero-padded modes and never looks at order, and what a
 * device pushes on must be what `git fsck --strict` accepts.  The walk keeps
 * its own stack, so no input decides how deep the C stack goes.
 */
#include "treecheck.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "gitutil.h"

#define RAW_OID 20

struct entry {
	const char *name;            /* NUL-terminated inside the raw tree */
	size_t len;
	int is_tree;
	const unsigned char *id;     /* RAW_OID bytes */
};

/* A tree waiting to be read: its id, the sound tree at its path (if any),
 * how deep it is and its path from the root. */
struct pending {
	git_oid id, known;
	int has_known;
	unsigned depth;
	char *path;
};

struct checking {
	git_repository *repo;
	git_odb *odb;
	struct pending *stack;
	size_t n, alloc;
	struct fc_err *err;
};

void treecheck_show(struct strbuf *out, const char *name, size_t len)
{
	size_t i;

	strbuf_addc(out, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c == '"' || c == '\\')
			strbuf_addf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			strbuf_addf(out, "\\x%02x", c);
		else
			strbuf_addc(out, (char)c);
	}
	strbuf_addc(out, '"');
}

/* Fails naming the folder `path`, the entry and the problem. */
static int refuse(struct checking *c, const char *path, const struct entry *e, const char *what)
{
	struct strbuf sb;

	strbuf_init(&sb);
	if (*path) {
		strbuf_adds(&sb, "folder ");
		treecheck_show(&sb, path, strlen(path));
	} else {
		strbuf_adds(&sb, "the top folder");
	}
	if (e) {
		strbuf_adds(&sb, ", entry ");
		treecheck_show(&sb, e->name, e->len);
	}
	fc_fail(c->err, "%s: %s", sb.buf, what);
	strbuf_release(&sb);
	return -1;
}

/* U+200C-200F, U+202A-202E, U+206A-206F, U+FEFF: HFS+ ignores them in
 * names, so ".g\u200cit" is ".git" there.  Their UTF-8 length, or 0. */
static size_t hfs_ignorable(const unsigned char *s, size_t n)
{
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    ((s[2] >= 0x8c && s[2] <= 0x8f) || (s[2] >= 0xaa && s[2] <= 0xae)))
		return 3;
	if (n >= 3 && s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xaa && s[2] <= 0xaf)
		return 3;
	if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		return 3;
	return 0;
}

/* ".git" as some file system would read the name: any case, HFS+
 * ignorables, NTFS's trailing dots and spaces and its short name. */
static int is_dotgit(const char *name, size_t len)
{
	const unsigned char *s = (const unsigned char *)name;
	char folded[8];
	size_t i = 0, n = 0, skip;

	while (i < len && n < sizeof folded) {
		if ((skip = hfs_ignorable(s + i, len - i)) != 0) {
			i += skip;
			continue;
		}
		folded[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		i++;
	}
	if (i < len)
		return 0; /* longer than any spelling of ".git" */
	while (n > 4 && (folded[n - 1] == '.' || folded[n - 1] == ' '))
		n--;
	return (n == 4 && !memcmp(folded, ".git", 4)) || (n == 5 && !memcmp(folded, "git~1", 5));
}

static const char *bad_name(const struct entry *e)
{
	if (e->len == 0)
		return "an empty name";
	if (memchr(e->name, '/', e->len))
		return "a name that holds '/' (a path where one name belongs)";
	if ((e->len == 1 && e->name[0] == '.') || (e->len == 2 && !memcmp(e->name, "..", 2)))
		return "a name that is '.' or '..'";
	if (is_dotgit(e->name, e->len))
		return "a name that is '.git'";
	return NULL;
}

/* git's order: a folder's name sorts as if it ended in '/'. */
static int order(const char *a, size_t la, int ta, const char *b, size_t lb, int tb)
{
	size_t n = la < lb ? la : lb;
	int c = memcmp(a, b, n);
	unsigned char ca, cb;

	if (c)
		return c;
	ca = la > n ? (unsigned char)a[n] : ta ? '/' : 0;
	cb = lb > n ? (unsigned char)b[n] : tb ? '/' : 0;
	return (int)ca - (int)cb;
}

/* Whether the sorted e[0..n) holds a file named like the folder `f`. */
static int has_file_named(const struct entry *e, size_t n, const struct entry *f)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = order(e[mid].name, e[mid].len, e[mid].is_tree, f->name, f->len, 0);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int mode_of(const char *s, size_t len, int *is_tree)
{
	static const char *const modes[] = { "40000", "100644", "100755", "120000", "160000" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++)
		if (strlen(modes[i]) == len && !memcmp(modes[i], s, len)) {
			*is_tree = i == 0;
			return 0;
		}
	return -1;
}

/* Splits the raw tree into entries; -1 when it is not a tree git wrote. */
static int parse(struct checking *c, const char *path, const char *raw, size_t size,
		 struct entry **out, size_t *n_out)
{
	const char *p = raw, *end = raw + size;
	struct entry *e = NULL;
	size_t n = 0, alloc = 0;

	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p)), *nul;
		struct entry x;
		if (!sp || !(nul = memchr(sp + 1, '\0', (size_t)(end - sp - 1))) ||
		    (size_t)(end - nul - 1) < RAW_OID) {
			free(e);
			return refuse(c, path, NULL, "the folder's object is cut short (not a tree "
				      "git wrote)");
		}
		x.name = sp + 1;
		x.len = (size_t)(nul - sp - 1);
		x.id = (const unsigned char *)nul + 1;
		if (mode_of(p, (size_t)(sp - p), &x.is_tree)) {
			free(e);
			return refuse(c, path, &x, "a file mode git never writes (zero-padded or "
				      "unknown)");
		}
		ALLOC_GROW(e, n + 1, alloc);
		e[n++] = x;
		p = nul + 1 + RAW_OID;
	}
	*out = e;
	*n_out = n;
	return 0;
}

static void push(struct checking *c, const git_oid *id, const git_tree_entry *known,
		 unsigned depth, char *path)
{
	struct pending *p;

	ALLOC_GROW(c->stack, c->n + 1, c->alloc);
	p = &c->stack[c->n++];
	git_oid_cpy(&p->id, id);
	p->has_known = known && git_tree_entry_type(known) == GIT_OBJECT_TREE;
	if (p->has_known)
		git_oid_cpy(&p->known, git_tree_entry_id(known));
	p->depth = depth;
	p->path = path;
}

/* Each entry of one tree; the folders that differ from the known ones are
 * pushed to be read in turn. */
static int entries(struct checking *c, const struct pending *t, const struct entry *e, size_t n,
		   git_tree *known)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *why = bad_name(&e[i]);
		const git_tree_entry *k;
		git_oid id;
		int cmp = i ? order(e[i - 1].name, e[i - 1].len, e[i - 1].is_tree, e[i].name,
				    e[i].len, e[i].is_tree) : -1;

		if (!why && cmp == 0)
			why = "a name that is there twice";
		else if (!why && cmp > 0)
			why = "entries out of git's order";
		else if (!why && e[i].is_tree && has_file_named(e, i, &e[i]))
			why = "a name that is there twice (a file and a folder)";
		if (why)
			return refuse(c, t->path, &e[i], why);
		if (!e[i].is_tree)
			continue;
		git_oid_fromraw(&id, e[i].id);
		k = known ? git_tree_entry_byname(known, e[i].name) : NULL;
		if (k && git_oid_equal(git_tree_entry_id(k), &id))
			continue; /* the same as the sound tree's */
		if (t->depth + 1 > TREE_MAX_DEPTH)
			return refuse(c, t->path, &e[i], "folders nested deeper than fieldcheck "
				      "ever makes them");
		push(c, &id, k, t->depth + 1,
		     *t->path ? xstrfmt("%s/%s", t->path, e[i].name) : xstrdup(e[i].name));
	}
	return 0;
}

/* Reads and checks one tree. */
static int one(struct checking *c, const struct pending *t)
{
	git_odb_object *o = NULL;
	git_tree *known = NULL;
	git_object_t type;
	struct entry *e = NULL;
	size_t size, n = 0;
	int rc;

	if (git_odb_read_header(&size, &type, c->odb, &t->id) < 0)
		return git_fail(c->err, _("reading a fetched tree"));
	if (type != GIT_OBJECT_TREE)
		return refuse(c, t->path, NULL, "named a folder, but not a tree");
	if (size > TREE_MAX_BYTES)
		return refuse(c, t->path, NULL, "a folder larger than fieldcheck ever makes one");
	if (git_odb_read(&o, c->odb, &t->id) < 0)
		return git_fail(c->err, _("reading a fetched tree"));
	if (t->has_known && git_tree_lookup(&known, c->repo, &t->known) < 0)
		rc = git_fail(c->err, _("reading a tree of the replica"));
	else
		rc = parse(c, t->path, git_odb_object_data(o), git_odb_object_size(o), &e, &n);
	if (rc == 0)
		rc = entries(c, t, e, n, known);
	free(e);
	git_tree_free(known);
	git_odb_object_free(o);
	return rc;
}

int treecheck(git_repository *repo, const git_oid *tree, git_tree *known, struct fc_err *err)
{
	struct checking c = { repo, NULL, NULL, 0, 0, err };
	int rc = 0;

	if (known && git_oid_equal(git_tree_id(known), tree))
		return 0;
	if (git_repository_odb(&c.odb, repo) < 0)
		return git_fail(err, _("opening the replica's objects"));
	push(&c, tree, NULL, 0, xstrdup(""));
	if (known)
		git_oid_cpy(&c.stack[0].known, git_tree_id(known)), c.stack[0].has_known = 1;
	while (rc == 0 && c.n) {
		struct pending t = c.stack[--c.n];
		rc = one(&c, &t);
		free(t.path);
	}
	while (c.n)
		free(c.stack[--c.n].path);
	free(c.stack);
	git_odb_free(c.odb);
	return rc;
}
