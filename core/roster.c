/* roster.c - the roster file, read strictly and written canonically (see
 * roster.h). */
#include "roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core/i18n.h"

#define HEADER "# fieldcheck roster 1: who may sign commits here; git reads it as " \
	"gpg.ssh.allowedSignersFile\n"

void roster_init(struct roster *r)
{
	memset(r, 0, sizeof *r);
}

void roster_release(struct roster *r)
{
	free(r->e);
	roster_init(r);
}

const char *roster_role_name(enum roster_role r)
{
	return r == ROLE_SUPERVISOR ? "supervisor" : "inspector";
}

int roster_time_parse(const char *s, size_t len, long long *out)
{
	int f[6] = { 0 }, w[6] = { 4, 2, 2, 2, 2, 2 }, i, j;
	const char *p = s;

	if (len != 15 || s[14] != 'Z')
		return -1;
	for (i = 0; i < 6; i++)
		for (j = 0; j < w[i]; j++, p++) {
			if (*p < '0' || *p > '9')
				return -1;
			f[i] = f[i] * 10 + (*p - '0');
		}
	if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 59)
		return -1;
	*out = (long long)clock_days_from_civil(f[0], f[1], f[2]) * 86400 + f[3] * 3600 +
	       f[4] * 60 + f[5];
	return 0;
}

void roster_time_format(long long t, char out[16])
{
	long days = (long)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
	long long s = t - (long long)days * 86400;
	char buf[64];
	int y, m, d;

	clock_civil_from_days(days, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02dZ", y % 10000, m, d, (int)(s / 3600),
		 (int)(s / 60 % 60), (int)(s % 60));
	memcpy(out, buf, 15);
	out[15] = '\0';
}

static int entry_cmp(const void *a, const void *b)
{
	const struct roster_entry *x = a, *y = b;
	int c = strcmp(x->who.badge, y->who.badge);

	if (c)
		return c;
	if (x->valid_after != y->valid_after)
		return x->valid_after < y->valid_after ? -1 : 1;
	return memcmp(x->key.pk, y->key.pk, SSHKEY_ED25519_LEN);
}

static void encode_entry(const struct roster_entry *e, struct strbuf *out)
{
	char t[16];

	roster_time_format(e->valid_after, t);
	strbuf_addf(out, "%s namespaces=\"git\",valid-after=\"%s\"", e->who.badge, t);
	if (e->valid_before) {
		roster_time_format(e->valid_before, t);
		strbuf_addf(out, ",valid-before=\"%s\"", t);
	}
	strbuf_addc(out, ' ');
	sshkey_format(&e->key, out);
	strbuf_addf(out, " role=%s;dept=%s;name=%s\n", roster_role_name(e->role), e->who.dept,
		    e->who.name);
}

void roster_encode(const struct roster *r, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, HEADER);
	for (i = 0; i < r->n; i++)
		encode_entry(&r->e[i], out);
}

/* `name="…Z"` at *p: the time, *p moved past it. */
static int option_time(const char **p, const char *end, const char *name, long long *out)
{
	size_t n = strlen(name);

	if ((size_t)(end - *p) < n + 18 || memcmp(*p, name, n) || (*p)[n] != '=' ||
	    (*p)[n + 1] != '"' || (*p)[n + 17] != '"')
		return -1;
	if (roster_time_parse(*p + n + 2, 15, out))
		return -1;
	*p += n + 18;
	return 0;
}

/* "KEY=VALUE" up to the next ';' or the end: copies VALUE. */
static int field(const char **p, const char *end, const char *key, char *out, size_t size)
{
	size_t n = strlen(key);
	const char *v, *stop;

	if ((size_t)(end - *p) < n + 1 || memcmp(*p, key, n) || (*p)[n] != '=')
		return -1;
	v = *p + n + 1;
	for (stop = v; stop < end && *stop != ';'; stop++)
		;
	if ((size_t)(stop - v) >= size)
		return -1;
	memcpy(out, v, (size_t)(stop - v));
	out[stop - v] = '\0';
	*p = stop < end ? stop + 1 : stop;
	return 0;
}

/* One line (without its LF) into e; the reason in err. */
static int parse_line(const char *s, const char *end, struct roster_entry *e, struct fc_err *err)
{
	const char *p = memchr(s, ' ', (size_t)(end - s));
	char role[16];

	memset(e, 0, sizeof *e);
	if (!p || (size_t)(p - s) > MAX_BADGE)
		return fc_fail(err, _("a badge and its options are expected"));
	memcpy(e->who.badge, s, (size_t)(p - s));
	if (badge_check(e->who.badge, err))
		return -1;
	p++;
	if ((size_t)(end - p) < 17 || memcmp(p, "namespaces=\"git\",", 17) ||
	    (p += 17, option_time(&p, end, "valid-after", &e->valid_after)))
		return fc_fail(err, _("options must be namespaces=\"git\",valid-after=\"…Z\""));
	if (p < end && *p == ',' && (p++, option_time(&p, end, "valid-before", &e->valid_before)))
		return fc_fail(err, _("a valid-before option is damaged"));
	if (p >= end || *p++ != ' ' || sshkey_parse(p, (size_t)(end - p), &e->key, &p, "the key",
						    err))
		return p >= end ? fc_fail(err, _("the key is missing")) : -1;
	if (p >= end || *p++ != ' ' || field(&p, end, "role", role, sizeof role) ||
	    field(&p, end, "dept", e->who.dept, sizeof e->who.dept) ||
	    field(&p, end, "name", e->who.name, sizeof e->who.name) || p != end)
		return fc_fail(err, _("role=…;dept=…;name=… must follow the key"));
	if (!strcmp(role, "supervisor"))
		e->role = ROLE_SUPERVISOR;
	else if (strcmp(role, "inspector"))
		return fc_fail(err, _("the role is neither inspector nor supervisor"));
	if (e->valid_before && e->valid_before <= e->valid_after)
		return fc_fail(err, _("the key's end comes before its start"));
	return person_check(&e->who, err);
}

