/* form.h - a checklist definition, loaded from XLSForm-style CSV files.
 *
 * A form is a folder forms/<form-id>/ with survey.csv, choices.csv and
 * settings.csv (see docs/ARCHITECTURE.md, "Forms"): checklists are data a
 * district can change without a rebuild.  This header is the contract
 * between the loader (forms/) and its users (the inspection logic, the CLI,
 * the TUI).  Labels come in the languages the form's columns name
 * ("label::Français (fr)", "label:English", "label::zh"); form_text() picks
 * the one a person reads (see forms/engine/lang.c).
 */
#ifndef FC_FORM_H
#define FC_FORM_H

#include <stddef.h>
#include "core/err.h"

#define FORM_MAX_LANGS 16    /* languages one form's columns may name */
#define FORM_LANG_NAME_MAX 64 /* bytes in a language's column suffix */
#define FORM_LANG_PLAIN (-1)  /* a text of the plain column ("label") */

/* The language a person reads, as the lower-case ISO 639 code of the
 * locale's language ("zh", "fr", "en"; "" for none): form_lang_locale(), or
 * what the TUI's settings chose.  A value, passed as one. */
struct form_lang {
	char code[8];
};

#define FORM_MAX_FILES 16      /* CSV files one form's selects read choices from */
#define ITEMSETS_FILE "itemsets.csv" /* select_one_external's lists, as pyxform names it */
#define FORM_FILE_NAME_MAX 76  /* "[A-Za-z0-9_-]{1,64}.geojson" and its NUL */

/* One of a form's languages: the suffix its columns carry, as written
 * ("Français (fr)", "English", "zh"), and the code it names ("fr", "en",
 * "zh"; "" when neither a code in parentheses nor a known name says). */
struct form_language {
	char *name;
	char code[8];
};

enum form_type {
	FT_TEXT,
	FT_INTEGER,
	FT_DECIMAL,
	FT_DATE,
	FT_SELECT_ONE,
	FT_SELECT_MULTIPLE,
	FT_NOTE,
	FT_BEGIN_GROUP,
	FT_END_GROUP,
	FT_CHECK,        /* our own: answer is pass, fail or na */
	FT_CALCULATE,    /* no answer: its value is its calculation's */
	FT_META,         /* no answer: filled from the inspection (enum form_meta_kind) */
	FT_GEOPOINT,     /* "LAT LON ALT ACCURACY", as ODK writes it: typed or from GPS */
	FT_BEGIN_REPEAT, /* a group answered once per instance (docs/FORMAT.md) */
	FT_END_REPEAT,
	FT_MEDIA,        /* image, audio, video, file: answered by attaching a
			  * file to the item; its value is the file's name */
	FT_TIME,         /* "HH:MM", seconds, fraction and offset as ODK may add */
	FT_DATETIME,     /* "YYYY-MM-DDTHH:MM", the same after the T */
	FT_ACKNOWLEDGE,  /* acknowledge or trigger: answered "OK", as ODK records it */
	FT_HIDDEN,       /* no answer, not shown: its value is its default */
	FT_RANGE,        /* a number from start to end by step (form_item.range) */
	FT_GEOTRACE,     /* "LAT LON ALT ACC;LAT LON ALT ACC...": a line of points */
	FT_GEOSHAPE,     /* the same, closed: its last point is its first */
	FT_RANK,         /* its list's choices in order, space-separated */
};

/* What a media item asks for (XLSForm's image or photo, audio, video, file). */
enum form_media { MEDIA_IMAGE, MEDIA_AUDIO, MEDIA_VIDEO, MEDIA_FILE };

#define FORM_REPEAT_MAX 200 /* instances of one repeat in one inspection (of a
			     * nested repeat: in one instance of the one it is in) */
#define FORM_REPEAT_DEPTH 4 /* repeats inside repeats: at most this many deep */

/* XLSForm's metadata types: values a form records without asking. */
enum form_meta_kind {
	META_START, META_END, META_TODAY, META_DEVICEID, META_USERNAME, META_PHONENUMBER,
	META_EMAIL, META_SIMSERIAL, META_SUBSCRIBERID, META_AUDIT,
	META_START_GEOPOINT, /* where the inspection took place (its geo) */
};

enum hazard_severity { SEV_NONE = 0, SEV_GENERAL, SEV_MAJOR };

