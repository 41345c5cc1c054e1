/* survey.c - survey.csv: one item per row, groups by begin/end rows.
 *
 * Every row that has a problem still becomes an item, so that a reference
 * to it does not add a second, misleading "no such item" problem; the form
 * does not load anyway.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/survey_impl.h"

static const struct sheet_col cols[S_NCOLS] = {
	[S_TYPE] = { "type", SHEET_REQUIRED },
	[S_NAME] = { "name", SHEET_REQUIRED },
	[S_LABEL] = { "label", SHEET_LANG | SHEET_MULTI },
	[S_HINT] = { "hint", SHEET_LANG | SHEET_MULTI },
	[S_REQUIRED] = { "required", SHEET_MULTI },
	[S_REQUIRED_MSG] = { "required_message", SHEET_LANG | SHEET_MULTI },
	[S_RELEVANT] = { "relevant", SHEET_MULTI },
	[S_CONSTRAINT] = { "constraint", SHEET_MULTI },
	[S_CONSTRAINT_MSG] = { "constraint_message", SHEET_LANG | SHEET_MULTI },
	[S_DEFAULT] = { "default", SHEET_TEXT },
	[S_APPEARANCE] = { "appearance", SHEET_TEXT },
	[S_HAZARD] = { "hazard", 0 },
	[S_LEGAL] = { "legal_basis", SHEET_LANG | SHEET_MULTI },
	[S_RECTIFY] = { "rectify_days", 0 },
	[S_DEPT] = { "dept", 0 },
	[S_LOCAL] = { "local", 0 },
	[S_CALCULATION] = { "calculation", SHEET_MULTI },
	[S_CHOICE_FILTER] = { "choice_filter", SHEET_MULTI },
	[S_REPEAT_COUNT] = { "repeat_count", SHEET_MULTI },
	[S_MEASURE] = { "measure", 0 },
	[S_TRIGGER] = { "trigger", SHEET_TEXT },
	[S_PARAMETERS] = { "parameters", SHEET_TEXT },
	[S_HAZARD_IF] = { "hazard_if", SHEET_TEXT },
};

/* The groups and repeats open at a row, innermost last. */
struct groups {
	size_t ix[GROUP_DEPTH_MAX];
	int n;
};

/* XLSForm types fieldcheck does not take, to say so rather than "unknown". */
static const char *const unsupported[] = {
	"background-audio", "background-geopoint", "xml-external",
	"csv-external", NULL,
};
/* Those of them that take an argument ("rank L", "begin loop over L"). */
static const char *const with_argument[] = {
	NULL,
};

/* The metadata types: recorded without asking (form_value gives them). */
static const struct { const char *name; enum form_meta_kind kind; } metas[] = {
	{ "start", META_START }, { "end", META_END }, { "today", META_TODAY },
	{ "deviceid", META_DEVICEID }, { "username", META_USERNAME },
	{ "phonenumber", META_PHONENUMBER }, { "email", META_EMAIL },
	{ "simserial", META_SIMSERIAL }, { "subscriberid", META_SUBSCRIBERID },
	{ "audit", META_AUDIT },
	{ "start-geopoint", META_START_GEOPOINT }, /* the inspection's own position */
	/* pyxform's other names for them */
	{ "imei", META_DEVICEID }, { "uri:deviceid", META_DEVICEID },
	{ "uri:username", META_USERNAME }, { "uri:phonenumber", META_PHONENUMBER },
	{ "uri:email", META_EMAIL }, { "uri:simserial", META_SIMSERIAL },
	{ "uri:subscriberid", META_SUBSCRIBERID },
	{ "device id", META_DEVICEID }, { "get device id", META_DEVICEID },
	{ "start time", META_START }, { "get start time", META_START },
	{ "end time", META_END }, { "get end time", META_END },
	{ "get today", META_TODAY }, { "get phone number", META_PHONENUMBER },
	{ "sim id", META_SIMSERIAL }, { "get sim id", META_SIMSERIAL },
	{ "subscriber id", META_SUBSCRIBERID }, { "get subscriber id", META_SUBSCRIBERID },
};

/* The media types: answered by attaching a file to the item. */
static const struct { const char *name; enum form_media kind; } medias[] = {
	{ "image", MEDIA_IMAGE }, { "photo", MEDIA_IMAGE }, { "audio", MEDIA_AUDIO },
	{ "video", MEDIA_VIDEO }, { "file", MEDIA_FILE },
	{ "add image prompt", MEDIA_IMAGE }, { "add photo prompt", MEDIA_IMAGE },
	{ "q image", MEDIA_IMAGE }, { "q picture", MEDIA_IMAGE },
	{ "add audio prompt", MEDIA_AUDIO }, { "q audio", MEDIA_AUDIO },
	{ "add video prompt", MEDIA_VIDEO }, { "q video", MEDIA_VIDEO },
	{ "add file prompt", MEDIA_FILE },
};

/* Older spellings pyxform still takes: "string", "int", "select one from L",
 * "select all that apply L", ... */
