/* report_html.c - the report as one self-contained HTML page.
 *
 * A supervisor prints it or mails it: one file, UTF-8, no script, no
 * network, no web fonts (the system's CJK fonts by name), the charts drawn
 * as inline SVG with their numbers written on them so a grey print still
 * reads, and a print stylesheet for A4.  Every string from a record is
 * escaped.  Labels are Chinese with the English beside them.
 */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "table.h"
#include "core/i18n.h"

#define CHART_GROUPS 30    /* groups drawn in the chart (all are in the table) */
#define LABEL_COLS 26      /* display width of a chart label before it is cut */
#define BAR_MAX 500.0      /* px of the longest horizontal bar (labels 0-230, numbers after) */

static const char style[] =
	"body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\","
	"\"Microsoft YaHei\",\"PingFang SC\",sans-serif;color:#111;background:#fff;"
	"max-width:62em;margin:2em auto;padding:0 1em;line-height:1.45}\n"
	"h1{font-size:1.7em;margin:0}h2{font-size:1.2em;margin:1.6em 0 .4em;"
	"border-bottom:2px solid #1f4e79;padding-bottom:.15em}\n"
	".en{color:#555;font-weight:normal;font-size:.85em}\n"
	".period{color:#333;margin:.3em 0 1.2em}\n"
	".cards{display:grid;grid-template-columns:repeat(3,1fr);gap:.6em}\n"
	".card{border:1px solid #9aa;border-radius:4px;padding:.5em .8em}\n"
	".card .v{font-size:1.9em;font-weight:bold;color:#1f4e79}\n"
	".card .k{font-size:.9em}\n"
	"table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.92em}\n"
	"th,td{border:1px solid #aab;padding:.2em .45em;text-align:left}\n"
	"th{background:#e8eef5}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"tr.total td{font-weight:bold;border-top:2px solid #333}\n"
	".wide{overflow-x:auto}table.groups{font-size:.76em}"
	"table.groups th,table.groups td{padding:.2em .25em}"
	"table.groups td:first-child{white-space:nowrap}\n"
	".below{color:#a00}svg{width:100%;max-width:900px;height:auto}\n"
	"svg text{font-family:inherit}\n"
	".note{color:#444;font-size:.85em}\n"
	"@media print{@page{size:A4;margin:14mm}@page wide{size:A4 landscape;margin:12mm}"
	"body{margin:0;max-width:none;font-size:10pt}.bygroup{page:wide}"
	".wide{overflow:visible}table.groups{font-size:7.5pt}"
	"h2,figure,.cards,tr{break-inside:avoid;page-break-inside:avoid}"
	"h2{break-after:avoid;page-break-after:avoid}thead{display:table-header-group}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* s with &, <, >, " and ' escaped; control characters (never in a valid
 * record) dropped. */
static void esc(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		case '\'': strbuf_adds(sb, "&#39;"); break;
		default:
			if (c >= 0x20 && c != 0x7f)
				strbuf_addc(sb, (char)c);
		}
	}
}

/* A label cut to LABEL_COLS display columns, with "…" when cut. */
static void esc_cut(struct strbuf *sb, const char *s)
{
	size_t n;
	char *cut;

	if (text_width(s) <= LABEL_COLS) {
		esc(sb, s);
		return;
	}
	n = text_fit(s, LABEL_COLS - 1);
	cut = xstrndup(s, n);
	esc(sb, cut);
	strbuf_adds(sb, "…");
	free(cut);
}

static const char *shown_key(const struct report_group *g)
{
	return g->key[0] ? g->key : "（未填）";
}

static void rate_text(const struct report_figures *f, char *out, size_t size)
{
	report_rate_text(f, out, size);
	if (!*out)
		snprintf(out, size, "—");
	else
		strncat(out, "%", size - strlen(out) - 1);
}

