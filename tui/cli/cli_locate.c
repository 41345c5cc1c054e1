/* cli_locate.c - `fieldcheck inspection locate`: where an inspection took
 * place, as coordinates, from the laptop's GPS (gpsd on 127.0.0.1), from
 * its first photo's Exif, or typed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/gpsd.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/strbuf.h"
#include "core/workspace.h"

#define GPS_WAIT_MS 10000

/* The position of the earliest attached photo that has one. */
static int from_photo(struct fc_workspace *ws, const char *id, char *geo, struct fc_err *err)
{
	struct fc_inspection in;
	const struct fc_attachment *best = NULL;
	size_t i;

	if (inspection_get(ws->store, id, &in, err))
		return -1;
	for (i = 0; i < in.n_attachments; i++) {
		const struct fc_attachment *a = &in.attachments[i];
		if (a->geo[0] && !a->withdrawn[0] && (!best || strcmp(a->at, best->at) < 0))
			best = a;
	}
	if (best)
		snprintf(geo, MAX_GEO + 1, "%s", best->geo);
	inspection_clear(&in);
	return best ? 0 : fc_fail(err, _("no photo attached to inspection %.8s says where it was "
				    "taken"), id);
}

/* "LAT LON [ALT [ACCURACY]]" as typed into a geopoint (missing parts 0);
 * inspection_set_geo checks it. */
static int typed(const char *const *pos, size_t n, char *geo)
{
	snprintf(geo, MAX_GEO + 1, "%s %s %s %s", pos[0], pos[1], n > 2 ? pos[2] : "0",
		 n > 3 ? pos[3] : "0");
	return 0;
}

int cli_inspection_locate(struct cli *cli, int argc, char **argv, const char *usage)
{
	const char *pos[5], *source;
	char id[FC_UUID_LEN + 1], geo[MAX_GEO + 1];
	struct fc_workspace *ws;
	struct fc_err err = { 0 };
	int gps = 0, photo = 0, rc;
	size_t n;
	const struct cli_opt opts[] = {
		{ "gps", OPT_FLAG, NULL, &gps, NULL }, { "photo", OPT_FLAG, NULL, &photo, NULL },
		{ 0 },
	};

	if ((rc = cli_parse(argc, argv, opts, pos, ARRAY_SIZE(pos), &n, usage)))
		return rc;
	if (n < 1 || gps + photo + (n > 1) != 1 || (n > 1 && n < 3))
		return cli_usage(usage, _("inspection locate needs the inspection's id and one of "
				 "--gps, --photo or LAT LON [ALT [ACCURACY]]"));
	if (workspace_open(cli->workspace, &ws, &err))
		return cli_report(&err);
	source = gps ? "gps" : photo ? "photo" : "typed";
	rc = store_expand_id(ws->store, "inspections", pos[0], id, &err) ||
	     (gps ? gpsd_fix(0, GPS_WAIT_MS, geo, &err) :
	      photo ? from_photo(ws, id, geo, &err) : typed(pos + 1, n - 1, geo)) ||
	     inspection_set_geo(ws->store, id, geo, source, &err);
	workspace_close(ws);
	if (rc)
		return cli_report(&err);
	printf(_("inspection %.8s is at %s (%s)\n"), id, geo, source);
	return 0;
}