static const struct { const char *old, *now; } aliases[] = {
	/* first: "select one " would take them */
	{ "select one using ", "select_one " }, { "add select one prompt using ", "select_one " },
	{ "select multiple using ", "select_multiple " },
	{ "add select multiple prompt using ", "select_multiple " },
	{ "select one from ", "select_one " }, { "select one ", "select_one " },
	{ "select all that apply from ", "select_multiple " },
	{ "select all that apply ", "select_multiple " },
	{ "select multiple from ", "select_multiple " }, { "select multiple ", "select_multiple " },
	{ "select_one from ", "select_one " }, { "select_multiple from ", "select_multiple " },
};

static const struct { const char *name; enum form_type type; } simple[] = {
	{ "text", FT_TEXT }, { "integer", FT_INTEGER }, { "decimal", FT_DECIMAL },
	{ "string", FT_TEXT }, { "int", FT_INTEGER },
	{ "phone number", FT_TEXT }, /* pyxform: a typed text, not the metadata */
	{ "gps", FT_GEOPOINT }, { "location", FT_GEOPOINT },
	{ "time", FT_TIME }, { "dateTime", FT_DATETIME }, { "datetime", FT_DATETIME },
	{ "date", FT_DATE }, { "note", FT_NOTE }, { "check", FT_CHECK },
	{ "geopoint", FT_GEOPOINT },
	{ "begin_group", FT_BEGIN_GROUP }, { "begin group", FT_BEGIN_GROUP },
	{ "end_group", FT_END_GROUP }, { "end group", FT_END_GROUP },
	{ "calculate", FT_CALCULATE },
	{ "begin_repeat", FT_BEGIN_REPEAT }, { "begin repeat", FT_BEGIN_REPEAT },
	{ "end_repeat", FT_END_REPEAT }, { "end repeat", FT_END_REPEAT },
	/* the types ODK adds (answer_odk.c); a barcode is typed as text */
	{ "barcode", FT_TEXT }, { "acknowledge", FT_ACKNOWLEDGE },
	{ "trigger", FT_ACKNOWLEDGE }, { "hidden", FT_HIDDEN }, { "range", FT_RANGE },
	{ "geotrace", FT_GEOTRACE }, { "geoshape", FT_GEOSHAPE },
	/* pyxform's older names of them (question_type_dictionary.py) */
	{ "add text prompt", FT_TEXT }, { "q string", FT_TEXT },
	{ "add barcode prompt", FT_TEXT }, { "q barcode", FT_TEXT },
	{ "add integer prompt", FT_INTEGER }, { "q int", FT_INTEGER },
	{ "add decimal prompt", FT_DECIMAL }, { "q decimal", FT_DECIMAL },
	{ "add date prompt", FT_DATE }, { "q date", FT_DATE },
	{ "add date time prompt", FT_DATETIME }, { "add dateTime prompt", FT_DATETIME },
	{ "date time", FT_DATETIME }, { "q date time", FT_DATETIME },
	{ "q dateTime", FT_DATETIME },
	{ "add location prompt", FT_GEOPOINT }, { "q geopoint", FT_GEOPOINT },
	{ "q location", FT_GEOPOINT }, { "q geotrace", FT_GEOTRACE },
	{ "q geoshape", FT_GEOSHAPE },
	{ "add note prompt", FT_NOTE }, { "q note", FT_NOTE },
	{ "add acknowledge prompt", FT_ACKNOWLEDGE }, { "q acknowledge", FT_ACKNOWLEDGE },
	{ "add calculate prompt", FT_CALCULATE }, { "q calculate", FT_CALCULATE },
};

/* Whether type t is `name`, or names it with an argument ("rank L"; but
 * "end repeat" is not "end"). */
static int is_type(const char *t, const char *name)
{
	size_t n = strlen(name), k;

	if (strncmp(t, name, n))
		return 0;
	if (!t[n])
		return 1;
	for (k = 0; t[n] == ' ' && with_argument[k]; k++)
		if (!strcmp(name, with_argument[k]))
			return 1;
	return 0;
}

/* pyxform's other spellings of "LIST or_other": "or specify other", "or
 * other" (t ends so: rewritten in place). */
static void or_other_spelling(char *t)
{
	static const char *const other[] = { " or specify other", " or other" };
	size_t k, n = strlen(t);

	for (k = 0; k < ARRAY_SIZE(other); k++) {
		size_t m = strlen(other[k]);
		if (n > m && !strcmp(t + n - m, other[k])) {
			strcpy(t + n - m, " or_other");
			return;
		}
	}
}

/* "select_one_from_file FILE.csv" (or FILE.geojson): the file's name into
 * *list.  XLSForm also takes .xml files, which fieldcheck does not read. */
static int parse_from_file(struct loader *ld, struct survey *sv, const struct csv_row *row,
			   struct form_item *it, const char *t, char **list)
{
	const char *file = strchr(t, ' ');
	char q[QUOTE_SIZE];
	size_t n;