static void push(struct roster *r, const struct roster_entry *e)
{
	ALLOC_GROW(r->e, r->n + 1, r->alloc);
	r->e[r->n++] = *e;
}

int roster_parse(const char *buf, size_t len, const char *what, struct roster *out,
		 struct fc_err *err)
{
	const char *p = buf, *end = buf + len;
	size_t line = 1, hl = strlen(HEADER);
	struct strbuf again;
	int rc;

	roster_init(out);
	if (len > ROSTER_MAX_BYTES)
		return fc_fail(err, _("%s is %zu bytes, more than a roster may be"), what, len);
	if (len < hl || memcmp(buf, HEADER, hl))
		return fc_fail(err, _("%s:1: not a fieldcheck roster (its first line is not the "
			       "roster's header)"), what);
	for (p = buf + hl; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct roster_entry e;
		if (!nl)
			return roster_release(out), fc_fail(err, _("%s:%zu: the last line has no end"),
							   what, line + 1);
		if (out->n >= ROSTER_MAX_ENTRIES)
			return roster_release(out), fc_fail(err, _("%s: more than %d entries"), what,
							   ROSTER_MAX_ENTRIES);
		if (parse_line(p, nl, &e, err) ||
		    (out->n && entry_cmp(&out->e[out->n - 1], &e) >= 0 &&
		     fc_fail(err, _("not in canonical form (entries sorted by badge, then start)")))) {
			roster_release(out);
			return fc_err_prefix(err, "%s:%zu", what, line + 1);
		}
		push(out, &e);
		p = nl + 1;
	}
	/* one spelling only: what we would write, byte for byte */
	strbuf_init(&again);
	roster_encode(out, &again);
	rc = again.len == len && !memcmp(again.buf, buf, len) ? 0 :
		fc_fail(err, _("%s is not in canonical form (entries sorted by badge, then start)"),
			what);
	strbuf_release(&again);
	if (rc)
		roster_release(out);
	return rc;
}

const struct roster_entry *roster_signer(const struct roster *r, const struct sshkey *k,
					 long long when, struct fc_err *why)
{
	const struct roster_entry *seen = NULL;
	char fp[SSHKEY_FP_LEN], t[16];
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct roster_entry *e = &r->e[i];
		if (!sshkey_equal(&e->key, k))
			continue;
		if (when >= e->valid_after && (!e->valid_before || when < e->valid_before))
			return e;
		seen = e;
	}
	if (!why)
		return NULL;
	sshkey_fingerprint(k, fp);
	if (!seen) {
		fc_fail(why, _("key %s is not on the roster"), fp);
	} else {
		roster_time_format(when < seen->valid_after ? seen->valid_after : seen->valid_before,
				   t);
		fc_fail(why, _("key %s of %s is %s at that time (%s %s)"), fp, seen->who.badge,
			when < seen->valid_after ? "not yet valid" : "no longer valid",
			when < seen->valid_after ? "valid from" : "ended", t);
	}
	return NULL;
}

int roster_add(struct roster *r, const struct roster_entry *e, struct fc_err *err)
{
	size_t i;

	if (person_check(&e->who, err))
		return -1;
	if (strchr(e->who.name, ';') || strchr(e->who.dept, ';'))
		return fc_fail(err, _("a name or department on the roster cannot hold ';'"));
	if (e->valid_before && e->valid_before <= e->valid_after)
		return fc_fail(err, _("the key's end comes before its start"));
	for (i = 0; i < r->n; i++)
		if (sshkey_equal(&r->e[i].key, &e->key) &&
		    (!r->e[i].valid_before || r->e[i].valid_before > e->valid_after) &&
		    (!e->valid_before || e->valid_before > r->e[i].valid_after))
			return fc_fail(err, _("this key is on the roster already, for %s"),
				       r->e[i].who.badge);
	if (r->n >= ROSTER_MAX_ENTRIES)
		return fc_fail(err, _("the roster holds %d entries, its most"), ROSTER_MAX_ENTRIES);
	push(r, e);
	qsort(r->e, r->n, sizeof *r->e, entry_cmp);
	return 0;
}

int roster_revoke(struct roster *r, const char *badge, long long when, struct fc_err *err)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->n; i++) {
		struct roster_entry *e = &r->e[i];
		if (strcmp(e->who.badge, badge) || (e->valid_before && e->valid_before <= when))
			continue;
		e->valid_before = when > e->valid_after ? when : e->valid_after + 1;
		n++;
	}
	if (!n)
		fc_fail(err, _("%s has no key in force on the roster"), badge);
	return n;
}