/* The on-site measure a failed check item calls for (the survey's `measure`
 * column), written into the on-site measures decision (现场处理措施决定书):
 * the vehicle is not filled or loaded (a five must-checks failure), work
 * stops (a confined space entered without gas testing), people are got out,
 * a facility is not used. */
enum form_measure {
	MEASURE_NONE = 0, MEASURE_STOP_LOADING, MEASURE_STOP_WORK, MEASURE_EVACUATE,
	MEASURE_STOP_USE, MEASURE_COUNT
};

/* A text in the languages that give it: tr[k].lang is an index into
 * form.langs or FORM_LANG_PLAIN, in that order (plain first, then the
 * form's languages in column order); only non-empty texts are kept. */
struct form_tr {
	int lang;
	char *s;
};
struct form_text {
	struct form_tr *tr;
	size_t n;
	const char *msgid;          /* or a text of fieldcheck's own (or_other's
				     * "Other"), translated when shown */
};

struct form_choice {
	char *name;
	struct form_text label;
	char **attrs;               /* its value in each of form.choice_cols ("" if none) */
	char **props;               /* its value in each of its list's cols, or NULL */
};

struct form_list {
	char *name;
	struct form_choice *choices;
	size_t n;
	/* A file's own columns (a GeoJSON file's properties and "geometry"),
	 * which a lookup instance('list')/root/item[...]/COLUMN reads from
	 * the choices' props (not NULL for a file's list, even with no
	 * column); NULL for the choices sheet's lists, whose columns are
	 * form.choice_cols. */
	char **cols;
	size_t n_cols;
};

/* A CSV file beside the survey that a select_one_from_file reads its
 * choices from ("sites.csv": name, label[, label::xx]), part of the form:
 * kept, installed and synced with it, byte for byte. */
struct form_csv_file {
	char *name;                 /* form_file_name_ok */
	char *csv;                  /* its bytes, NUL-terminated */
	size_t len;
	struct form_list *list;     /* its choices (NULL while it does not load):
				     * one list, or itemsets.csv's n_lists */
	size_t n_lists;
	int missing;                /* not beside the form when it loaded (as
				     * pyxform and ODK Central take it, the file
				     * uploaded apart): csv NULL, its list empty,
				     * nothing of it kept, written or synced */
};

struct form_expr; /* a compiled relevant/constraint/required expression */

struct form_item {
	enum form_type type;
	char *name;                 /* unique within the form; NULL for end_group.
				     * The survey's name, or, when items in
				     * other groups have that name too, it
				     * scoped by its groups' ("grp-name",
				     * forms/engine/names.c): the name records
				     * key its answers by */
	char *xls_name;             /* the survey's name when `name` is scoped,
				     * else NULL */
	const struct form_list *list; /* select_one / select_multiple */
	struct form_text label, hint, required_message, constraint_message;
	struct form_text legal_basis; /* check items: regulation and article */
	char *dept;                 /* department responsible (joint checks), or NULL */
	int required_always;        /* required column is "yes"/"true()" */
	struct form_expr *required; /* required as an expression, or NULL */
	struct form_expr *relevant; /* NULL: always relevant */
	struct form_expr *constraint; /* NULL: no constraint */
	struct form_expr *calculation; /* calculate items: their value; a
				     * question's calculation (computed or
				     * triggered, below) */
	int computed;               /* a question with a calculation and no
				     * trigger: as in ODK, its value is the
				     * calculation's, recomputed whenever read
				     * and never typed (nor stored), like a
				     * calculate item's; shown with its label */
	int triggered;              /* a calculation with a trigger (pyxform's
				     * setvalue): when a trigger's answer
				     * changes the item is answered with the
				     * calculation's value (forms/inspect/
				     * kept.c); a question may then be answered
				     * otherwise, a calculate item's value is
				     * that stored answer */
	size_t *triggers;           /* triggered: the items whose change sets it */
	size_t n_triggers;
	int once;                   /* the calculation is once(x): the value
				     * first computed not empty is stored as the
				     * item's answer and read from there ever
				     * after (JavaRosa: once() gives the node's
				     * value when it has one); `calculation`
				     * holds x */
	struct form_expr *choice_filter; /* selects: which choices are offered */
	struct form_expr *repeat_count; /* begin_repeat: how many instances, or NULL */
	enum form_meta_kind meta;   /* FT_META items: which */
	enum form_media media;      /* FT_MEDIA items: which */
	int from_file;              /* select_*_from_file: list is its file's */
	int external;               /* select_one_external: list is itemsets.csv's */
	int choices_of;             /* select_one ${q}: 1 + q's index, whose
				     * values in its repeat's instances are the
				     * choices (list NULL; form_dyn_choices) */
	int missing_file;           /* select_*_from_file whose file was not beside
				     * the form: shown, never asked or required
				     * (form_item_answerable) */
	int or_other;               /* a select "LIST or_other": its list has
				     * "other" (pyxform adds it to the list),
				     * and the next item asks what */
	int other_of;               /* NAME_other, pyxform's text item that asks
				     * for the "other": 1 + the select's index */
	struct {                    /* range items: the parameters column's */
		double start, end, step;
		int decimal;        /* one of them is not whole: a decimal answer */
	} range;
	char *default_value;        /* or NULL */
	int default_last;           /* default ${last-saved#x}: 1 + x's index
				     * (its value in the last saved record is
				     * offered), else 0 */
	char *appearance;           /* or NULL */
	enum hazard_severity hazard; /* check items: severity of a failure; a
				     * select_one with hazard_if: of those choices */
	char *hazard_if;            /* select_one: the names of the choices that
				     * raise its hazard, space-separated, or NULL */
	enum form_measure measure;  /* check items: the measure a failure calls for */
	int rectify_days;           /* check items: default deadline, days */
	int local;                  /* the item is a local practice (local=yes) */
	int group;                  /* index of the enclosing begin_group or
				     * begin_repeat, or -1 */
	int repeat;                 /* index of the innermost begin_repeat the
				     * item is inside (not itself), or -1 */
	int line;                   /* line in survey.csv, for messages */
};