	it->type = t[7] == 'o' ? FT_SELECT_ONE : FT_SELECT_MULTIPLE;
	it->from_file = 1;
	n = strlen(t);
	if (n > 9 && !strcmp(t + n - 9, " or_other")) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "or_other on a select "
			      "from a file is not supported: add an 'other' row to the file");
		return -1;
	}
	if (!file || strchr(file + 1, ' ') || (t[7] == 'o' ? 20 : 25) != file - t) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "%.*s needs one file "
			      "name (%.*s FILE.csv)", (int)(file ? file - t : (long)strlen(t)), t,
			      (int)(file ? file - t : (long)strlen(t)), t);
		return -1;
	}
	file++;
	n = strlen(file);
	if (n > 4 && !strcasecmp(file + n - 4, ".xml")) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "%s: fieldcheck reads "
			      "choices from a .csv or .geojson file, not .xml (save the "
			      "choices as CSV with name and label columns)",
			      load_quote(file, q, sizeof q));
		return -1;
	}
	if (!form_file_name_ok(file) && !form_geojson_name_ok(file)) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "'%s' is not a file name "
			      "fieldcheck takes (1 to 64 of A-Z, a-z, 0-9, _ and -, then .csv or "
			      ".geojson; not survey, choices or settings)",
			      load_quote(file, q, sizeof q));
		return -1;
	}
	*list = xstrdup(file);
	return 0;
}

/* Reads the type column (white space runs count as one space).  Sets
 * *list to the list name of a select (a copy), and it->or_other for
 * "select_one L or_other".  0, or -1 after reporting. */
static int parse_type(struct loader *ld, struct survey *sv, const struct csv_row *row,
		      struct form_item *it, char **list)
{
	enum form_type *type = &it->type;
	enum form_meta_kind *meta = &it->meta;
	const char *raw = sheet_get(&sv->sh, row, S_TYPE, SLOT_PLAIN);
	char t[2 * NAME_MAX_LEN], q[QUOTE_SIZE];
	size_t i, n = 0, k;

	for (i = 0; raw[i] && n + 1 < sizeof t; i++)
		if (raw[i] != ' ' && raw[i] != '\t')
			t[n++] = raw[i];
		else if (n && t[n - 1] != ' ')
			t[n++] = ' ';
	t[raw[i] ? 0 : n] = '\0'; /* too long for any type: unknown */
	*list = NULL;
	if (!*raw) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "missing type");
		return -1;
	}
	for (k = 0; k < ARRAY_SIZE(simple); k++)
		if (!strcmp(t, simple[k].name)) {
			*type = simple[k].type;
			return 0;
		}
	for (k = 0; k < ARRAY_SIZE(medias); k++)
		if (!strcmp(t, medias[k].name)) {
			*type = FT_MEDIA;
			it->media = medias[k].kind;
			return 0;
		}
	if (!strcmp(t, "osm") || !strncmp(t, "osm ", 4)) {
		/* OpenMapKit's question: its answer is the .osm file it makes,
		 * here a file attached; the tags its list offers are not used */
		*type = FT_MEDIA;
		it->media = MEDIA_FILE;
		if (t[3])
			sheet_warning(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "osm: answered by "
				      "attaching the OSM file; the tags of list '%s' (the osm "
				      "sheet) are not offered", t + 4);
		return 0;
	}
	for (k = 0; k < ARRAY_SIZE(metas); k++)
		if (!strcmp(t, metas[k].name)) {
			*type = FT_META;
			*meta = metas[k].kind;
			return 0;
		}
	for (k = 0; k < ARRAY_SIZE(aliases); k++) {
		size_t n_old = strlen(aliases[k].old), n_now = strlen(aliases[k].now);
		if (!strncmp(t, aliases[k].old, n_old) && n_now <= n_old) {
			memmove(t + n_now, t + n_old, strlen(t + n_old) + 1);
			memcpy(t, aliases[k].now, n_now);
			break;
		}
	}
	or_other_spelling(t);
	for (k = 0; unsupported[k]; k++)
		if (is_type(t, unsupported[k])) {
			sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN,
				      "type '%s' is not supported by fieldcheck", unsupported[k]);
			return -1;
		}
	if (!strncmp(t, "select_one_from_file", 20) || !strncmp(t, "select_multiple_from_file", 25))
		return parse_from_file(ld, sv, row, it, t, list);
	if (!strncmp(t, "select_one_external ", 20) && !strchr(t + 20, ' ') &&
	    load_list_name_ok(t + 20)) { /* its list in itemsets.csv (fromfile.c) */
		it->type = FT_SELECT_ONE;
		it->external = 1;
		*list = xstrdup(t + 20);
		return 0;
	}
	if (!strncmp(t, "rank ", 5)) { /* its list's choices in order */
		char *oo = strstr(t, " or_other");
		if (oo && !oo[9]) { /* as a select's: "other" and NAME_other */
			*oo = '\0';
			it->or_other = 1;
		}
		if (!strchr(t + 5, ' ') && load_list_name_ok(t + 5)) {
			it->type = FT_RANK;
			*list = xstrdup(t + 5);
			return 0;
		}
	}
	if (!strncmp(t, "select_one", 10) || !strncmp(t, "select_multiple", 15)) {
		const char *sp = strchr(t, ' ');
		size_t base = t[7] == 'o' ? 10 : 15;
		char *oo = strstr(t, " or_other");
		if (oo && !oo[9] && oo > sp) { /* pyxform: an "other" choice, and
						* NAME_other for its text */
			*oo = '\0';
			it->or_other = 1;
		}
		*type = t[7] == 'o' ? FT_SELECT_ONE : FT_SELECT_MULTIPLE;
		if (!sp && !t[base]) {
			sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN,
				      "%s needs a list name (%s LIST)", t, t);
			return -1;
		}
		if (sp == t + base && !strchr(sp + 1, ' ') && load_list_name_ok(sp + 1)) {
			*list = xstrdup(sp + 1);
			return 0;
		}
		if (sp == t + base && !strchr(sp + 1, ' ') && !strncmp(sp + 1, "${", 2) &&
		    strlen(sp + 1) > 3 && strlen(sp + 1) - 3 <= NAME_MAX_LEN &&
		    sp[strlen(sp) - 1] == '}') { /* a repeat's values (refs.c) */
			if (it->or_other) {
				sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "or_other on "
					      "a select of a repeat's values (%s) is not "
					      "supported", sp + 1);
				return -1;
			}
			*list = xstrdup(sp + 1);
			return 0;
		}
	}
	sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "unknown type '%s'",
		      load_quote(raw, q, sizeof q));
	return -1;
}