static void head(struct strbuf *sb, const struct report *r)
{
	strbuf_adds(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"fieldcheck report\">\n"
		    "<title>安全生产检查统计 ");
	strbuf_addf(sb, "%s — %s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		    r->from[0] ? r->from : "…", r->to[0] ? r->to : r->today, style);
	strbuf_adds(sb, "<header>\n<h1>安全生产检查统计报告 <span class=\"en\">Work-safety "
		    "inspection report</span></h1>\n<p class=\"period\">统计期间 Period: ");
	if (!r->from[0] && !r->to[0])
		strbuf_adds(sb, "全部 all dates");
	else
		strbuf_addf(sb, "%s 至 %s", r->from[0] ? r->from : "最早 first",
			    r->to[0] ? r->to : "最近 latest");
	strbuf_addf(sb, " · 统计日 Today: %s", r->today);
	if (r->by != REPORT_TOTAL)
		strbuf_addf(sb, " · 分组 By: %s", report_by_name(r->by));
	if (r->final_only)
		strbuf_adds(sb, " · 仅计已完成检查 finalized inspections only");
	if (r->signed_since[0])
		strbuf_addf(sb, " · 自 %s 起记录均经签名，此前记录未签名 signed since %s, earlier "
			    "records unsigned", r->signed_since, r->signed_since);
	else
		strbuf_adds(sb, " · 无签名名册，记录未签名 no roster: records unsigned");
	strbuf_adds(sb, "</p>\n</header>\n");
}

static void card(struct strbuf *sb, const char *zh, const char *en, const char *value)
{
	strbuf_addf(sb, "<div class=\"card\"><div class=\"v\">%s</div>"
		    "<div class=\"k\">%s <span class=\"en\">%s</span></div></div>\n",
		    value, zh, en);
}

static void cards(struct strbuf *sb, const struct report_figures *f)
{
	char v[32];

	strbuf_adds(sb, "<section class=\"cards\">\n");
	snprintf(v, sizeof v, "%ld", f->inspections);
	card(sb, "检查次数", "inspections", v);
	snprintf(v, sizeof v, "%ld", f->enterprises);
	card(sb, "检查企业", "enterprises", v);
	snprintf(v, sizeof v, "%ld", f->found);
	card(sb, "发现隐患", "hazards found", v);
	rate_text(f, v, sizeof v);
	card(sb, "整改率", "rectification rate", v);
	snprintf(v, sizeof v, "%ld", f->overdue);
	card(sb, "逾期未整改", "overdue", v);
	snprintf(v, sizeof v, "%ld / %ld", f->major_supervised, f->major);
	card(sb, "重大隐患挂牌督办", "major under supervision", v);
	strbuf_adds(sb, "</section>\n");
}

struct figure_line {
	const char *zh, *en;
	long value;
};

static void figures_table(struct strbuf *sb, const struct report_figures *f,
			  const char *today)
{
	const struct figure_line l[] = {
		{ "检查次数", "Inspections", f->inspections },
		{ "其中未完成（草稿）", "of them still drafts", f->drafts },
		{ "检查企业（家）", "Enterprises inspected", f->enterprises },
		{ "联合执法检查", "Joint inspections", f->joint },
		{ "“四不两直”检查", "Unannounced inspections", f->unannounced },
		{ "复查", "Re-inspections", f->rechecks },
		{ "发现隐患", "Hazards found", f->found },
		{ "其中一般隐患", "general", f->general },
		{ "其中重大隐患", "major", f->major },
		{ "下达整改通知", "Rectification notices issued", f->notified },
		{ "已整改", "Rectified", f->rectified },
		{ "其中有整改照片", "with photo evidence of the repair", f->repair_photo },
		{ "其中无整改照片", "without photo evidence of the repair", f->no_repair_photo },
		{ "整改率", "Rectification rate", -1 },
		{ "复查销号", "Verified and closed", f->closed },
		{ "未整改", "Open, not yet rectified", f->open },
		{ "逾期未整改", "Overdue", f->overdue },
		{ "挂牌督办", "Under listed supervision", f->supervised },
		{ "其中重大隐患", "of them major", f->major_supervised },
	};
	char cell[32];
	size_t k;

	strbuf_adds(sb, "<h2>主要指标 <span class=\"en\">Figures</span></h2>\n<table>\n"
		    "<thead><tr><th>指标</th><th>Figure</th><th class=\"n\">数值</th></tr></thead>\n"
		    "<tbody>\n");
	for (k = 0; k < ARRAY_SIZE(l); k++) {
		if (l[k].value < 0)  /* the rate */
			rate_text(f, cell, sizeof cell);
		else
			snprintf(cell, sizeof cell, "%ld", l[k].value);
		strbuf_addf(sb, "<tr><td>%s</td><td>%s</td><td class=\"n\">%s</td></tr>\n",
			    l[k].zh, l[k].en, cell);
	}
	strbuf_addf(sb, "</tbody>\n</table>\n<p class=\"note\">整改率 = 已整改 ÷ 发现隐患"
		    "（已整改含复查销号）；逾期指未整改且已过整改期限，以 %s 为准。"
		    "Rate = rectified / found (closed ones included); overdue: not rectified and "
		    "past the deadline in force, as of %s.</p>\n", today, today);
}

/* One horizontal bar: label, a light bar of `all` and a dark one of `part`
 * over it (part <= all; part < 0 draws only the light one). */
static void hbar(struct strbuf *sb, int y, const char *label, long all, long part, long max,
		 const char *text)
{
	double w = max > 0 ? BAR_MAX * (double)all / (double)max : 0;
	double pw = max > 0 && part > 0 ? BAR_MAX * (double)part / (double)max : 0;

	strbuf_addf(sb, "<text x=\"230\" y=\"%d\" text-anchor=\"end\" font-size=\"14\">", y + 15);
	esc_cut(sb, label);
	strbuf_addf(sb, "</text>\n<rect x=\"240\" y=\"%d\" width=\"%.1f\" height=\"20\" "
		    "fill=\"%s\"/>\n", y, w, part < 0 ? "#1f4e79" : "#b7c9de");
	if (part >= 0)
		strbuf_addf(sb, "<rect x=\"240\" y=\"%d\" width=\"%.1f\" height=\"20\" "
			    "fill=\"#1f4e79\"/>\n", y, pw);
	strbuf_addf(sb, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%s</text>\n", 246 + w, y + 15,
		    text);
}

static void svg_open(struct strbuf *sb, int height, const char *label)
{
	strbuf_addf(sb, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 %d\""
		    " role=\"img\" aria-label=\"%s\">\n", height, label);
}

static void loop_chart(struct strbuf *sb, const struct report_figures *f)
{
	const struct figure_line l[] = {
		{ "发现隐患 found", NULL, f->found },
		{ "重大隐患 major", NULL, f->major },
		{ "下达整改通知 notified", NULL, f->notified },
		{ "已整改 rectified", NULL, f->rectified },
		{ "复查销号 closed", NULL, f->closed },
		{ "未整改 open", NULL, f->open },
		{ "逾期 overdue", NULL, f->overdue },
		{ "挂牌督办 supervised", NULL, f->supervised },
	};
	size_t k, n = ARRAY_SIZE(l);
	char v[32];

	strbuf_adds(sb, "<h2>隐患闭环 <span class=\"en\">Hazards, found to closed</span></h2>\n");
	svg_open(sb, (int)n * 28 + 10, "隐患闭环 hazards");
	for (k = 0; k < n; k++) {
		snprintf(v, sizeof v, "%ld", l[k].value);
		hbar(sb, 5 + (int)k * 28, l[k].zh, l[k].value, -1, f->found, v);
	}
	strbuf_adds(sb, "</svg>\n</figure>\n");
}

/* The vertical bars of joint inspections per month, with the target line. */
static void month_bars(struct strbuf *sb, const struct report *r, long top)
{
	double step = 820.0 / (double)r->n_months, bw = step * 0.7 > 40 ? 40 : step * 0.7;
	size_t k, every = r->n_months > 24 ? (r->n_months + 23) / 24 : 1;

	for (k = 0; k < r->n_months; k++) {
		const struct report_month *m = &r->months[k];
		double x = 60 + step * (double)k + (step - bw) / 2;
		double h = 180.0 * (double)m->joint / (double)top;
		strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			    "fill=\"%s\"/>\n", x, 200 - h, bw, h,
			    m->joint < REPORT_JOINT_TARGET ? "#c0504d" : "#1f4e79");
		if (r->n_months <= 36)
			strbuf_addf(sb, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor="
				    "\"middle\">%ld</text>\n", x + bw / 2, 196 - h, m->joint);
		if (k % every == 0)
			strbuf_addf(sb, "<text x=\"%.1f\" y=\"218\" font-size=\"11\" text-anchor="
				    "\"middle\">%s</text>\n", x + bw / 2, m->month);
	}
}

