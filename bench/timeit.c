/* timeit.c - runs a command and says how long it took and how much memory
 * it needed at most.
 *
 *   timeit FILE COMMAND [ARG...]
 *
 * Writes "SECONDS MAXRSS_KB STATUS CPU_SECONDS ANON_KB" to FILE: wall-clock
 * seconds (monotonic clock), the peak resident set of the largest process
 * of the command's tree that was waited for (getrusage RUSAGE_CHILDREN),
 * the exit status, the user plus system CPU time of that tree (on a shared
 * machine the wall clock includes waiting for a CPU; this does not), and
 * the largest private (anonymous) resident memory any process of the tree
 * was seen with, sampled from /proc every 10 ms.  The last tells a
 * process's own memory from the pages of files it maps (a pack being
 * indexed), which the peak resident set counts too.  The command's own
 * output passes through.  Exits with the command's status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The RssAnon of pid, in KiB (0 when it is gone). */
static long rss_anon(long pid)
{
	char path[64], line[256];
	long kb = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", pid);
	if (!(f = fopen(path, "r")))
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "RssAnon: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* The largest RssAnon of pid and its descendants (depth bounded: a
 * command's tree is a few levels deep). */
static long tree_anon(long pid, int depth)
{
	char path[80];
	long kb = rss_anon(pid), child, c;
	FILE *f;

	if (depth > 8)
		return kb;
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", pid, pid);
	if (!(f = fopen(path, "r")))
		return kb;
	while (fscanf(f, "%ld", &child) == 1)
		if ((c = tree_anon(child, depth + 1)) > kb)
			kb = c;
	fclose(f);
	return kb;
}

int main(int argc, char **argv)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };
	struct timespec t0, t1;
	struct rusage ru;
	FILE *out;
	pid_t pid, got;
	int status = 0, code;
	long anon = 0, a;

	if (argc < 3) {
		fprintf(stderr, "usage: timeit FILE COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	while ((got = waitpid(pid, &status, WNOHANG)) == 0 || (got < 0 && errno == EINTR)) {
		if (got == 0 && (a = tree_anon(pid, 0)) > anon)
			anon = a;
		nanosleep(&tick, NULL);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &ru);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (!(out = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 2;
	}
	fprintf(out, "%.3f %ld %d %.3f %ld\n",
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		ru.ru_maxrss, code,
		(double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
			(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
		anon);
	fclose(out);
	return code;
}