static void read_name(struct loader *ld, struct survey *sv, const struct csv_row *row,
		      struct form_item *it)
{
	const char *v = sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN);
	char q[QUOTE_SIZE];

	if (!*v && it->type == FT_NOTE) { /* pyxform names it so */
		it->name = xstrfmt("generated_note_name_%d", row->line);
		return;
	}
	if (!*v) {
		if (it->type != FT_END_GROUP && it->type != FT_END_REPEAT)
			sheet_problem(ld, &sv->sh, row, S_NAME, SLOT_PLAIN, "missing name");
		return;
	}
	if (!load_name_ok(v) && (it->type == FT_END_GROUP || it->type == FT_END_REPEAT)) {
		/* pyxform reads no name on an end row ("end of gps"): it closes
		 * the innermost open one whatever it says */
		sheet_warning(ld, &sv->sh, row, S_NAME, SLOT_PLAIN, "the name '%s' of an %s "
			      "row is not used (it closes the innermost open one)",
			      load_quote(v, q, sizeof q), form_type_name(it->type));
		return;
	}
	if (!load_name_ok(v)) {
		sheet_problem(ld, &sv->sh, row, S_NAME, SLOT_PLAIN, "name '%s' is not a valid "
			      "name (a letter or _, then letters, digits, _ - or .; at most %d)",
			      load_quote(v, q, sizeof q), NAME_MAX_LEN);
		return;
	}
	it->name = xstrdup(v);
}

/* The group or repeat item it is directly inside, and the innermost
 * repeat it is inside, as the open ones say. */
static void place(const struct form *f, struct form_item *it, const struct groups *g)
{
	int k;

	it->group = g->n ? (int)g->ix[g->n - 1] : -1;
	it->repeat = -1;
	for (k = g->n - 1; k >= 0 && it->repeat < 0; k--)
		if (f->items[g->ix[k]].type == FT_BEGIN_REPEAT)
			it->repeat = (int)g->ix[k];
}

/* What an end row closes, as pyxform words it: "end_group" closes a
 * begin_group, "end_repeat" a begin_repeat, and nothing else. */
static void close_group(struct loader *ld, struct survey *sv, const struct csv_row *row,
			struct form_item *it, struct groups *g)
{
	const struct form *f = ld->f;
	int want = it->type == FT_END_REPEAT ? FT_BEGIN_REPEAT : FT_BEGIN_GROUP;
	const struct form_item *open;

	if (!g->n) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "%s without a %s",
			      form_type_name(it->type), form_type_name((enum form_type)want));
		return;
	}
	open = &f->items[it->group];
	if (open->type != (enum form_type)want) {
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "%s closes %s '%s' "
			      "(line %d), which needs an %s first", form_type_name(it->type),
			      open->type == FT_BEGIN_REPEAT ? "repeat" : "group",
			      open->name ? open->name : "", open->line,
			      open->type == FT_BEGIN_REPEAT ? "end_repeat" : "end_group");
		return; /* the open one stays open: "never closed" says so too */
	}
	g->n--;
	if (it->name && open->name && strcmp(it->name, open->name)) /* pyxform reads
								      * no name there */
		sheet_warning(ld, &sv->sh, row, S_NAME, SLOT_PLAIN, "the name '%s' of an %s "
			      "row is not used: it closes %s '%s' (line %d)", it->name,
			      form_type_name(it->type), want == FT_BEGIN_REPEAT ? "repeat" :
			      "group", open->name, open->line);
}

