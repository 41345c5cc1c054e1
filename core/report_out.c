/* report_out.c - the report as text, CSV or JSON.
 *
 * Text is for a person at a terminal: the figures with their names, the
 * joint inspections month by month against the target, and a table of the
 * groups.  CSV is one row per group (or one "total" row) and one column per
 * figure, for a spreadsheet.  JSON is the stable interface other programs
 * read (README, "JSON of the report"): keys are added, never renamed.
 */
#include "report.h"

#include <string.h>

#include "strbuf.h"
#include "table.h"
#include "core/i18n.h"

/* The columns of the CSV and of the text table of groups. */
static const struct table_col cols[] = {
	{ "group", N_("GROUP"), 0, 32, 0 },
	{ "name", N_("NAME"), 0, 20, 0 },
	{ "inspections", N_("INSP"), 1, 0, 0 },
	{ "drafts", N_("DRAFT"), 1, 0, 0 },
	{ "enterprises", N_("ENTS"), 1, 0, 0 },
	{ "joint_inspections", N_("JOINT"), 1, 0, 0 },
	{ "unannounced_inspections", N_("UNANN"), 1, 0, 0 },
	{ "rechecks", N_("RECHK"), 1, 0, 0 },
	{ "hazards_found", N_("FOUND"), 1, 0, 0 },
	{ "hazards_general", N_("GEN"), 1, 0, 0 },
	{ "hazards_major", N_("MAJOR"), 1, 0, 0 },
	{ "hazards_notified", N_("NOTICE"), 1, 0, 0 },
	{ "hazards_rectified", N_("RECT"), 1, 0, 0 },
	{ "rectification_rate", N_("RATE%"), 1, 0, 0 },
	{ "hazards_closed", N_("CLOSED"), 1, 0, 0 },
	{ "hazards_open", N_("OPEN"), 1, 0, 0 },
	{ "hazards_overdue", N_("OVERDUE"), 1, 0, 0 },
	{ "hazards_under_supervision", N_("SUPERV"), 1, 0, 0 },
	{ "hazards_major_under_supervision", N_("MAJ-SUP"), 1, 0, 0 },
	{ "hazards_rectified_with_photo", N_("PHOTO"), 1, 0, 0 },
	{ "hazards_rectified_without_photo", N_("NO-PH"), 1, 0, 0 },
};
#define N_COLS ARRAY_SIZE(cols)
#define NUM_LEN 24

/* The text table's legend: its column titles, translated like them. */
static const char *const legend = N_(
	"INSP inspections, DRAFT of them drafts, ENTS enterprises inspected, JOINT joint,\n"
	"UNANN unannounced (四不两直), RECHK re-inspections; hazards: FOUND, GEN general,\n"
	"MAJOR, NOTICE notified, RECT rectified, RATE% rectified/found, CLOSED verified\n"
	"and closed, OPEN not rectified, OVERDUE, SUPERV under listed supervision (挂牌督办),\n"
	"MAJ-SUP major ones under it, PHOTO rectified with photo evidence of the repair,\n"
	"NO-PH rectified without.\n");

/* The figures as strings, in the order of cols[2..]. */
static void figure_cells(const struct report_figures *f, char cell[][NUM_LEN])
{
	const long v[] = { f->inspections, f->drafts, f->enterprises, f->joint, f->unannounced,
			   f->rechecks, f->found, f->general, f->major, f->notified, f->rectified,
			   -1, f->closed, f->open, f->overdue, f->supervised, f->major_supervised,
			   f->repair_photo, f->no_repair_photo };
	size_t k;

	for (k = 0; k < ARRAY_SIZE(v); k++)
		snprintf(cell[k], NUM_LEN, "%ld", v[k]);
	report_rate_text(f, cell[11], NUM_LEN);
}

static void add_row(struct table *t, const char *group, const char *name,
		    const struct report_figures *f, int with_name)
{
	char cell[N_COLS - 2][NUM_LEN];
	const char *vals[N_COLS];
	size_t k, n = 0;

	figure_cells(f, cell);
	vals[n++] = group;
	if (with_name)
		vals[n++] = name;
	for (k = 0; k < N_COLS - 2; k++)
		vals[n++] = cell[k];
	table_add(t, vals);
}

static int print_csv(const struct report *r, FILE *out)
{
	struct table t;
	size_t k;
	int rc;

	table_init(&t, cols, N_COLS);
	if (r->by == REPORT_TOTAL)
		add_row(&t, "total", "", &r->total, 1);
	for (k = 0; k < r->n_groups; k++)
		add_row(&t, r->groups[k].key, r->groups[k].name, &r->groups[k].f, 1);
	rc = table_print(&t, FMT_CSV, out);
	table_release(&t);
	return rc;
}

/* "LABEL ....... VALUE" with the label padded by display width. */
static void line(FILE *out, const char *label, const char *value)
{
	size_t w = text_width(label);
	fputs(label, out);
	for (; w < 40; w++)
		fputc(' ', out);
	fprintf(out, "%8s\n", value);
}