/* Every problem found while loading, one message each, in the form
 * "DIR/survey.csv:12:3: unknown type 'chek'" (file:line:column: what). */
struct form_problems {
	char **msgs;
	size_t n, alloc;
};
void form_problems_release(struct form_problems *p);

/* An XLSForm version text kept beside fieldcheck's number (settings.c). */
#define FORM_ODK_VERSION_MAX 64

struct form {
	char *id;
	int version;                /* 0: unnumbered until `forms add` (settings.c) */
	char *odk_version;          /* the XLSForm version text it was numbered from, or NULL */
	struct form_text title;     /* the id when settings.csv gives none */
	struct form_text note;      /* settings.csv note: local practice etc., or NULLs */
	struct form_language langs[FORM_MAX_LANGS]; /* as the columns name them */
	size_t n_langs;
	char *default_language;     /* settings' default_language as written, or NULL:
				     * the plain columns' language */
	unsigned default_langs;     /* bit k: langs[k] is the default language */
	size_t first_lang;          /* the survey's leftmost label column's language */
	struct form_item *items;
	size_t n_items;
	struct form_list *lists;
	size_t n_lists;
	char **choice_cols;         /* choices.csv's other columns, which a
				     * choice_filter reads by name */
	size_t n_choice_cols;
	char *origin;               /* folder it was loaded from, or "store" */
	/* The exact bytes it was loaded from, kept so a record can carry the
	 * form it was filled with (the store and the replica keep a copy). */
	char *survey_csv, *choices_csv, *settings_csv;
	struct form_csv_file *files;    /* the CSV files its selects read, as named */
	size_t n_files;
	/* What loads but fieldcheck does not use (columns it ignores), as
	 * "FILE:LINE:COL: warning: ..." for `forms check` to list. */
	struct form_problems warnings;
	int reads_last_saved;       /* some ${last-saved#x} (form_answers.last_saved) */
	struct form_engine *engine; /* private: evaluation state */
};


/* The three files' contents, for loading from memory (the store). */
struct form_files {
	const char *survey, *choices, *settings; /* NUL-terminated; choices may be NULL */
	size_t survey_len, choices_len, settings_len;
	/* The form's file `name` that a select_one_from_file names (already
	 * form_file_name_ok): *text a new NUL-terminated string (free() it)
	 * of *len bytes, at most CSV's limit.  0; 1 when there is none; -1
	 * with err.  NULL: the form has no such files. */
	int (*file)(void *ctx, const char *name, char **text, size_t *len, struct fc_err *err);
	void *file_ctx;
	/* The form's id when settings.csv names none (pyxform takes the file's
	 * name; a kept form, the id it is kept under), or NULL. */
	const char *id;
};
/* Whether `name` may name a form's file: [A-Za-z0-9_-]{1,64} then ".csv",
 * not survey, choices or settings in any case.  Such a name is safe in a
 * path. */
