/* gen.c - the generated district's records, for the benchmarks.
 *
 *   gen central [--seed S] [--start K] --inspections N [--base B] [--check]
 *       writes a `git fast-import` stream of the central repository's
 *       history: with K = 0 (the default) a first commit of the forms
 *       (forms/<id>/<version>/{survey,choices,settings}.csv, the shipped bytes) and the 5000
 *       enterprises, then inspections K .. K+N-1 as the devices would have
 *       pushed them: one commit per device per week, authored by its
 *       inspector ("name <badge>"), carrying that week's inspections, their
 *       hazards, and the later events of earlier hazards (each hazard is
 *       written again when its log grows).  With K > 0 the commits continue
 *       refs/heads/main.  B is the size of the base history (default K+N):
 *       it fixes "now" (synth_now).
 *   gen files [--seed S] --start K --inspections N [--base B] --dir DIR
 *       writes those inspections and their hazards (as first recorded) as
 *       files at their paths under DIR, for the git command line's side.
 *   gen now N
 *       prints "now" for a base of N inspections (FIELDCHECK_NOW).
 *
 * Records are encoded by record_encode at layout_record_path, so they are
 * exactly what fieldcheck itself writes; --check decodes every one again.
 * The forms are read from $FIELDCHECK_FORMS (else ./forms/checklists).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench/synth.h"
#include "core/clock.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "sync/layout.h"

struct opts {
	const char *mode, *dir;
	unsigned long long seed;
	size_t start, n, base;
	int have_base, check;
};

struct stats { size_t commits, inspections, hazards, versions; };

/* A hazard waiting for its log to grow: a deep copy, and how many of its
 * events are in the repository already. */
struct pending {
	struct fc_hazard h;
	size_t written;
};

struct device_queue {
	struct pending *p;
	size_t n, alloc;
};

static void die(const char *fmt, ...) FC_PRINTF(1, 2);
static void die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "gen: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static struct fc_record record_of(enum record_kind kind)
{
	struct fc_record r;
	memset(&r, 0, sizeof r);
	r.kind = kind;
	return r;
}

static void check_record(const struct fc_record *rec, const struct strbuf *sb, const char *path)
{
	struct fc_record back;
	struct layout_path lp;
	struct fc_err err = { 0 };

	if (record_decode(sb->buf, sb->len, path, &back, &err) || layout_parse(path, &lp, &err) ||
	    layout_matches(&lp, &back, path, LAYOUT_FORMAT, &err))
		die("%s", err.msg);
	record_clear(&back);
	(void)rec;
}

/* One file of a commit: "M 100644 inline PATH", then its data. */
static void add_file(struct strbuf *cmds, const char *path, const char *data, size_t len)
{
	strbuf_addf(cmds, "M 100644 inline %s\ndata %zu\n", path, len);
	strbuf_add(cmds, data, len);
	strbuf_addc(cmds, '\n');
}

static void add_record(struct strbuf *cmds, const struct fc_record *rec, int check)
{
	struct strbuf sb;
	char path[256];

	strbuf_init(&sb);
	record_encode(rec, &sb);
	layout_record_path(rec, LAYOUT_FORMAT, path, sizeof path);
	if (check)
		check_record(rec, &sb, path);
	add_file(cmds, path, sb.buf, sb.len);
	strbuf_release(&sb);
}

static void emit_commit(FILE *out, const struct fc_person *who, const char *when, int first_of_run,
			const struct strbuf *msg, const struct strbuf *cmds, struct stats *st)
{
	struct fc_err err = { 0 };
	long long t;
	int off;

	if (timestamp_epoch(when, &t, &off, &err))
		die("%s", err.msg);

	fprintf(out, "commit refs/heads/main\n");
	fprintf(out, "author %s <%s> %lld +0800\n", who->name, who->badge, t);
	fprintf(out, "committer %s <%s> %lld +0800\n", who->name, who->badge, t);
	fprintf(out, "data %zu\n", msg->len);
	fwrite(msg->buf, 1, msg->len, out);
	fputc('\n', out);
	if (first_of_run)
		fprintf(out, "from refs/heads/main^0\n");
	fwrite(cmds->buf, 1, cmds->len, out);
	fputc('\n', out);
	st->commits++;
}

