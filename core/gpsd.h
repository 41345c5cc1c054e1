/* gpsd.h - the laptop's GPS position through gpsd's JSON protocol on the
 * loopback interface (no extra library): connect, ?WATCH, and take the
 * first TPV report with a 2D or 3D fix. */
#ifndef FC_GPSD_H
#define FC_GPSD_H

#include "err.h"
#include "model.h"

#define GPSD_PORT 2947

/* A fix as a geopoint "LAT LON ALT ACCURACY" into geo (MAX_GEO + 1 bytes),
 * waiting at most timeout_ms.  Only 127.0.0.1 is asked, on port `port`
 * (0: GPSD_PORT, or $FIELDCHECK_GPSD_PORT when set).  FC_ENOTFOUND when no
 * gpsd answers; FC_EFAIL when it has no fix in time. */
int gpsd_fix(int port, int timeout_ms, char *geo, struct fc_err *err);

/* One line of gpsd's JSON: if it is a TPV report with a fix, its geopoint
 * into geo and 1; else 0.  The line is anyone's bytes: read bounded. */
int gpsd_parse_tpv(const char *line, char *geo);

#endif