/* How many repeats the open ones hold. */
static int repeats_open(const struct form *f, const struct groups *g)
{
	int k, n = 0;

	for (k = 0; k < g->n; k++)
		n += f->items[g->ix[k]].type == FT_BEGIN_REPEAT;
	return n;
}

/* Places the item in the group structure. */
static void read_group(struct loader *ld, struct survey *sv, const struct csv_row *row,
		       struct form_item *it, size_t ix, struct groups *g)
{
	place(ld->f, it, g);
	if (it->type == FT_BEGIN_REPEAT && repeats_open(ld->f, g) >= FORM_REPEAT_DEPTH)
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "repeat '%s' is inside %d "
			      "repeats: fieldcheck takes repeats inside repeats %d deep at most",
			      it->name ? it->name : "", repeats_open(ld->f, g), FORM_REPEAT_DEPTH);
	if (it->type == FT_BEGIN_GROUP || it->type == FT_BEGIN_REPEAT) {
		if (g->n == GROUP_DEPTH_MAX)
			sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN,
				      "groups nest deeper than %d", GROUP_DEPTH_MAX);
		else
			g->ix[g->n++] = ix;
	} else if (it->type == FT_END_GROUP || it->type == FT_END_REPEAT) {
		close_group(ld, sv, row, it, g);
	}
}

/* Reports a value in a column that does not apply to the item's type. */
static void not_for(struct loader *ld, struct survey *sv, const struct csv_row *row,
		    int key, const struct form_item *it, int applies)
{
	char name[QUOTE_SIZE];
	int s;

	if (applies)
		return;
	for (s = 0; s < SLOT_COUNT; s++)
		if (*sheet_get(&sv->sh, row, key, (enum sheet_slot)s))
			sheet_problem(ld, &sv->sh, row, key, (enum sheet_slot)s,
				      "%s does not apply to items of type %s",
				      sheet_col_name(&sv->sh, key, (enum sheet_slot)s,
						     name, sizeof name),
				      form_type_name(it->type));
}

/* The same for what pyxform puts on the item's bind and ODK never uses
 * there (a group's required or default, a calculate's constraint or
 * default): a warning that it is not used. */
static void not_used_for(struct loader *ld, struct survey *sv, const struct csv_row *row,
			 int key, const struct form_item *it, int applies)
{
	char name[QUOTE_SIZE];
	int s;

	if (applies)
		return;
	if (it->type != FT_BEGIN_GROUP && it->type != FT_END_GROUP &&
	    it->type != FT_BEGIN_REPEAT && it->type != FT_END_REPEAT &&
	    it->type != FT_CALCULATE) {
		not_for(ld, sv, row, key, it, applies);
		return;
	}
	for (s = 0; s < SLOT_COUNT; s++)
		if (*sheet_get(&sv->sh, row, key, (enum sheet_slot)s))
			sheet_warning(ld, &sv->sh, row, key, (enum sheet_slot)s,
				      "%s is not used for items of type %s",
				      sheet_col_name(&sv->sh, key, (enum sheet_slot)s,
						     name, sizeof name),
				      form_type_name(it->type));
}

/* A calculation on a question that takes a typed or chosen answer: with a
 * trigger, pyxform's setvalue (the calculation is set when the trigger
 * changes, then the inspector may change it); without one, its bind's
 * calculate (the value is the calculation's, as ODK Collect recomputes it
 * over whatever was typed). */
static void read_calculated(struct loader *ld, struct survey *sv, const struct csv_row *row,
			    struct form_item *it)
{
	int trigger = *sheet_get(&sv->sh, row, S_TRIGGER, SLOT_PLAIN) != '\0';

	if (it->type == FT_CALCULATE && trigger &&
	    *sheet_get(&sv->sh, row, S_CALCULATION, SLOT_PLAIN)) {
		it->triggered = 1; /* pyxform's setvalue on a calculate: its value is
				    * what the trigger last set */
		return;
	}
	if (!form_item_answerable(it) || it->type == FT_MEDIA || it->type == FT_CHECK ||
	    !*sheet_get(&sv->sh, row, S_CALCULATION, SLOT_PLAIN)) {
		if (trigger) /* a geopoint's setgeopoint, say: nothing runs it here */
			sheet_warning(ld, &sv->sh, row, S_TRIGGER, SLOT_PLAIN, "trigger is not "
				      "used without a calculation on a question");
		return;
	}
	if (trigger)
		it->triggered = 1;
	else
		it->computed = 1;
}