/* The register: every form's three files and the 5000 enterprises. */
static void register_commit(const struct synth *s, FILE *out, int check, struct stats *st)
{
	struct strbuf cmds, msg;
	char path[256], when[FC_TIMESTAMP_LEN + 1];
	size_t i;

	strbuf_init(&cmds);
	strbuf_init(&msg);
	/* format 2 (sync/format.h) */
	add_file(&cmds, LAYOUT_FORMAT_PATH, LAYOUT_FORMAT_TEXT, strlen(LAYOUT_FORMAT_TEXT));
	for (i = 0; i < s->n_forms; i++) {
		const struct form *f = s->forms[i];
		const char *texts[3] = { f->survey_csv, f->choices_csv ? f->choices_csv : "",
					 f->settings_csv };
		static const char *const files[3] = { "survey.csv", "choices.csv", "settings.csv" };
		int j;
		for (j = 0; j < 3; j++) {
			layout_form_path(f->id, f->version, files[j], path, sizeof path);
			add_file(&cmds, path, texts[j], strlen(texts[j]));
		}
	}
	for (i = 0; i < SYNTH_ENTERPRISES; i++) {
		struct fc_record rec = record_of(REC_ENTERPRISE);
		synth_enterprise(s, i, &rec.u.enterprise);
		add_record(&cmds, &rec, check);
		enterprise_clear(&rec.u.enterprise);
	}
	strbuf_addf(&msg, "records: 0 inspections, 0 hazards, %d enterprises\n\nthe district's "
		    "register and its %zu forms\n", SYNTH_ENTERPRISES, s->n_forms);
	synth_stamp(synth_day_of(0) - 3, 9 * 60, when);
	emit_commit(out, synth_device(0), when, 0, &msg, &cmds, st);
	strbuf_release(&cmds);
	strbuf_release(&msg);
}

static void pending_add(struct device_queue *q, const struct fc_hazard *h, size_t written)
{
	struct pending *p;
	size_t i;

	ALLOC_GROW(q->p, q->n + 1, q->alloc);
	p = &q->p[q->n++];
	p->h = *h;
	p->h.item = xstrdup(h->item);
	p->h.description = xstrdup(h->description);
	p->h.events = xcalloc(h->n_events, sizeof *h->events);
	for (i = 0; i < h->n_events; i++) {
		p->h.events[i] = h->events[i];
		p->h.events[i].by_name = xstrdup(h->events[i].by_name);
		p->h.events[i].note = xstrdup(h->events[i].note);
	}
	p->written = written;
}

/* Events of h that happened by `when` (the log is in time order). */
static size_t visible(const struct fc_hazard *h, const char *when)
{
	size_t n = 1;
	while (n < h->n_events && strcmp(h->events[n].at, when) <= 0)
		n++;
	return n;
}

/* Writes the grown logs of the device's earlier hazards; drops the done. */
static size_t pending_flush(struct device_queue *q, const char *when, struct strbuf *cmds,
			    int check, struct stats *st)
{
	size_t i, k = 0, wrote = 0;

	for (i = 0; i < q->n; i++) {
		struct pending *p = &q->p[i];
		size_t n = when ? visible(&p->h, when) : p->h.n_events;
		if (n > p->written) {
			struct fc_record rec = record_of(REC_HAZARD);
			rec.u.hazard = p->h;
			rec.u.hazard.n_events = n;
			add_record(cmds, &rec, check);
			p->written = n;
			st->versions++;
			wrote++;
		}
		if (p->written == p->h.n_events)
			hazard_clear(&p->h);
		else
			q->p[k++] = *p;
	}
	q->n = k;
	return wrote;
}

