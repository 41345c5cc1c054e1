/* synth.c - the district's work, decided by a seed (see synth.h). */
#include "synth.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/strbuf.h"

/* ---- randomness: splitmix64, a pure function of (seed, k, salt) ---- */

static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

struct rng { uint64_t s; };

static struct rng rng_for(uint64_t seed, uint64_t k, uint64_t salt)
{
	struct rng r = { mix(seed ^ mix(k * 0x100000001b3ULL + salt)) };
	return r;
}

static uint64_t next(struct rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix(r->s);
}

static size_t below(struct rng *r, size_t n)
{
	return n ? (size_t)(next(r) % n) : 0;
}

/* True with probability per_mille / 1000. */
static int chance(struct rng *r, unsigned per_mille)
{
	return next(r) % 1000 < per_mille;
}

static void uuid_from(struct rng *r, char *out)
{
	uint64_t a = next(r), b = next(r);
	/* version 4, variant 10xx, as uuid_new makes them */
	snprintf(out, FC_UUID_LEN + 1, "%08x-%04x-4%03x-%04x-%012llx", (unsigned)(a >> 32),
		 (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
		 0x8000 | ((unsigned)(b >> 48) & 0x3fff), (unsigned long long)(b & 0xffffffffffffULL));
}

/* ---- the calendar ---- */

void synth_date(long day, char *out)
{
	char buf[64];
	int y, m, d;
	clock_civil_from_days(day, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	memcpy(out, buf, FC_DATE_LEN);
	out[FC_DATE_LEN] = '\0';
}

void synth_stamp(long day, int minute, char *out)
{
	char buf[64];
	int y, m, d;
	day += minute / 1440;
	minute %= 1440;
	clock_civil_from_days(day, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00+08:00", y, m, d, minute / 60,
		 minute % 60);
	memcpy(out, buf, FC_TIMESTAMP_LEN);
	out[FC_TIMESTAMP_LEN] = '\0';
}

long synth_day_of(size_t k)
{
	long wd = (long)(k / SYNTH_PER_DAY);
	return clock_days_from_civil(2021, 1, 4) + wd / 5 * 7 + wd % 5; /* Monday 2021-01-04 on */
}

void synth_now(size_t n, char *out)
{
	synth_stamp(synth_day_of(n + 2000), 18 * 60, out);
}

/* ---- the district ---- */

static const char *const towns[SYNTH_TOWNS] = {
	"城东街道", "城西街道", "城南街道", "城北街道", "新城街道", "滨江街道",
	"东湖镇", "西山镇", "南桥镇", "北港镇", "临江镇", "高桥镇",
};
static const char *const villages[] = {
	"东风村", "前进村", "联合社区", "新华社区", "红星村", "永安村", "和平社区", "光明村",
	"建设村", "长乐社区", "清水村", "塘头村", "河西社区", "兴隆村", "花园社区", "五星村",
};
static const char *const roads[] = {
	"工业路", "兴业路", "滨江路", "人民路", "创新大道", "科技路", "沿河路", "长春路",
	"新港路", "环城北路", "建设路", "东海路",
};
static const char *const brand[] = {
	"华", "东", "新", "恒", "盛", "宏", "鑫", "瑞", "泰", "达", "兴", "隆", "安", "嘉",
	"通", "宇", "丰", "源", "海", "金", "永", "利", "德", "顺", "明", "富", "昌", "祥",
};
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
};
static const char *const given[] = {
	"建国", "秀英", "志强", "丽华", "海峰", "春梅", "国庆", "晓东", "玉兰", "文斌",
	"红霞", "永刚", "桂芳", "伟", "静", "磊", "敏", "军", "燕", "勇",
};

/* What an enterprise does decides the form that applies.  Shares are per
 * thousand: of the enterprises, and of the visits. */
struct sector {
	const char *form;
	unsigned enterprises, visits;
	const char *industry[4];
	const char *word[4];
	const char *place[4];
};
static const struct sector sectors[] = {
	{ "rental-fire", 450, 350, { "K70", "L72", "H61", "K70" },
	  { "房屋租赁", "物业管理", "公寓管理", "置业" }, { "1号楼", "2号楼", "临街商铺", "出租房" } },
	{ "confined-space", 300, 250, { "C13", "C17", "C22", "D46" },
	  { "食品", "纺织", "纸业", "水务" }, { "污水处理站", "原料储罐区", "地下管沟", "发酵车间" } },
	{ "molten-metal", 100, 120, { "C31", "C32", "C33", "C33" },
	  { "铸造", "钢铁", "金属制品", "铝业" }, { "熔炼车间", "浇注工段", "炼钢车间", "铸造车间" } },
	{ "hazmat-loading", 60, 120, { "C26", "F51", "C25", "C26" },
	  { "化工", "石化", "燃气", "能源" }, { "1号装车台", "2号装车台", "液氨充装区", "汽车装卸站" } },
	{ "joint-transport", 40, 80, { "G54", "G54", "G59", "G54" },
	  { "物流", "运输", "危货运输", "储运" },
	  { "沈海高速收费站检查点", "临港大道检查点", "危化品车辆停车场", "城东治超站" } },
	{ "six-ones", 50, 80, { "L72", "M75", "L72", "M75" },
	  { "创业园", "科技园", "小微企业园", "工业园" },
	  { "园区管理办公室", "园区微型消防站", "园区主干道", "园区充电区" } },
};
#define N_SECTORS ARRAY_SIZE(sectors)

static size_t sector_start(size_t s)
{
	size_t i, at = 0;
	for (i = 0; i < s; i++)
		at += sectors[i].enterprises * SYNTH_ENTERPRISES / 1000;
	return at;
}

static size_t sector_of_enterprise(size_t e)
{
	size_t s;
	for (s = 0; s + 1 < N_SECTORS; s++)
		if (e < sector_start(s + 1))
			return s;
	return N_SECTORS - 1;
}

/* 20 devices: the inspectors of the emergency-management bureau and of the
 * comprehensive enforcement bureau, who lead every inspection. */
static const struct fc_person devices[SYNTH_DEVICES] = {
	{ "ZJ-0101", "王建国", "区应急管理局" }, { "ZJ-0102", "李秀英", "区应急管理局" },
	{ "ZJ-0103", "张志强", "区应急管理局" }, { "ZJ-0104", "刘丽华", "区应急管理局" },
	{ "ZJ-0105", "陈海峰", "区应急管理局" }, { "ZJ-0106", "杨春梅", "区应急管理局" },
	{ "ZJ-0107", "黄国庆", "区应急管理局" }, { "ZJ-0108", "赵晓东", "区应急管理局" },
	{ "ZJ-0109", "吴玉兰", "区应急管理局" }, { "ZJ-0110", "周文斌", "区应急管理局" },
	{ "ZJ-0111", "徐红霞", "区应急管理局" }, { "ZJ-0112", "孙永刚", "区应急管理局" },
	{ "ZJ-0113", "马桂芳", "区应急管理局" }, { "ZJ-0114", "朱伟", "区应急管理局" },
	{ "ZJ-0115", "胡静", "区应急管理局" }, { "ZJ-0116", "郭磊", "区应急管理局" },
	{ "ZF-0501", "何敏", "区综合行政执法局" }, { "ZF-0502", "高军", "区综合行政执法局" },
	{ "ZF-0503", "林燕", "区综合行政执法局" }, { "ZF-0504", "罗勇", "区综合行政执法局" },
};
/* Officers of the other departments who come along on joint inspections. */
static const struct fc_person officers[] = {
	{ "JT-0211", "郑海涛", "区交通运输局" }, { "JT-0212", "梁晓燕", "区交通运输局" },
	{ "GA-0311", "宋建军", "公安分局交警大队" }, { "GA-0312", "唐丽", "公安分局交警大队" },
	{ "SJ-0411", "韩冬梅", "区市场监管局" }, { "SJ-0412", "冯志刚", "区市场监管局" },
	{ "JT-0213", "曹国华", "区交通运输局" }, { "GA-0313", "彭亮", "公安分局交警大队" },
};
#define N_OFFICERS ARRAY_SIZE(officers)

const struct fc_person *synth_device(size_t d)
{
	return &devices[d % SYNTH_DEVICES];
}

/* "91" + county 330212 + a 9-character organisation code (GB 11714, with its
 * own check digit) + the credit code's check character. */
static void credit_code(size_t i, int individual, char *out)
{
	static const int w[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	char org[10];
	unsigned long body = (unsigned long)((i * 7919UL + 1234567UL) % 100000000UL);
	int sum = 0, j, c;

	snprintf(org, sizeof org, "%08lu", body);
	for (j = 0; j < 8; j++)
		sum += (org[j] - '0') * w[j];
	c = 11 - sum % 11;
	org[8] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	org[9] = '\0';
	snprintf(out, USCC_LEN + 1, "%s330212%s", individual ? "92" : "91", org);
	out[17] = uscc_check_char(out);
	out[18] = '\0';
}

/* Some landlords are individual businesses (个体工商户, code "92..."). */
static int individual(const struct synth *s, size_t i)
{
	struct rng r = rng_for(s->seed, i, 3);
	return !strcmp(sectors[sector_of_enterprise(i)].form, "rental-fire") && chance(&r, 400);
}

void synth_enterprise_code(const struct synth *s, size_t i, char *out)
{
	credit_code(i, individual(s, i), out);
}

void synth_enterprise(const struct synth *s, size_t i, struct fc_enterprise *out)
{
	const struct sector *sec = &sectors[sector_of_enterprise(i)];
	struct rng r = rng_for(s->seed, i, 1);
	int indiv = individual(s, i);
	size_t town = below(&r, 5) ? below(&r, SYNTH_TOWNS) : below(&r, 4); /* city towns busier */

	memset(out, 0, sizeof *out);
	credit_code(i, indiv, out->code);
	if (indiv)
		out->name = xstrfmt("%s%s出租房", surnames[below(&r, 14)], given[below(&r, 20)]);
	else
		out->name = xstrfmt("宁波%s%s%s有限公司", brand[below(&r, 28)], brand[below(&r, 28)],
				 sec->word[below(&r, 4)]);
	out->town = xstrdup(towns[town]);
	out->industry = xstrdup(sec->industry[below(&r, 4)]);
	out->address = xstrfmt("%s%s%s%zu号", towns[town], villages[below(&r, 16)], roads[below(&r, 12)],
			    1 + below(&r, 300));
}

int synth_init(struct synth *s, uint64_t seed, const char *forms_dir, size_t now_after,
	       struct fc_err *err)
{
	size_t i;

	memset(s, 0, sizeof *s);
	s->seed = seed;
	for (i = 0; i < N_SECTORS; i++) {
		struct form_problems probs = { 0 };
		char dir[1024];
		snprintf(dir, sizeof dir, "%s/%s", forms_dir, sectors[i].form);
		s->forms[i] = form_load_dir(dir, &probs);
		if (!s->forms[i]) {
			fc_fail(err, "%s", probs.n ? probs.msgs[0] : dir);
			form_problems_release(&probs);
			synth_release(s);
			return -1;
		}
		s->n_forms++;
	}
	synth_now(now_after, s->now);
	s->now_day = synth_day_of(now_after + 2000);
	return 0;
}

void synth_release(struct synth *s)
{
	size_t i;
	for (i = 0; i < s->n_forms; i++)
		form_free(s->forms[i]);
	s->n_forms = 0;
}

/* ---- one visit ---- */

struct sofar {
	const struct synth_visit *v;
};

static const char *sofar_get(void *ctx, const char *name)
{
	const struct synth_visit *v = ((struct sofar *)ctx)->v;
	size_t i;
	for (i = 0; i < v->n_answers; i++)
		if (!strcmp(v->form->items[v->answers[i].item].name, name))
			return v->answers[i].value;
	return NULL;
}

static const char *const fail_notes[] = {
	"现场检查发现不符合要求", "证件过期未及时更换", "记录缺失，无法提供", "设施损坏未修复",
	"未按规定设置", "相关人员未到岗", "台账不完整", "警示标志缺失", "现场管理混乱",
};
static const char *const goods[] = { "液氨", "液化石油气", "汽油", "柴油", "甲醇", "液氯", "硫酸", "乙醇" };
static const char *const un_numbers[] = { "UN1005", "UN1075", "UN1203", "UN1202", "UN1230", "UN1017",
					  "UN1830", "UN1170" };

static void plate(struct rng *r, char *out, size_t size, int trailer)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
	if (trailer)
		snprintf(out, size, "浙B%04zu挂", below(r, 10000));
	else
		snprintf(out, size, "浙B%c%04zu", letters[below(r, 24)], below(r, 10000));
}

/* A plausible value for a text, number or date item, by its name. */
static void free_value(const struct synth_visit *v, const struct form_item *it, struct rng *r,
		       char *out, size_t size)
{
	const char *n = it->name;
	char date[FC_DATE_LEN + 1];

	switch (it->type) {
	case FT_INTEGER:
		snprintf(out, size, "%zu", !strcmp(n, "residents") ? 4 + below(r, 120) :
			 !strcmp(n, "rooms_checked") ? 3 + below(r, 60) : 1 + below(r, 12));
		return;
	case FT_DECIMAL:
		if (!strcmp(n, "o2_pct"))
			snprintf(out, size, "%zu.%zu", 19 + below(r, 3), below(r, 10));
		else
			snprintf(out, size, "%zu.%zu", below(r, 3), below(r, 10));
		return;
	case FT_DATE:
		synth_date(v->day, date);
		snprintf(out, size, "%s", date);
		return;
	default:
		break;
	}
	if (strstr(n, "plate"))
		plate(r, out, size, strstr(n, "trailer") != NULL);
	else if (!strcmp(n, "product_loaded") || !strcmp(n, "cargo_name"))
		snprintf(out, size, "%s", goods[below(r, 8)]);
	else if (!strcmp(n, "un_number"))
		snprintf(out, size, "%s", un_numbers[below(r, 8)]);
	else if (!strcmp(n, "waybill_no"))
		snprintf(out, size, "DG3302%010zu", below(r, 10000000000UL));
	else if (!strcmp(n, "owner_name") || !strcmp(n, "controller"))
		snprintf(out, size, "%s%s", surnames[below(r, 14)], given[below(r, 20)]);
	else if (!strcmp(n, "furnace_info"))
		snprintf(out, size, "中频感应电炉%zu台，单台容量%zu吨", 1 + below(r, 4), 1 + below(r, 10));
	else if (!strcmp(n, "work_space"))
		snprintf(out, size, "%zu号污水井", 1 + below(r, 9));
	else
		snprintf(out, size, "%s%s%zu号", towns[below(r, SYNTH_TOWNS)], roads[below(r, 12)],
			 1 + below(r, 300));
}

static void choice_value(const struct form_item *it, struct rng *r, char *out, size_t size)
{
	const struct form_list *l = it->list;
	size_t i, first, n;

	out[0] = '\0';
	if (!l || !l->n)
		return;
	if (!strcmp(l->name, "yesno")) {
		snprintf(out, size, "%s", chance(r, 700) ? "yes" : "no");
		return;
	}
	if (it->type == FT_SELECT_ONE) {
		/* mostly the first choices: producing, steel, rental ... */
		snprintf(out, size, "%s", l->choices[chance(r, 600) ? 0 : below(r, l->n)].name);
		return;
	}
	/* one or two; two or three where the form asks for several */
	first = below(r, l->n);
	n = (it->constraint ? 2 : 1) + below(r, 2);
	for (i = 0; i < l->n; i++)
		if (i == first || (n >= 2 && i == (first + 3) % l->n) ||
		    (n == 3 && i == (first + 1) % l->n)) {
			size_t len = strlen(out);
			snprintf(out + len, size - len, "%s%s", len ? " " : "", l->choices[i].name);
		}
}

static void plan_answers(struct synth_visit *v, struct rng *r, int start)
{
	const struct form *f = v->form;
	struct sofar so = { v };
	struct form_answers fa;
	char today[FC_DATE_LEN + 1];
	size_t i;
	int minute = start;

	synth_date(v->day, today);
	fa.get = sofar_get;
	fa.ctx = &so;
	fa.today = today;
	for (i = 0; i < f->n_items && v->n_answers < SYNTH_MAX_ANSWERS; i++) {
		const struct form_item *it = &f->items[i];
		struct synth_answer *a = &v->answers[v->n_answers];
		struct fc_err why;

		if (!form_item_answerable(it))
			continue;
		if (form_relevant(f, i, &fa, &why) != 1) /* its own or its group's */
			continue;
		memset(a, 0, sizeof *a);
		a->item = i;
		if (it->type == FT_CHECK) {
			unsigned fail = it->hazard == SEV_MAJOR ? 4 : 150;
			if (chance(r, fail)) {
				snprintf(a->value, sizeof a->value, "fail");
				snprintf(a->note, sizeof a->note, "%s", fail_notes[below(r, 9)]);
			} else {
				snprintf(a->value, sizeof a->value, "%s", chance(r, 20) ? "na" : "pass");
			}
		} else if (it->type == FT_SELECT_ONE || it->type == FT_SELECT_MULTIPLE) {
			choice_value(it, r, a->value, sizeof a->value);
		} else {
			if (!it->required_always && !chance(r, 700))
				continue;
			free_value(v, it, r, a->value, sizeof a->value);
		}
		if (!a->value[0] || form_check_value(f, i, a->value, &fa, form_lang_of("zh"), &why))
			continue;
		minute += 2 + (int)below(r, 3);
		synth_stamp(v->day, minute, a->at);
		v->n_answers++;
	}
}

static void event(struct synth_hazard *h, enum hazard_event_kind kind, long day, int minute,
		  const struct fc_person *by, const char *date, char *note)
{
	struct fc_hazard_event *ev = &h->events[h->n_events++];
	memset(ev, 0, sizeof *ev);
	ev->kind = kind;
	if (day >= 0)
		synth_stamp(day, minute, ev->at);
	snprintf(ev->by, sizeof ev->by, "%s", by->badge);
	ev->by_name = (char *)by->name;
	if (date)
		snprintf(ev->date, sizeof ev->date, "%s", date);
	ev->note = note;
}

static const struct fc_person supervisor = { "AW-0001", "区安委会办公室", "区安委会办公室" };

/* The hazard of a failed answer and its closed loop, up to "now". */
static void plan_hazard(const struct synth *s, struct synth_visit *v, size_t ans, struct rng *r,
			int final)
{
	const struct form_item *it = &v->form->items[v->answers[ans].item];
	struct synth_hazard *h = &v->hazards[v->n_hazards];
	char (*text)[SYNTH_VALUE] = v->notes[v->n_hazards];
	const struct fc_person *me = synth_device(v->device);
	int days = it->rectify_days > 0 ? it->rectify_days : 7;
	long due = v->day + days, at;
	char extended[FC_DATE_LEN + 1];
	size_t i;

	memset(h, 0, sizeof *h);
	h->answer = ans;
	uuid_from(r, h->id);
	h->severity = it->hazard == SEV_MAJOR ? HAZ_MAJOR : HAZ_GENERAL;
	synth_date(due, h->deadline);
	event(h, HEV_FOUND, -1, 0, me, NULL, "");
	memcpy(h->events[0].at, v->answers[ans].at, sizeof h->events[0].at); /* when it failed */
	if (final && chance(r, 950)) {
		snprintf(text[0], SYNTH_VALUE, "责令限期整改，%d日内完成", days);
		event(h, HEV_NOTICE, v->day, 17 * 60, me, h->deadline, text[0]);
	}
	if (final && h->severity == HAZ_MAJOR)
		event(h, HEV_SUPERVISE, v->day + 2, 10 * 60, &supervisor, NULL, "挂牌督办");
	if (final && chance(r, 50)) {
		synth_date(due + 15, extended);
		event(h, HEV_EXTEND, due - 1, 16 * 60, me, extended, "企业申请延期，经审核同意");
		due += 15;
	}
	if (final && chance(r, 940)) {
		at = v->day + 1 + (long)below(r, (size_t)(due - v->day));
		snprintf(text[1], SYNTH_VALUE, "企业报告已整改");
		event(h, HEV_RECTIFIED, at, 15 * 60, me, NULL, text[1]);
		if (chance(r, 850))
			event(h, HEV_VERIFIED, at + 1 + (long)below(r, 10), 10 * 60, me, NULL,
			      "复查合格，予以销号");
	}
	qsort(h->events + 1, h->n_events - 1, sizeof h->events[0], hazard_event_cmp);
	for (i = 1; i < h->n_events; i++) /* nothing after "now" has happened yet */
		if (strcmp(h->events[i].at, s->now) > 0) {
			h->n_events = i;
			break;
		}
	v->n_hazards++;
}

void synth_visit(const struct synth *s, size_t k, struct synth_visit *v)
{
	struct rng r = rng_for(s->seed, k, 2);
	unsigned pick = (unsigned)below(&r, 1000), acc = 0;
	size_t sec = 0, i, slot = (k % SYNTH_PER_DAY) / SYNTH_DEVICES;
	const struct fc_person *me;
	int start, final;

	memset(v, 0, sizeof *v);
	v->k = k;
	v->device = k % SYNTH_DEVICES;
	v->day = synth_day_of(k);
	me = synth_device(v->device);
	for (sec = 0; sec + 1 < N_SECTORS; sec++) {
		acc += sectors[sec].visits;
		if (pick < acc)
			break;
	}
	v->form = s->forms[sec];
	v->enterprise = sector_start(sec) +
			below(&r, sectors[sec].enterprises * SYNTH_ENTERPRISES / 1000);
	synth_enterprise_code(s, v->enterprise, v->enterprise_code);
	uuid_from(&r, v->id);
	snprintf(v->location, sizeof v->location, "%s", sectors[sec].place[below(&r, 4)]);
	v->team[v->n_team++] = *me;
	if (!strcmp(sectors[sec].form, "joint-transport")) {
		v->type = INSP_JOINT;
		for (i = 0; i < 3; i++)
			v->team[v->n_team++] = officers[(k + i * 2 + below(&r, 2)) % N_OFFICERS];
	} else {
		unsigned t = (unsigned)below(&r, 1000);
		v->type = t < 600 ? INSP_ROUTINE : t < 800 ? INSP_UNANNOUNCED : t < 880 ? INSP_JOINT
										 : INSP_RECHECK;
		/* Enforcement needs two officers: a colleague comes along. */
		v->team[v->n_team++] = devices[(v->device + 1 + below(&r, SYNTH_DEVICES - 1)) %
					       SYNTH_DEVICES];
		if (v->type == INSP_JOINT)
			v->team[v->n_team++] = officers[below(&r, N_OFFICERS)];
	}
	start = 8 * 60 + 30 + (int)slot * 110 + (int)below(&r, 20);
	synth_stamp(v->day, start, v->created_at);
	plan_answers(v, &r, start);
	final = !chance(&r, 30);
	if (final)
		synth_stamp(v->day, start + 5 + (int)(v->n_answers * 3), v->finalized_at);
	for (i = 0; i < v->n_answers && v->n_hazards < SYNTH_MAX_HAZARDS; i++)
		if (!strcmp(v->answers[i].value, "fail"))
			plan_hazard(s, v, i, &r, final);
}

/* ---- as records ---- */

void synth_inspection(const struct synth_visit *v, struct fc_inspection *out)
{
	const struct fc_person *me = &v->team[0];
	size_t i;

	memset(out, 0, sizeof *out);
	memcpy(out->id, v->id, sizeof out->id);
	out->form_id = v->form->id;
	out->form_version = v->form->version;
	memcpy(out->enterprise, v->enterprise_code, sizeof out->enterprise);
	out->type = v->type;
	out->status = v->finalized_at[0] ? INSP_FINAL : INSP_DRAFT;
	out->location = (char *)v->location;
	memcpy(out->created_at, v->created_at, sizeof out->created_at);
	snprintf(out->created_by, sizeof out->created_by, "%s", me->badge);
	memcpy(out->finalized_at, v->finalized_at, sizeof out->finalized_at);
	out->team = (struct fc_person *)v->team;
	out->n_team = v->n_team;
	out->answers = xcalloc(v->n_answers ? v->n_answers : 1, sizeof *out->answers);
	for (i = 0; i < v->n_answers; i++) {
		struct fc_answer *a = &out->answers[i];
		a->item = v->form->items[v->answers[i].item].name;
		a->value = (char *)v->answers[i].value;
		a->note = (char *)v->answers[i].note;
		snprintf(a->by, sizeof a->by, "%s", me->badge);
		memcpy(a->at, v->answers[i].at, sizeof a->at);
	}
	out->n_answers = v->n_answers;
	qsort(out->answers, out->n_answers, sizeof *out->answers, answer_cmp);
}

void synth_inspection_release(struct fc_inspection *in)
{
	free(in->answers);
	memset(in, 0, sizeof *in);
}

void synth_hazard(const struct synth_visit *v, size_t h, size_t n_events, struct fc_hazard *out)
{
	const struct synth_hazard *sh = &v->hazards[h];
	const struct synth_answer *a = &v->answers[sh->answer];

	memset(out, 0, sizeof *out);
	memcpy(out->id, sh->id, sizeof out->id);
	memcpy(out->inspection, v->id, sizeof out->inspection);
	out->item = v->form->items[a->item].name;
	out->severity = sh->severity;
	out->description = (char *)a->note;
	memcpy(out->deadline, sh->deadline, sizeof out->deadline);
	out->events = (struct fc_hazard_event *)sh->events;
	out->n_events = n_events < sh->n_events ? n_events : sh->n_events;
}