int form_file_name_ok(const char *name);
/* Whether name may name a GeoJSON file a select reads: [A-Za-z0-9_-]{1,64}
 * then ".geojson". */
int form_geojson_name_ok(const char *name);
/* Whether name may name a file kept and synced beside a form's three
 * sheets: a CSV file's or a GeoJSON file's name. */
int form_kept_file_name_ok(const char *name);
/* The form's file called name, or NULL. */
const struct form_csv_file *form_file_find(const struct form *f, const char *name);

/* Loads the folder `dir`.  Returns the form, or NULL with every problem
 * appended to `probs` (never partial: a form with any problem does not
 * load).  `probs` may be NULL.  The folder's name must be the form_id. */
struct form *form_load_dir(const char *dir, struct form_problems *probs);
/* The same from memory; `where` names the source in messages. */
struct form *form_load_mem(const char *where, const struct form_files *files,
			   struct form_problems *probs);
/* The same from an XLSForm workbook (.xlsx, see forms/xlsx.h): its survey,
 * choices and settings sheets become the three files, problems name the
 * cell ("FILE.xlsx:survey!C12: ..."). */
struct form *form_load_xlsx(const char *path, struct form_problems *probs);
void form_free(struct form *f);
/* A folder (form_load_dir) or a workbook file (form_load_xlsx). */
struct form *form_load_path(const char *path, struct form_problems *probs);
/* Whether two forms were loaded from the same bytes. */
int form_same_files(const struct form *a, const struct form *b);
/* Writes f into WORKSPACE/forms/<id>/ as its CSV files, replacing a
 * lower version there (forms/install.c), numbering an unnumbered f first
 * (numbering.c); *already is 1 when that exact form is there, *version the
 * number it has there.  0, or -1 with err (a higher or a different same
 * version there). */
int form_install(const struct form *f, const char *workspace, int *already, int *version,
		 struct fc_err *err);

/* The one place a form's text is put into a language (forms/engine/lang.c):
 * t in the form's language that is `lang` (its code), else in the form's
 * default_language, else the plain column's, else in the form's first
 * language (first_lang), else any; "" when none does. */
const char *form_text(const struct form *f, const struct form_text *t, struct form_lang lang);
/* What a person calls item `it` of f: its label in `lang`, else its name.
 * A message about an item names it so; the name is for commands. */
const char *form_item_label(const struct form *f, const struct form_item *it,
			    struct form_lang lang);
/* The language of the locale (LANGUAGE's first, LC_ALL, LC_MESSAGES, LANG:
 * "zh_CN.UTF-8" is zh, "fr_FR" fr; C and POSIX are en). */
struct form_lang form_lang_locale(void);
/* The language a locale name, a code or a language's name says ("zh_CN",
 * "fr", "English (en)", "Français"); code "" when none. */
struct form_lang form_lang_of(const char *s);
/* Whether l is the language `code` ("zh"). */
int form_lang_is(struct form_lang l, const char *code);
/* Index of the item called `name`, or -1. */
int form_item_index(const struct form *f, const char *name);
/* Whether `name` is the survey's name of items in different groups, which
 * carry scoped names (forms/engine/names.c): ${name} is ambiguous. */
int form_xls_name_shared(const struct form *f, const char *name);
/* Appends the names of the items whose survey name is `name` to out, as
 * "front-valve, rear-valve". */
struct strbuf;
void form_scoped_names(const struct form *f, const char *name, struct strbuf *out);
/* Counts items of type FT_CHECK. */
size_t form_count_checks(const struct form *f);
/* Counts items that take an answer (all but notes and group markers). */
size_t form_count_questions(const struct form *f);
/* Whether the item takes an answer (not a note, a group or repeat marker,
 * a calculation or a computed question). */
int form_item_answerable(const struct form_item *it);
/* Whether answering the item can raise a hazard: a check, or a select_one
 * with hazard_if (forms/engine/hazard_if.c). */
int form_item_raises(const struct form_item *it);
/* Whether answer `value` of the item raises its hazard: a check's "fail",
 * a select_one's choice named in hazard_if. */
