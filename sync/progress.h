/* progress.h - how a sync reports the bytes it moves, for a progress bar.
 *
 * Apart from transport.h so that the front ends can pass one without
 * including libgit2: only sync/ includes git2.h.
 */
#ifndef FC_PROGRESS_H
#define FC_PROGRESS_H

#include <stddef.h>

struct sync_progress {
	/* phase: "receiving" or "sending"; may be NULL */
	void (*fn)(void *ctx, const char *phase, size_t done, size_t total, size_t bytes);
	void *ctx;
};

#endif