static void central(const struct synth *s, const struct opts *o, FILE *out)
{
	struct device_queue queues[SYNTH_DEVICES];
	struct synth_visit *v = xmalloc(sizeof *v);
	struct stats st = { 0 };
	size_t end = o->start + o->n, w, d, k;
	int first = o->start > 0;

	memset(queues, 0, sizeof queues);
	if (o->start == 0)
		register_commit(s, out, o->check, &st);
	for (w = o->start / SYNTH_PER_WEEK; w * SYNTH_PER_WEEK < end; w++) {
		size_t lo = w * SYNTH_PER_WEEK > o->start ? w * SYNTH_PER_WEEK : o->start;
		size_t hi = (w + 1) * SYNTH_PER_WEEK < end ? (w + 1) * SYNTH_PER_WEEK : end;
		for (d = 0; d < SYNTH_DEVICES; d++) {
			char when[FC_TIMESTAMP_LEN + 1];
			struct strbuf cmds, msg, ids;
			size_t n_insp = 0, n_haz = 0, h;

			/* Friday evening: the device syncs its week. */
			synth_stamp(synth_day_of(w * SYNTH_PER_WEEK) + 4, 18 * 60 + (int)d, when);
			strbuf_init(&cmds);
			strbuf_init(&msg);
			strbuf_init(&ids);
			for (k = lo + (SYNTH_DEVICES + d - lo % SYNTH_DEVICES) % SYNTH_DEVICES; k < hi;
			     k += SYNTH_DEVICES) {
				struct fc_record rec = record_of(REC_INSPECTION);
				synth_visit(s, k, v);
				synth_inspection(v, &rec.u.inspection);
				add_record(&cmds, &rec, o->check);
				synth_inspection_release(&rec.u.inspection);
				if (n_insp++ < 200)
					strbuf_addf(&ids, "inspection %s\n", v->id);
				for (h = 0; h < v->n_hazards; h++) {
					struct fc_record hr = record_of(REC_HAZARD);
					size_t n;
					synth_hazard(v, h, SYNTH_MAX_EVENTS, &hr.u.hazard);
					n = visible(&hr.u.hazard, when);
					hr.u.hazard.n_events = n;
					add_record(&cmds, &hr, o->check);
					if (n < v->hazards[h].n_events) {
						hr.u.hazard.n_events = v->hazards[h].n_events;
						pending_add(&queues[d], &hr.u.hazard, n);
					}
					n_haz++;
					st.versions++;
				}
			}
			st.inspections += n_insp;
			st.hazards += n_haz;
			n_haz += pending_flush(&queues[d], when, &cmds, o->check, &st);
			if (cmds.len) {
				strbuf_addf(&msg, "records: %zu inspection%s, %zu hazard%s, 0 enterprises"
					    "\n\n%s", n_insp, n_insp == 1 ? "" : "s", n_haz,
					    n_haz == 1 ? "" : "s", ids.buf);
				emit_commit(out, synth_device(d), when, first, &msg, &cmds, &st);
				first = 0;
			}
			strbuf_release(&cmds);
			strbuf_release(&msg);
			strbuf_release(&ids);
		}
	}
	/* The base history ends at "now": what happened since is recorded. */
	for (d = 0; d < SYNTH_DEVICES; d++) {
		struct strbuf cmds, msg;
		size_t n;
		strbuf_init(&cmds);
		strbuf_init(&msg);
		n = o->start == 0 ? pending_flush(&queues[d], NULL, &cmds, o->check, &st) : 0;
		if (n) {
			strbuf_addf(&msg, "records: 0 inspections, %zu hazard%s, 0 enterprises\n", n,
				    n == 1 ? "" : "s");
			emit_commit(out, synth_device(d), s->now, first, &msg, &cmds, &st);
			first = 0;
		}
		while (queues[d].n)
			hazard_clear(&queues[d].p[--queues[d].n].h);
		free(queues[d].p);
		strbuf_release(&cmds);
		strbuf_release(&msg);
	}
	free(v);
	if (fflush(out) != 0)
		die("writing the stream: %s", strerror(errno));
	fprintf(stderr, "gen: %zu inspections, %zu hazards (%zu hazard versions), %zu commits\n",
		st.inspections, st.hazards, st.versions, st.commits);
}

