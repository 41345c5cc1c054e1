/* synth.h - the realistic work the benchmarks generate, decided by a seed.
 *
 * A district: 12 towns, 5000 enterprises with valid credit codes (their
 * industry decides which checklist applies), 20 inspectors' devices, and
 * 80 inspections a working day (4 a device) from Monday 2021-01-04 on, over
 * every shipped form.  About 15 % of general check items fail (a major item
 * rarely does); each failure is a hazard whose closed loop (notice,
 * extension, listed supervision of a major one, rectified, verified) is
 * played out up to the benchmark's "now".
 *
 * Everything about inspection k is a pure function of (seed, k): the
 * generator writing a central repository, the filler driving the store's
 * API and the file writer for the git command line all see the same visit.
 */
#ifndef FC_BENCH_SYNTH_H
#define FC_BENCH_SYNTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "forms/engine/form.h"

#define SYNTH_TOWNS 12
#define SYNTH_ENTERPRISES 5000
#define SYNTH_DEVICES 20
#define SYNTH_PER_DAY 80            /* inspections a working day, district-wide */
#define SYNTH_PER_WEEK (5 * SYNTH_PER_DAY)
#define SYNTH_MAX_ANSWERS 48
#define SYNTH_MAX_TEAM 5
#define SYNTH_MAX_HAZARDS 24
#define SYNTH_MAX_EVENTS 8
#define SYNTH_VALUE 128

struct synth {
	uint64_t seed;
	struct form *forms[8];          /* by name, as the catalogue sorts them */
	size_t n_forms;
	long now_day;                   /* days since 1970-01-01: "today" */
	char now[FC_TIMESTAMP_LEN + 1];
};

/* Loads the shipped forms from forms_dir; `now_after` is the inspection
 * count whose day (plus a margin of 2000 inspections) is "now".  Returns 0,
 * or -1 with err. */
int synth_init(struct synth *s, uint64_t seed, const char *forms_dir, size_t now_after,
	       struct fc_err *err);
void synth_release(struct synth *s);

/* "now" for a run over n inspections: the same text synth_init computes. */
void synth_now(size_t n, char *out);

/* Enterprise i (0 <= i < SYNTH_ENTERPRISES); heap strings, enterprise_clear. */
void synth_enterprise(const struct synth *s, size_t i, struct fc_enterprise *out);
/* Its credit code alone; out holds USCC_LEN + 1. */
void synth_enterprise_code(const struct synth *s, size_t i, char *out);
/* Device d's inspector. */
const struct fc_person *synth_device(size_t d);

struct synth_answer {
	size_t item;                    /* index into form->items */
	char value[SYNTH_VALUE];
	char note[SYNTH_VALUE];
	char at[FC_TIMESTAMP_LEN + 1];
};

struct synth_hazard {
	size_t answer;                  /* the failed answer */
	char id[FC_UUID_LEN + 1];
	enum hazard_sev severity;
	char deadline[FC_DATE_LEN + 1];
	struct fc_hazard_event events[SYNTH_MAX_EVENTS]; /* record order */
	size_t n_events;
};

/* One visit: inspection k, its answers and the fate of its hazards.  The
 * strings live in the struct (by_name and note of events point into static
 * or the struct's own storage). */
struct synth_visit {
	size_t k;
	size_t device;
	size_t enterprise;
	char enterprise_code[USCC_LEN + 1];
	const struct form *form;
	char id[FC_UUID_LEN + 1];
	enum insp_type type;
	char location[64];
	long day;                       /* days since the epoch */
	char created_at[FC_TIMESTAMP_LEN + 1], finalized_at[FC_TIMESTAMP_LEN + 1];
	struct fc_person team[SYNTH_MAX_TEAM];
	size_t n_team;
	struct synth_answer answers[SYNTH_MAX_ANSWERS]; /* form order */
	size_t n_answers;
	struct synth_hazard hazards[SYNTH_MAX_HAZARDS];
	size_t n_hazards;
	char notes[SYNTH_MAX_HAZARDS][2][SYNTH_VALUE]; /* storage for event texts */
};

/* Plans visit k. */
void synth_visit(const struct synth *s, size_t k, struct synth_visit *v);

/* The visit as a record (answers sorted by item): borrowed pointers into v,
 * release with synth_inspection_release, not inspection_clear. */
void synth_inspection(const struct synth_visit *v, struct fc_inspection *out);
void synth_inspection_release(struct fc_inspection *in);
/* Hazard h of the visit with its first n_events events (borrowed pointers). */
void synth_hazard(const struct synth_visit *v, size_t h, size_t n_events, struct fc_hazard *out);

/* Dates and stamps ("YYYY-MM-DDTHH:MM:00+08:00") of a day since 1970-01-01
 * (core/clock.h counts the days). */
void synth_date(long day, char *out);
void synth_stamp(long day, int minute_of_day, char *out);
/* The working day of inspection k. */
long synth_day_of(size_t k);

#endif