int form_item_hazard_on(const struct form_item *it, const char *value);
/* -1 with err saying why item `it`, not answerable, takes no answer: its
 * value is computed, its choices file was not beside the form, or it is a
 * line for reading. */
int form_no_answer(const struct form *f, const struct form_item *it, struct form_lang lang,
		   struct fc_err *err);
/* The XLSForm spelling of a type ("select_one", "check", "begin_group"). */
const char *form_type_name(enum form_type t);
/* "general", "major" or "" for SEV_NONE. */
const char *form_hazard_name(enum hazard_severity s);
/* "stop_loading" ... as the survey writes it ("" for none). */
const char *form_measure_name(enum form_measure m);
/* What the measure orders, a msgid (English; translate with _()), "" for
 * none. */
const char *form_measure_text(enum form_measure m);
/* The XLSForm text an expression was compiled from. */
const char *form_expr_source(const struct form_expr *e);

/* Answers as the evaluator sees them: get(ctx, key) returns the value of
 * the item the record key names or NULL when unanswered (which
 * expressions see as "").  The key of an item inside a repeat is
 * "<name>@<instance>" (docs/FORMAT.md): the evaluator builds it from
 * `instance`, so ${x} inside an instance reads that instance's x; outside
 * any instance such an item reads as unanswered. */
struct form_answers {
	const char *(*get)(void *ctx, const char *key);
	/* A media item's value: the name of the file attached to its record
	 * key, NULL when none (or when the callback is NULL). */
	const char *(*file)(void *ctx, const char *key);
	void *ctx;
	const char *instance;       /* the instance's uuid items inside a repeat
				     * are evaluated in, or NULL */
	const char *position;       /* its 1-based index as text: position(..) */
	/* The live instances of the repeat whose begin_repeat is item
	 * `repeat`: count(${repeat}).  NULL: none. */
	size_t (*count)(void *ctx, const struct form *f, size_t repeat);
	/* The uuid of the k-th (from 1) live instance of that repeat into
	 * uuid (FC_UUID_LEN + 1 bytes); 0, or -1 when there is none:
	 * indexed-repeat().  NULL: none. */
	int (*instance_at)(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid);
	/* The uuid of the instance of that repeat the evaluation runs in: the
	 * instance `instance`, or for a repeat that instance's repeat is nested
	 * in, the one it is inside; 0, or -1 when there is none.  NULL: the
	 * instance `instance` for any repeat (no nesting). */
	int (*instance_of)(void *ctx, const struct form *f, size_t repeat, char *uuid);
	/* ${last-saved#x}: the value of record key `key` in the form's last
	 * saved record (ODK's, here the inspection's layer's choice), NULL
	 * when none (or when the callback is NULL). */
	const char *(*last_saved)(void *ctx, const char *key);
	const char *today;          /* YYYY-MM-DD for today(); NULL: the clock's */
	const char *now;            /* now(), a timestamp; NULL: the clock's */
	struct form_lang lang;      /* labels jr:choice-name() gives */
	/* What metadata items read (NULL: none; end and today fall back to the
	 * clock): the inspection's start, end and day, the device and the user. */
	struct {
		const char *start, *end, *today, *deviceid, *username;
		const char *geo; /* start-geopoint: "LAT LON ALT ACCURACY" */
	} meta;
};

/* Whether item i is relevant given the answers (an item inside a group that
 * is not relevant is not relevant either).  Returns 0/1, or -1 with err. */
int form_relevant(const struct form *f, size_t i, const struct form_answers *a,
		  struct fc_err *err);
/* Whether item i must be answered (when relevant).  0/1, -1 with err. */
int form_required(const struct form *f, size_t i, const struct form_answers *a,
		  struct fc_err *err);
/* The value item i has given the answers: its answer, or for a calculate
 * item its calculation's result; NULL when it has none or does not apply.
 * *out is a new string (free() it).  0, or -1 with err. */
int form_value(const struct form *f, size_t i, const struct form_answers *a, char **out,
	       struct fc_err *err);
/* The answer offered to whoever answers item i: its default (NULL when
 * none; ${last-saved#x}: x's value in the last saved record,
 * form_answers.last_saved).  *out is a new string.  0, or -1 with err. */
int form_offer(const struct form *f, size_t i, const struct form_answers *a, char **out,
	       struct fc_err *err);
