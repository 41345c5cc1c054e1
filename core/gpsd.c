/* gpsd.c - a position from gpsd on 127.0.0.1 (gpsd.h). */
#include "gpsd.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "attachment.h"
#include "i18n.h"

#define LINE_MAX_BYTES 8192

/* The number after "key": in line, or 0 when absent or not a number. */
static int number_of(const char *line, const char *key, double *out)
{
	char pat[32];
	const char *at;
	char *end;

	snprintf(pat, sizeof pat, "\"%s\":", key);
	if (!(at = strstr(line, pat)))
		return 0;
	at += strlen(pat);
	*out = strtod(at, &end);
	return end != at && (*end == ',' || *end == '}' || *end == ' ');
}

int gpsd_parse_tpv(const char *line, char *geo)
{
	double mode, lat, lon, alt = 0, acc = 0, ex = 0, ey = 0;
	int whole;

	if (!strstr(line, "\"class\":\"TPV\"") || !number_of(line, "mode", &mode) || mode < 2 ||
	    !number_of(line, "lat", &lat) || !number_of(line, "lon", &lon))
		return 0;
	whole = number_of(line, "eph", &acc) || number_of(line, "epx", &ex);
	/* height above sea level, as a person reads it; gpsd names it altMSL
	 * (older gpsd: alt), else only the ellipsoid's */
	if (!number_of(line, "altMSL", &alt) && !number_of(line, "alt", &alt))
		number_of(line, "altHAE", &alt);
	if (!number_of(line, "eph", &acc) && number_of(line, "epx", &ex) &&
	    number_of(line, "epy", &ey))
		acc = ex > ey ? ex : ey;
	if (acc < 0)
		acc = 0;
	snprintf(geo, MAX_GEO + 1, "%.7f %.7f %.1f %.1f", lat, lon, alt, acc);
	if (geo_check(geo, "", NULL))
		return 0;
	return whole ? 2 : 1;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A connected socket to 127.0.0.1:port, or -1 with errno. */
static int dial(int port, int timeout_ms)
{
	struct sockaddr_in sa;
	struct pollfd p;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0), e = 0;
	socklen_t len = sizeof e;

	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
		return fd;
	p.fd = fd, p.events = POLLOUT;
	if (errno == EINPROGRESS && poll(&p, 1, timeout_ms) == 1 &&
	    getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len) == 0 && e == 0)
		return fd;
	close(fd);
	errno = e ? e : ETIMEDOUT;
	return -1;
}

/* Reads lines until one is a fix with its accuracy, or the deadline
 * passes (then a fix without one will do); 1, 0, or -1. */
static int read_fix(int fd, long long deadline, char *geo)
{
	char buf[LINE_MAX_BYTES + 1], partial[MAX_GEO + 1] = "";
	size_t have = 0;
	int got;
	struct pollfd p = { fd, POLLIN, 0 };
	ssize_t n;
	char *nl;

	while (now_ms() < deadline) {
		if (poll(&p, 1, (int)(deadline - now_ms())) != 1)
			continue;
		n = read(fd, buf + have, LINE_MAX_BYTES - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		have += (size_t)n;
		buf[have] = '\0';
		while ((nl = strchr(buf, '\n'))) {
			*nl = '\0';
			if ((got = gpsd_parse_tpv(buf, geo)) == 2)
				return 1;
			if (got == 1)
				memcpy(partial, geo, sizeof partial);
			have -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, have + 1);
		}
		if (have == LINE_MAX_BYTES) /* a line longer than any report: dropped */
			have = 0;
	}
	if (!partial[0])
		return 0;
	memcpy(geo, partial, sizeof partial);
	return 1;
}

int gpsd_fix(int port, int timeout_ms, char *geo, struct fc_err *err)
{
	static const char watch[] = "?WATCH={\"enable\":true,\"json\":true};\n";
	const char *env = getenv("FIELDCHECK_GPSD_PORT");
	long long deadline = now_ms() + timeout_ms;
	int fd, rc;

	if (!port)
		port = env && atoi(env) > 0 && atoi(env) < 65536 ? atoi(env) : GPSD_PORT;
	if ((fd = dial(port, timeout_ms)) < 0)
		return fc_failk(err, FC_ENOTFOUND, _("no GPS on this laptop: gpsd does not answer on "
				"127.0.0.1:%d (%s)"), port, strerror(errno));
	if (write(fd, watch, sizeof watch - 1) != (ssize_t)(sizeof watch - 1)) {
		close(fd);
		return fc_failk(err, FC_EIO, _("gpsd on 127.0.0.1:%d: %s"), port, strerror(errno));
	}
	rc = read_fix(fd, deadline, geo);
	close(fd);
	if (rc == 1)
		return 0;
	return fc_fail(err, _("the GPS has no position yet (waited %d s): try again under open "
		       "sky, or type the position"), timeout_ms / 1000);
}
