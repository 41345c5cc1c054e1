/* timeit.c - runs a command and says how long it took and how much memory
 * it needed at most.
 *
 *   timeit FILE COMMAND [ARG...]
 *
 * Writes "SECONDS MAXRSS_KB STATUS CPU_SECONDS" to FILE: wall-clock seconds
 * (monotonic clock), the peak resident set of the largest process of the
 * command's tree that was waited for (getrusage RUSAGE_CHILDREN), the exit
 * status, and the user plus system CPU time of that tree (on a shared
 * machine the wall clock includes waiting for a CPU; this does not).  The
 * command's own output passes through.  Exits with the command's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *out;
	pid_t pid;
	int status = 0, code;

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
	while (waitpid(pid, &status, 0) < 0)
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &ru);
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (!(out = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 2;
	}
	fprintf(out, "%.3f %ld %d %.3f\n",
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		ru.ru_maxrss, code,
		(double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
			(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	fclose(out);
	return code;
}