static void month_chart(struct strbuf *sb, const struct report *r)
{
	long top = REPORT_JOINT_TARGET + 1;
	double ty;
	size_t k;

	for (k = 0; k < r->n_months; k++)
		if (r->months[k].joint > top)
			top = r->months[k].joint;
	ty = 200 - 180.0 * REPORT_JOINT_TARGET / (double)top;
	svg_open(sb, 230, "联合执法检查按月 joint inspections by month");
	strbuf_adds(sb, "<line x1=\"55\" y1=\"200\" x2=\"885\" y2=\"200\" stroke=\"#333\"/>\n");
	month_bars(sb, r, top);
	strbuf_addf(sb, "<line x1=\"55\" y1=\"%.1f\" x2=\"885\" y2=\"%.1f\" stroke=\"#a00\" "
		    "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n<text x=\"50\" y=\"%.1f\" "
		    "font-size=\"12\" text-anchor=\"end\" fill=\"#a00\">目标 %d</text>\n",
		    ty, ty, ty + 4, REPORT_JOINT_TARGET);
	strbuf_adds(sb, "</svg>\n<figcaption class=\"note\">深色柱达到每月目标，红色柱低于目标。"
		    "Dark bars meet the monthly target, red bars fall below it.</figcaption>\n"
		    "</figure>\n");
}