static void mkdirs(const char *path)
{
	char buf[1024];
	size_t i;

	snprintf(buf, sizeof buf, "%s", path);
	for (i = 1; buf[i]; i++)
		if (buf[i] == '/') {
			buf[i] = '\0';
			if (mkdir(buf, 0777) != 0 && errno != EEXIST)
				die("cannot make %s", buf);
			buf[i] = '/';
		}
}

static void write_file(const char *dir, const struct fc_record *rec)
{
	char rel[256], path[1024];
	struct strbuf sb;
	FILE *f;

	strbuf_init(&sb);
	record_encode(rec, &sb);
	layout_record_path(rec, LAYOUT_FORMAT, rel, sizeof rel);
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	if (!(f = fopen(path, "wb"))) {
		mkdirs(path);
		f = fopen(path, "wb");
	}
	if (!f || fwrite(sb.buf, 1, sb.len, f) != sb.len || fclose(f) != 0)
		die("cannot write %s", path);
	strbuf_release(&sb);
}

static void files(const struct synth *s, const struct opts *o)
{
	struct synth_visit *v = xmalloc(sizeof *v);
	size_t k, h, n_haz = 0;

	for (k = o->start; k < o->start + o->n; k++) {
		struct fc_record rec = record_of(REC_INSPECTION);
		synth_visit(s, k, v);
		synth_inspection(v, &rec.u.inspection);
		write_file(o->dir, &rec);
		synth_inspection_release(&rec.u.inspection);
		for (h = 0; h < v->n_hazards; h++, n_haz++) {
			struct fc_record hr = record_of(REC_HAZARD);
			synth_hazard(v, h, 1, &hr.u.hazard); /* as found */
			write_file(o->dir, &hr);
		}
	}
	free(v);
	fprintf(stderr, "gen: wrote %zu inspections and %zu hazards under %s\n", o->n, n_haz, o->dir);
}

static size_t number(const char *s)
{
	char *end;
	unsigned long long v;
	errno = 0;
	v = strtoull(s ? s : "", &end, 10);
	if (!s || !*s || *end || errno)
		die("not a number: '%s'", s ? s : "");
	return (size_t)v;
}

int main(int argc, char **argv)
{
	static char buf[1 << 20];
	const char *forms = getenv("FIELDCHECK_FORMS");
	struct opts o = { 0 };
	struct synth s;
	struct fc_err err = { 0 };
	char now[FC_TIMESTAMP_LEN + 1];
	int i;

	o.seed = 1;
	if (argc < 2)
		die("%s", "usage: gen central|files|now [--seed S] [--start K] --inspections N "
		    "[--base B] [--dir DIR] [--check]");
	o.mode = argv[1];
	if (!strcmp(o.mode, "now")) {
		synth_now(number(argc > 2 ? argv[2] : NULL), now);
		printf("%s\n", now);
		return 0;
	}
	for (i = 2; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--check")) {
			o.check = 1;
			continue;
		}
		i++;
		if (!strcmp(a, "--seed"))
			o.seed = number(val);
		else if (!strcmp(a, "--start"))
			o.start = number(val);
		else if (!strcmp(a, "--inspections"))
			o.n = number(val);
		else if (!strcmp(a, "--base"))
			o.base = number(val), o.have_base = 1;
		else if (!strcmp(a, "--dir") && val)
			o.dir = val;
		else
			die("unknown option %s", a);
	}
	if (!o.have_base)
		o.base = o.start + o.n;
	if (synth_init(&s, o.seed, forms && *forms ? forms : "forms/checklists", o.base, &err))
		die("%s", err.msg);
	if (!strcmp(o.mode, "central")) {
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
		central(&s, &o, stdout);
	} else if (!strcmp(o.mode, "files") && o.dir) {
		files(&s, &o);
	} else {
		die("unknown mode or missing --dir: %s", o.mode);
	}
	synth_release(&s);
	return 0;
}
