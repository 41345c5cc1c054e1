/* clock.h - timestamps and calendar dates.
 *
 * Timestamps are ISO 8601 with the local offset ("2026-11-28T21:45:10+08:00"):
 * an inspector's record says the wall-clock time on site.  Deadlines are
 * calendar dates ("2026-12-10"); overdue is judged against today's local date.
 * FIELDCHECK_NOW (a timestamp in the same form) overrides the clock, so tests
 * and demos can stand on a fixed day.
 */
#ifndef FC_CLOCK_H
#define FC_CLOCK_H

#include "err.h"

#define FC_TIMESTAMP_LEN 25 /* YYYY-MM-DDTHH:MM:SS+HH:MM */
#define FC_DATE_LEN 10

/* Writes the current local time; out must hold FC_TIMESTAMP_LEN + 1. */
int clock_now(char *out, struct fc_err *err);
/* Writes the local time of epoch (seconds since 1970) with its offset: a
 * file's time.  out must hold FC_TIMESTAMP_LEN + 1. */
int clock_stamp(long long epoch, char *out, struct fc_err *err);
/* The same for a wall-clock time without an offset (YYYY-MM-DDTHH:MM:SS,
 * a camera's clock), taken as this machine's local time then. */
int clock_stamp_local(const char *wall, char *out, struct fc_err *err);
/* Writes today's local date; out must hold FC_DATE_LEN + 1. */
int clock_today(char *out, struct fc_err *err);

/* 0 if s is a real calendar date YYYY-MM-DD (leap years checked). */
int date_check(const char *s, const char *what, struct fc_err *err);
/* 0 if s is YYYY-MM-DDTHH:MM:SS followed by Z or ±HH:MM. */
int timestamp_check(const char *s, const char *what, struct fc_err *err);
/* Seconds since the epoch and the offset in minutes of a valid timestamp. */
int timestamp_epoch(const char *ts, long long *epoch, int *offset_min, struct fc_err *err);
/* out = date + days (days may be negative). */
int date_add_days(const char *date, int days, char *out, struct fc_err *err);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back
 * (H. Hinnant's method): the one calendar every part of the program uses. */
long clock_days_from_civil(int y, int m, int d);
void clock_civil_from_days(long days, int *y, int *m, int *d);

#endif