static void month_table(struct strbuf *sb, const struct report *r)
{
	size_t k;

	strbuf_adds(sb, "<table>\n<thead><tr><th>月份 Month</th><th class=\"n\">联合执法 Joint</th>"
		    "<th class=\"n\">目标 Target</th><th>达标 Met</th></tr></thead>\n<tbody>\n");
	for (k = 0; k < r->n_months; k++) {
		int met = r->months[k].joint >= REPORT_JOINT_TARGET;
		strbuf_addf(sb, "<tr><td>%s</td><td class=\"n\">%ld</td><td class=\"n\">%d</td>"
			    "<td%s>%s</td></tr>\n", r->months[k].month, r->months[k].joint,
			    REPORT_JOINT_TARGET, met ? "" : " class=\"below\"",
			    met ? "是 yes" : "否 no");
	}
	strbuf_adds(sb, "</tbody>\n</table>\n");
}

static void months(struct strbuf *sb, const struct report *r)
{
	strbuf_addf(sb, "<h2>联合执法检查 <span class=\"en\">Joint inspections by month "
		    "(target %d a month)</span></h2>\n", REPORT_JOINT_TARGET);
	if (!r->n_months) {
		strbuf_adds(sb, "<p class=\"note\">本期无检查。"
			    "No inspections in the period.</p>\n");
		return;
	}
	month_chart(sb, r);
	month_table(sb, r);
}

static const char *const group_heads[] = {
	"检查次数<br>Insp.", "草稿<br>Drafts", "企业<br>Ent.", "联合<br>Joint",
	"四不两直<br>Unann.", "复查<br>Rechk.", "隐患<br>Found", "一般<br>General",
	"重大<br>Major", "通知<br>Notified", "已整改<br>Rectified", "整改率<br>Rate",
	"销号<br>Closed", "未整改<br>Open", "逾期<br>Overdue", "督办<br>Superv.",
	"重大督办<br>Major sup.", "有整改照片<br>Repair photo", "无整改照片<br>No photo",
};

static void group_row(struct strbuf *sb, const char *key, const char *name,
		      const struct report_figures *f, int total)
{
	const long v[] = { f->inspections, f->drafts, f->enterprises, f->joint, f->unannounced,
			   f->rechecks, f->found, f->general, f->major, f->notified, f->rectified,
			   -1, f->closed, f->open, f->overdue, f->supervised, f->major_supervised,
			   f->repair_photo, f->no_repair_photo };
	char rate[32];
	size_t k;

	strbuf_addf(sb, "<tr%s><td>", total ? " class=\"total\"" : "");
	esc(sb, key);
	if (name && *name) {
		strbuf_adds(sb, "<br>");
		esc(sb, name);
	}
	strbuf_adds(sb, "</td>");
	for (k = 0; k < ARRAY_SIZE(v); k++) {
		if (v[k] >= 0) {
			strbuf_addf(sb, "<td class=\"n\">%ld</td>", v[k]);
			continue;
		}
		rate_text(f, rate, sizeof rate);
		strbuf_addf(sb, "<td class=\"n\">%s</td>", rate);
	}
	strbuf_adds(sb, "</tr>\n");
}