/* Item i's calculation evaluated now, ignoring any value stored for it
 * (what a trigger sets, what once() keeps when it has nothing yet); NULL
 * when it is empty.  *out a new string.  0, or -1 with err. */
int form_calculate(const struct form *f, size_t i, const struct form_answers *a, char **out,
		   struct fc_err *err);
/* Whether item i's value is an answer stored by fieldcheck rather than
 * typed (a once() calculation, a calculate item set by its trigger):
 * never typed, yet kept in the record like an answer. */
int form_item_stored(const struct form_item *it);
/* The length of the "last-saved#" a ${...} name starts with (0 when it
 * does not): what follows is the item whose value in the last saved record
 * it reads. */
size_t form_last_saved_prefix(const char *name);
/* Whether a change of item t's answer sets item x (x's trigger names t). */
int form_item_triggers(const struct form *f, size_t t, size_t x);
/* A label, hint or message with each ${name} replaced by that item's value
 * (form_value; nothing when it has none).  A new string. */
char *form_fill(const struct form *f, const char *text, const struct form_answers *a);
/* How many instances begin_repeat item i asks for by its repeat_count:
 * 1 and *n (at most FORM_REPEAT_MAX), 0 when it has none (instances are
 * added as the inspector finds them), -1 with err (also for a count that
 * is not a whole number from 0 to FORM_REPEAT_MAX). */
int form_repeat_count(const struct form *f, size_t i, const struct form_answers *a, size_t *n,
		      struct fc_err *err);
/* Whether choice c of select item i is offered given the answers (its
 * choice_filter; 1 when it has none).  0/1, or -1 with err. */
int form_choice_allowed(const struct form *f, size_t i, size_t c, const struct form_answers *a,
			struct fc_err *err);
/* The choices a select_one ${q} (item i, choices_of) offers given the
 * answers: q's values, not empty, in the live instances of q's repeat the
 * evaluation sees, each once, in order, that its choice_filter keeps (a
 * select_multiple leaves out a value holding a space).  Each choice's name
 * and label are the value.  *out is the caller's (form_dyn_release).  0,
 * or -1 with err (forms/engine/dyn_choices.c). */
int form_dyn_choices(const struct form *f, size_t i, const struct form_answers *a,
		     struct form_list *out, struct fc_err *err);
void form_dyn_release(struct form_list *l);
/* Whether value is among select_one ${q} item i's choices given a: 0, or
 * -1 with a message naming them (form_check_value checks it too). */
int form_dyn_check(const struct form *f, size_t i, const char *value,
		   const struct form_answers *a, struct form_lang lang, struct fc_err *err);
/* Checks `value` for item i: its type (integer, decimal, date, a choice of
 * the list, pass/fail/na), then its constraint with `.` bound to value.
 * Returns 0, or -1 with the form's constraint message (in `lang`) or a
 * message naming what is wrong. */
int form_check_value(const struct form *f, size_t i, const char *value,
		     const struct form_answers *a, struct form_lang lang,
		     struct fc_err *err);
/* The one spelling a checked value of item i is stored in, so equal answers
 * are equal bytes (records compare and merge by bytes): a whole number
 * without leading zeros or a minus on zero ("-0" is "0", "007" is "7"), a
 * number without a minus on zero; anything else as given.  A new string. */
char *form_canonical_value(const struct form *f, size_t i, const char *value);

/* The catalogue: forms installed (form_installed_dir) and the workspace's
 * own (WORKSPACE/forms).  For one id the highest version wins; the same id
 * and version in both places with different contents is a problem,
 * reported, never silently resolved. */
struct form_catalog {
	struct form **forms;        /* sorted by id; the highest version of each */
	size_t n;
	size_t n_tried;             /* form folders looked at, loaded or not */
	struct form_problems problems; /* forms that did not load, clashes */
};
/* Loads every form; never fails as a whole (problems are in cat->problems). */
void form_catalog_load(struct form_catalog *cat, const char *workspace);
void form_catalog_release(struct form_catalog *cat);
const struct form *form_catalog_find(const struct form_catalog *cat, const char *id);
/* The installed forms folder in force, as a new string: FIELDCHECK_FORMS,
 * else forms/checklists of the build tree the binary runs from, else
 * FC_DATADIR/forms. */
char *form_installed_dir(void);

#endif