static void read_columns_apply(struct loader *ld, struct survey *sv,
			       const struct csv_row *row, const struct form_item *it)
{
	int ans = form_item_answerable(it) || it->computed;
	/* a check's failure, or a select_one's hazard_if choices, raise a hazard */
	int check = it->type == FT_CHECK || it->type == FT_SELECT_ONE;

	not_used_for(ld, sv, row, S_REQUIRED, it, ans || load_yesno(
			sheet_get(&sv->sh, row, S_REQUIRED, SLOT_PLAIN)) == 0);
	not_used_for(ld, sv, row, S_REQUIRED_MSG, it, ans);
	not_used_for(ld, sv, row, S_CONSTRAINT, it, ans);
	not_used_for(ld, sv, row, S_CONSTRAINT_MSG, it, ans);
	not_used_for(ld, sv, row, S_DEFAULT, it, ans || it->type == FT_HIDDEN);
	not_for(ld, sv, row, S_RELEVANT, it,
		it->type != FT_END_GROUP && it->type != FT_END_REPEAT);
	not_for(ld, sv, row, S_REPEAT_COUNT, it, it->type == FT_BEGIN_REPEAT);
	not_for(ld, sv, row, S_HAZARD, it, check);
	not_for(ld, sv, row, S_MEASURE, it, check);
	not_for(ld, sv, row, S_CALCULATION, it,
		it->type == FT_CALCULATE || it->computed || it->triggered);
	if (it->type != FT_SELECT_ONE && it->type != FT_SELECT_MULTIPLE &&
	    *sheet_get(&sv->sh, row, S_CHOICE_FILTER, SLOT_PLAIN)) /* pyxform ignores it */
		sheet_warning(ld, &sv->sh, row, S_CHOICE_FILTER, SLOT_PLAIN, "choice_filter is "
			      "not used for items of type %s", form_type_name(it->type));
	if (it->type == FT_CALCULATE && !*sheet_get(&sv->sh, row, S_CALCULATION, SLOT_PLAIN))
		sheet_problem(ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "calculate item '%s' has no "
			      "calculation", it->name ? it->name : "");
	not_for(ld, sv, row, S_RECTIFY, it, check);
	not_for(ld, sv, row, S_HAZARD_IF, it, it->type == FT_SELECT_ONE);
}

static const char *const depts[] = {
	"transport", "police", "emergency", "market", "enforcement", NULL,
};

/* measure: the on-site measure a failure calls for, one of form_measure_name's
 * words (form.h), or empty. */
static void read_measure(struct loader *ld, struct survey *sv, const struct csv_row *row,
			 struct form_item *it)
{
	const char *m = sheet_get(&sv->sh, row, S_MEASURE, SLOT_PLAIN);
	char q[QUOTE_SIZE];
	int k;

	if (!*m)
		return;
	for (k = 1; k < MEASURE_COUNT; k++)
		if (!strcmp(m, form_measure_name((enum form_measure)k))) {
			it->measure = (enum form_measure)k;
			return;
		}
	sheet_problem(ld, &sv->sh, row, S_MEASURE, SLOT_PLAIN, "measure '%s' is not one of "
		      "stop_loading, stop_work, evacuate, stop_use", load_quote(m, q, sizeof q));
}

/* hazard_if: the choices of a select_one that mean a hazard (a form from
 * elsewhere raising hazards without `check` items), with the severity of
 * its `hazard` column; the names are checked against the list once lists
 * are linked (hazard_if.c). */
static void read_hazard_if(struct loader *ld, struct survey *sv, const struct csv_row *row,
			   struct form_item *it)
{
	const char *v = sheet_get(&sv->sh, row, S_HAZARD_IF, SLOT_PLAIN);

	if (it->type != FT_SELECT_ONE)
		return; /* not_for said it */
	if (*v && it->hazard == SEV_NONE)
		sheet_problem(ld, &sv->sh, row, S_HAZARD, SLOT_PLAIN, "'%s' has hazard_if but "
			      "no hazard severity (general or major)", it->name ? it->name : "");
	else if (!*v && it->hazard != SEV_NONE)
		sheet_problem(ld, &sv->sh, row, S_HAZARD_IF, SLOT_PLAIN, "hazard on select_one "
			      "'%s' needs hazard_if: the choices that mean a hazard",
			      it->name ? it->name : "");
	else if (*v)
		it->hazard_if = xstrdup(v);
}

/* hazard, rectify_days, dept, local, measure: our own columns. */
static void read_ours(struct loader *ld, struct survey *sv, const struct csv_row *row,
		      struct form_item *it)
{
	const char *hz = sheet_get(&sv->sh, row, S_HAZARD, SLOT_PLAIN);
	const char *rd = sheet_get(&sv->sh, row, S_RECTIFY, SLOT_PLAIN);
	const char *dept = sheet_get(&sv->sh, row, S_DEPT, SLOT_PLAIN);
	const char *local = sheet_get(&sv->sh, row, S_LOCAL, SLOT_PLAIN);
	char q[QUOTE_SIZE];
	long days = 0;
	size_t i;