static void line_n(FILE *out, const char *label, long v)
{
	char s[NUM_LEN];
	snprintf(s, sizeof s, "%ld", v);
	line(out, label, s);
}

static void text_period(const struct report *r, FILE *out)
{
	fputs(_("Inspection report, "), out);
	if (r->from[0] && r->to[0])
		fprintf(out, _("%s to %s"), r->from, r->to);
	else if (r->from[0])
		fprintf(out, _("from %s"), r->from);
	else if (r->to[0])
		fprintf(out, _("up to %s"), r->to);
	else
		fputs(_("all dates"), out);
	fprintf(out, _(" (today %s)%s\n"), r->today,
		r->final_only ? _(", finalized inspections only") : "");
	if (r->signed_since[0])
		fprintf(out, _("Signed records since %s; what was recorded before is unsigned\n\n"),
			r->signed_since);
	else
		fputs(_("No roster: no record is signed\n\n"), out);
}

static void text_figures(const struct report_figures *f, FILE *out)
{
	char rate[NUM_LEN + 2];

	report_rate_text(f, rate, sizeof rate);
	if (rate[0])
		strcat(rate, " %");
	line_n(out, _("Inspections"), f->inspections);
	line_n(out, _("  of them still drafts"), f->drafts);
	line_n(out, _("Enterprises inspected"), f->enterprises);
	line_n(out, _("Joint inspections (联合执法)"), f->joint);
	line_n(out, _("Unannounced inspections (四不两直)"), f->unannounced);
	line_n(out, _("Re-inspections (复查)"), f->rechecks);
	line_n(out, _("Hazards found (隐患)"), f->found);
	line_n(out, _("  general (一般隐患)"), f->general);
	line_n(out, _("  major (重大隐患)"), f->major);
	line_n(out, _("Rectification notices issued"), f->notified);
	line_n(out, _("Rectified"), f->rectified);
	line_n(out, _("  with photo evidence of the repair"), f->repair_photo);
	line_n(out, _("  without photo evidence of the repair"), f->no_repair_photo);
	line(out, _("Rectification rate"), rate[0] ? rate : "-");
	line_n(out, _("Verified and closed (复查销号)"), f->closed);
	line_n(out, _("Open, not yet rectified"), f->open);
	line_n(out, _("Overdue"), f->overdue);
	line_n(out, _("Under listed supervision (挂牌督办)"), f->supervised);
	line_n(out, _("  of them major"), f->major_supervised);
}

static void text_months(const struct report *r, FILE *out)
{
	size_t k;

	if (!r->n_months)
		return;
	fprintf(out, _("\nJoint inspections by month (target %d a month):\n"), REPORT_JOINT_TARGET);
	for (k = 0; k < r->n_months; k++)
		fprintf(out, "  %s  %4ld%s\n", r->months[k].month, r->months[k].joint,
			r->months[k].joint < REPORT_JOINT_TARGET ? _("  below target") : "");
}

static const char *by_title(enum report_by by)
{
	static const char *const t[] = { "", N_("FORM"), N_("TOWN"), N_("DEPT"), N_("MONTH"),
					 N_("ENTERPRISE") };
	return (size_t)by < ARRAY_SIZE(t) ? t[by] : N_("GROUP");
}

static const char *by_heading(enum report_by by)
{
	static const char *const h[] = { "", N_("By form:"), N_("By town:"), N_("By dept:"),
					 N_("By month:"), N_("By enterprise:") };
	return (size_t)by < ARRAY_SIZE(h) ? _(h[by]) : "";
}

static int text_groups(const struct report *r, FILE *out)
{
	int with_name = r->by == REPORT_BY_ENTERPRISE;
	struct table_col c[N_COLS];
	struct table t;
	size_t k, n = 0;
	int rc;

	for (k = 0; k < N_COLS; k++)
		if (k != 1 || with_name)
			c[n++] = cols[k];
	c[0].title = by_title(r->by);
	fprintf(out, "\n%s\n", by_heading(r->by));
	table_init(&t, c, n);
	for (k = 0; k < r->n_groups; k++)
		add_row(&t, r->groups[k].key[0] ? r->groups[k].key : _("(none)"), r->groups[k].name,
			&r->groups[k].f, with_name);
	add_row(&t, _("TOTAL"), "", &r->total, with_name);
	rc = table_print(&t, FMT_TEXT, out);
	table_release(&t);
	fputs(_(legend), out);
	return rc;
}

static int print_text(const struct report *r, FILE *out)
{
	text_period(r, out);
	text_figures(&r->total, out);
	text_months(r, out);
	if (r->by != REPORT_TOTAL)
		return text_groups(r, out);
	return 0;
}

static void json_str_or_null(struct strbuf *sb, const char *s)
{
	if (*s)
		json_quote(sb, s);
	else
		strbuf_adds(sb, "null");
}