static void groups_table(struct strbuf *sb, const struct report *r)
{
	size_t k;

	strbuf_adds(sb, "<div class=\"wide\">\n<table class=\"groups\">\n"
		    "<thead><tr><th>分组 Group</th>");
	for (k = 0; k < ARRAY_SIZE(group_heads); k++)
		strbuf_addf(sb, "<th class=\"n\">%s</th>", group_heads[k]);
	strbuf_adds(sb, "</tr></thead>\n<tbody>\n");
	for (k = 0; k < r->n_groups; k++)
		group_row(sb, shown_key(&r->groups[k]), r->groups[k].name, &r->groups[k].f, 0);
	group_row(sb, "合计 Total", NULL, &r->total, 1);
	strbuf_adds(sb, "</tbody>\n</table>\n</div>\n");
}

/* The groups with the most hazards found, at most CHART_GROUPS, in key order. */
static size_t chart_picks(const struct report *r, size_t *pick)
{
	size_t n = 0, k, j;

	for (k = 0; k < r->n_groups; k++) {
		for (j = n; j > 0 && r->groups[pick[j - 1]].f.found < r->groups[k].f.found; j--)
			if (j < CHART_GROUPS)
				pick[j] = pick[j - 1];
		if (j < CHART_GROUPS) {
			pick[j] = k;
			if (n < CHART_GROUPS)
				n++;
		}
	}
	for (k = 1; k < n; k++)  /* back to key order */
		for (j = k; j > 0 && pick[j - 1] > pick[j]; j--) {
			size_t t = pick[j];
			pick[j] = pick[j - 1];
			pick[j - 1] = t;
		}
	return n;
}

static void groups_chart(struct strbuf *sb, const struct report *r)
{
	size_t pick[CHART_GROUPS], n = chart_picks(r, pick), k;
	long max = 0;
	char text[64], rate[32];

	for (k = 0; k < n; k++)
		if (r->groups[pick[k]].f.found > max)
			max = r->groups[pick[k]].f.found;
	if (max == 0)
		return;
	svg_open(sb, (int)n * 28 + 10, "分组隐患整改 hazards rectified by group");
	for (k = 0; k < n; k++) {
		const struct report_group *g = &r->groups[pick[k]];
		const char *label = r->by == REPORT_BY_ENTERPRISE && g->name[0] ? g->name :
				    shown_key(g);
		rate_text(&g->f, rate, sizeof rate);
		snprintf(text, sizeof text, "%ld / %ld  %s", g->f.rectified, g->f.found, rate);
		hbar(sb, 5 + (int)k * 28, label, g->f.found, g->f.rectified, max, text);
	}
	strbuf_adds(sb, "</svg>\n<figcaption class=\"note\">浅色为发现隐患，深色为已整改；"
		    "数字为已整改/发现及整改率。Light: hazards found; dark: rectified; "
		    "rectified / found and the rate.");
	if (n < r->n_groups)
		strbuf_addf(sb, " 仅显示隐患最多的 %zu 组（共 %zu 组，全部见下表）。The %zu groups "
			    "with the most hazards of %zu; the table has all.", n, r->n_groups, n,
			    r->n_groups);
	strbuf_adds(sb, "</figcaption>\n</figure>\n");
}

static void groups(struct strbuf *sb, const struct report *r)
{
	static const char *const zh[] = { "", "检查表", "镇街道", "部门", "月份", "企业" };

	/* in print, a landscape page of its own: the table has 18 columns */
	strbuf_addf(sb, "<section class=\"bygroup\">\n<h2>按%s <span class=\"en\">By %s</span>"
		    "</h2>\n", zh[r->by], report_by_name(r->by));
	groups_chart(sb, r);
	groups_table(sb, r);
	strbuf_adds(sb, "</section>\n");
}

int report_print_html(const struct report *r, FILE *out, struct fc_err *err)
{
	struct strbuf sb;
	int bad;

	strbuf_init(&sb);
	head(&sb, r);
	cards(&sb, &r->total);
	figures_table(&sb, &r->total, r->today);
	loop_chart(&sb, &r->total);
	months(&sb, r);
	if (r->by != REPORT_TOTAL)
		groups(&sb, r);
	strbuf_adds(&sb, "</body>\n</html>\n");
	bad = fwrite(sb.buf, 1, sb.len, out) != sb.len || fflush(out) || ferror(out);
	strbuf_release(&sb);
	return bad ? fc_failk(err, FC_EIO, _("cannot write the report")) : 0;
}