	if (!strcasecmp(hz, "general"))
		it->hazard = SEV_GENERAL;
	else if (!strcasecmp(hz, "major"))
		it->hazard = SEV_MAJOR;
	else if (*hz)
		sheet_problem(ld, &sv->sh, row, S_HAZARD, SLOT_PLAIN, "hazard '%s' is "
			      "neither general nor major", load_quote(hz, q, sizeof q));
	else if (it->type == FT_CHECK)
		sheet_problem(ld, &sv->sh, row, S_HAZARD, SLOT_PLAIN, "check item '%s' has "
			      "no hazard severity (general or major)", it->name ? it->name : "");
	read_hazard_if(ld, sv, row, it);
	for (i = 0; rd[i] >= '0' && rd[i] <= '9' && days <= 3650; i++)
		days = days * 10 + (rd[i] - '0');
	if (*rd && (rd[i] || days < 1 || days > 3650))
		sheet_problem(ld, &sv->sh, row, S_RECTIFY, SLOT_PLAIN, "rectify_days '%s' is "
			      "not a whole number of days from 1 to 3650",
			      load_quote(rd, q, sizeof q));
	else
		it->rectify_days = (int)days;
	for (i = 0; depts[i] && strcmp(dept, depts[i]); i++)
		;
	if (depts[i])
		it->dept = xstrdup(dept);
	else if (*dept)
		sheet_problem(ld, &sv->sh, row, S_DEPT, SLOT_PLAIN, "dept '%s' is not one of "
			      "transport, police, emergency, market, enforcement",
			      load_quote(dept, q, sizeof q));
	it->local = load_yesno(local);
	if (it->local < 0) {
		sheet_problem(ld, &sv->sh, row, S_LOCAL, SLOT_PLAIN, "local '%s' is neither "
			      "yes nor empty", load_quote(local, q, sizeof q));
		it->local = 0;
	}
	read_measure(ld, sv, row, it);
}

/* The first of a translatable column's slots the sheet has (for messages
 * about a value missing in all of them). */
static enum sheet_slot first_slot(const struct sheet *sh, int key)
{
	int s;

	for (s = 0; s < SLOT_COUNT; s++)
		if (sh->idx[key][s] >= 0)
			return (enum sheet_slot)s;
	return SLOT_PLAIN;
}

static void read_texts(struct loader *ld, struct survey *sv, const struct csv_row *row,
		       struct form_item *it)
{
	const char *v;

	sheet_text(&sv->sh, row, S_LABEL, &it->label);
	sheet_text(&sv->sh, row, S_HINT, &it->hint);
	sheet_text(&sv->sh, row, S_REQUIRED_MSG, &it->required_message);
	sheet_text(&sv->sh, row, S_CONSTRAINT_MSG, &it->constraint_message);
	sheet_text(&sv->sh, row, S_LEGAL, &it->legal_basis);
	if (!it->label.n && (form_item_answerable(it) || it->type == FT_NOTE) &&
	    (v = survey_row_media(sv, row)) != NULL) /* pyxform takes the media */
		sheet_warning(ld, &sv->sh, row, S_LABEL, first_slot(&sv->sh, S_LABEL),
			      "%s item '%s' has no label but its %s, which a terminal does "
			      "not show: its name stands for it", form_type_name(it->type),
			      it->name ? it->name : "", v);
	else if (!it->label.n &&
	    (form_item_answerable(it) || it->type == FT_NOTE))
		sheet_problem(ld, &sv->sh, row, S_LABEL, first_slot(&sv->sh, S_LABEL),
			      "%s item '%s' has no label", form_type_name(it->type),
			      it->name ? it->name : "");
	if (*(v = sheet_get(&sv->sh, row, S_DEFAULT, SLOT_PLAIN)))
		it->default_value = xstrdup(v);
	if (*(v = sheet_get(&sv->sh, row, S_APPEARANCE, SLOT_PLAIN)))
		it->appearance = xstrdup(v);
	it->required_always = load_yesno(sheet_get(&sv->sh, row, S_REQUIRED,
						   SLOT_PLAIN)) == 1;
}

static struct form_item *new_item(struct form *f, struct survey *sv, const struct csv_row *row)
{
	size_t had = sv->alloc;

	ALLOC_GROW(f->items, f->n_items + 1, sv->alloc);
	if (sv->alloc != had) {
		sv->row = xreallocarray(sv->row, sv->alloc, sizeof *sv->row);
		sv->list_name = xreallocarray(sv->list_name, sv->alloc, sizeof *sv->list_name);
	}
	memset(&f->items[f->n_items], 0, sizeof *f->items);
	sv->row[f->n_items] = row;
	sv->list_name[f->n_items] = NULL;
	f->items[f->n_items].line = row->line;
	f->items[f->n_items].group = -1;
	f->items[f->n_items].repeat = -1;
	return &f->items[f->n_items++];
}

/* or_other's follow-up, as pyxform makes it: a text item NAME_other right
 * after the select, asked when "other" is chosen (refs.c compiles that
 * relevance), so its answer is an answer like any other in the record. */