/* The inspection figures and the "hazards" object, as members of an
 * object already open; `in` is the indentation of the members. */
static void json_figures(struct strbuf *sb, const struct report_figures *f, const char *in)
{
	int rate = report_rate_tenths(f);

	strbuf_addf(sb, "%s\"inspections\": %ld,\n%s\"drafts\": %ld,\n", in, f->inspections,
		    in, f->drafts);
	strbuf_addf(sb, "%s\"enterprises\": %ld,\n%s\"joint_inspections\": %ld,\n", in,
		    f->enterprises, in, f->joint);
	strbuf_addf(sb, "%s\"unannounced_inspections\": %ld,\n%s\"rechecks\": %ld,\n", in,
		    f->unannounced, in, f->rechecks);
	strbuf_addf(sb, "%s\"hazards\": {\n%s  \"found\": %ld,\n%s  \"general\": %ld,\n", in, in,
		    f->found, in, f->general);
	strbuf_addf(sb, "%s  \"major\": %ld,\n%s  \"notified\": %ld,\n", in, f->major, in,
		    f->notified);
	strbuf_addf(sb, "%s  \"rectified\": %ld,\n%s  \"rectification_rate\": ", in,
		    f->rectified, in);
	if (rate < 0)
		strbuf_adds(sb, "null,\n");
	else
		strbuf_addf(sb, "%d.%d,\n", rate / 10, rate % 10);
	strbuf_addf(sb, "%s  \"closed\": %ld,\n%s  \"open\": %ld,\n%s  \"overdue\": %ld,\n", in,
		    f->closed, in, f->open, in, f->overdue);
	strbuf_addf(sb, "%s  \"under_supervision\": %ld,\n", in, f->supervised);
	strbuf_addf(sb, "%s  \"major_under_supervision\": %ld,\n", in, f->major_supervised);
	strbuf_addf(sb, "%s  \"rectified_with_photo\": %ld,\n", in, f->repair_photo);
	strbuf_addf(sb, "%s  \"rectified_without_photo\": %ld\n%s}", in, f->no_repair_photo, in);
}

static void json_months(struct strbuf *sb, const struct report *r)
{
	size_t k;

	strbuf_adds(sb, "  \"joint_by_month\": [");
	for (k = 0; k < r->n_months; k++)
		strbuf_addf(sb, "%s\n    {\"month\": \"%s\", \"joint\": %ld, \"target\": %d}",
			    k ? "," : "", r->months[k].month, r->months[k].joint,
			    REPORT_JOINT_TARGET);
	strbuf_adds(sb, r->n_months ? "\n  ],\n" : "],\n");
}

static void json_groups(struct strbuf *sb, const struct report *r)
{
	size_t k;

	strbuf_adds(sb, "  \"groups\": [");
	for (k = 0; k < r->n_groups; k++) {
		strbuf_adds(sb, k ? ",\n    {\n      \"key\": " : "\n    {\n      \"key\": ");
		json_quote(sb, r->groups[k].key);
		strbuf_adds(sb, ",\n      \"name\": ");
		json_quote(sb, r->groups[k].name);
		strbuf_adds(sb, ",\n");
		json_figures(sb, &r->groups[k].f, "      ");
		strbuf_adds(sb, "\n    }");
	}
	strbuf_adds(sb, r->n_groups ? "\n  ]\n" : "]\n");
}

static int print_json(const struct report *r, FILE *out)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, "{\n  \"from\": ");
	json_str_or_null(&sb, r->from);
	strbuf_adds(&sb, ",\n  \"to\": ");
	json_str_or_null(&sb, r->to);
	strbuf_addf(&sb, ",\n  \"today\": \"%s\",\n  \"by\": ", r->today);
	json_str_or_null(&sb, r->by == REPORT_TOTAL ? "" : report_by_name(r->by));
	strbuf_addf(&sb, ",\n  \"final_only\": %s,\n  \"signed_since\": ",
		    r->final_only ? "true" : "false");
	json_str_or_null(&sb, r->signed_since);
	strbuf_adds(&sb, ",\n");
	json_figures(&sb, &r->total, "  ");
	strbuf_adds(&sb, ",\n");
	json_months(&sb, r);
	json_groups(&sb, r);
	strbuf_adds(&sb, "}\n");
	fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
	return 0;
}

int report_print(const struct report *r, enum report_format fmt, int bom, FILE *out,
		 struct fc_err *err)
{
	int rc;

	if (bom)
		fputs("\xEF\xBB\xBF", out);
	switch (fmt) {
	case REPORT_CSV: rc = print_csv(r, out); break;
	case REPORT_JSON: rc = print_json(r, out); break;
	case REPORT_HTML: return report_print_html(r, out, err);
	default: rc = print_text(r, out); break;
	}
	if (rc || fflush(out) || ferror(out))
		return fc_failk(err, FC_EIO, _("cannot write the report"));
	return 0;
}