static void add_other(struct loader *ld, struct survey *sv, const struct csv_row *row,
		      size_t sel)
{
	static const char label[] = N_("Specify other.");
	struct form *f = ld->f;
	struct form_item *it;
	char *name = xstrfmt("%s_other", f->items[sel].name);

	if (strlen(name) > NAME_MAX_LEN) {
		sheet_problem(ld, &sv->sh, row, S_NAME, SLOT_PLAIN, "name '%s' is too long "
			      "for or_other, which names its text %s_other (at most %d)",
			      f->items[sel].name, f->items[sel].name, NAME_MAX_LEN);
		free(name);
		return;
	}
	it = new_item(f, sv, row);
	it->type = FT_TEXT;
	it->name = name;
	it->other_of = (int)sel + 1;
	it->group = f->items[sel].group;
	it->repeat = f->items[sel].repeat;
	it->label.msgid = label;
}

static void add_item(struct loader *ld, struct survey *sv, const struct csv_row *row,
		     struct groups *g)
{
	struct form *f = ld->f;
	struct form_item *it = new_item(f, sv, row);
	size_t ix = f->n_items - 1;

	it->type = FT_TEXT;
	if (parse_type(ld, sv, row, it, &sv->list_name[ix])) {
		/* keep a valid name for references; the rest would only add
		 * problems that follow from the type */
		it->type = FT_TEXT;
		if (load_name_ok(sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN)))
			it->name = xstrdup(sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN));
		place(f, it, g);
		return;
	}
	read_name(ld, sv, row, it);
	read_group(ld, sv, row, it, ix, g);
	read_calculated(ld, sv, row, it);
	if (it->type == FT_END_GROUP || it->type == FT_END_REPEAT) {
		/* its name only says which group it closes */
		free(it->name);
		it->name = NULL;
	}
	read_texts(ld, sv, row, it);
	read_columns_apply(ld, sv, row, it);
	read_ours(ld, sv, row, it);
	survey_read_parameters(ld, sv, row, it);
	if (it->or_other && it->name)
		add_other(ld, sv, row, ix);
}

static void free_survey(struct form *f, struct survey *sv)
{
	size_t i;

	for (i = 0; i < f->n_items; i++)
		free(sv->list_name[i]);
	free(sv->list_name);
	free(sv->row);
	loop_rows_release(&sv->rows);
	sheet_release(&sv->sh);
}

/* The form's first language is its survey's leftmost label column's, as
 * an author reads the sheet (choices.csv and settings.csv load first). */
static void first_language(struct form *f, const struct sheet *sh)
{
	int s, best = -1;

	for (s = 1; s < SLOT_COUNT; s++)
		if (sh->idx[S_LABEL][s] >= 0 && (best < 0 || sh->idx[S_LABEL][s] <
						 sh->idx[S_LABEL][best]))
			best = s;
	if (best > 0)
		f->first_lang = (size_t)best - 1;
}

/* A row with no type, name or label but something in another column is an
 * author's comment, which pyxform skips with a warning: so does this. */
static int comment_row(struct loader *ld, struct survey *sv, const struct csv_row *row)
{
	int s;

	if (*sheet_get(&sv->sh, row, S_TYPE, SLOT_PLAIN) ||
	    *sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN))
		return 0;
	for (s = 0; s < SLOT_COUNT; s++)
		if (*sheet_get(&sv->sh, row, S_LABEL, (enum sheet_slot)s))
			return 0;
	load_warning(ld, FF_SURVEY, row->line, 1, "a row without type, name or label is not read");
	return 1;
}

void load_survey(struct loader *ld, const char *buf, size_t len)
{
	struct survey sv;
	struct groups g;
	size_t r;
	int i;

	memset(&sv, 0, sizeof sv);
	memset(&g, 0, sizeof g);
	if (sheet_load(ld, &sv.sh, FF_SURVEY, buf, len, cols, S_NCOLS)) {
		sheet_release(&sv.sh);
		return;
	}
	first_language(ld->f, &sv.sh);
	loop_expand(ld, &sv);
	for (r = 0; r < sv.rows.n; r++)
		if (!sheet_row_blank(sv.rows.row[r]) && !comment_row(ld, &sv, sv.rows.row[r]))
			add_item(ld, &sv, sv.rows.row[r], &g);
	for (i = 0; i < g.n; i++) {
		const struct form_item *open = &ld->f->items[g.ix[i]];
		int rep = open->type == FT_BEGIN_REPEAT;
		sheet_problem(ld, &sv.sh, sv.row[g.ix[i]], S_TYPE, SLOT_PLAIN,
			      "%s '%s' is never closed (no %s)", rep ? "repeat" : "group",
			      open->name ? open->name : "", rep ? "end_repeat" : "end_group");
	}
	if (!ld->f->n_items)
		load_problem(ld, FF_SURVEY, sv.sh.csv.rows[0].line, 1,
			     "no items under the header row");
	survey_check_names(ld, &sv);
	survey_link_refs(ld, &sv);
	survey_check_cycles(ld, &sv);
	free_survey(ld->f, &sv);
}
