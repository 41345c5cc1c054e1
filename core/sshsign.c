/* sshsign.c - signing through `ssh-keygen -Y sign` (see sshsig.h).
 *
 * As git does it: the data goes into a private temporary folder, ssh-keygen
 * writes FILE.sig beside it.  No pipes, so ssh-keygen failing early cannot
 * leave us blocked on a write or killed by SIGPIPE.
 */
#include "fileio.h"
#include "sshsig.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Up to max bytes of a file into sb; -1 when it cannot be read. */
static int read_small(const char *path, size_t max, struct strbuf *sb)
{
	char buf[1024];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb->len < max)
		strbuf_add(sb, buf, n < max - sb->len ? n : max - sb->len);
	fclose(f);
	return 0;
}

/* Runs ssh-keygen -Y sign with stdin from /dev/null and its output into
 * log; returns its exit status, or -1 when it could not be run. */
static int run_keygen(const char *keyfile, const char *ns, const char *file, const char *log)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY), out = open(log, O_WRONLY | O_TRUNC);
		if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
			_exit(126);
		execlp("ssh-keygen", "ssh-keygen", "-q", "-Y", "sign", "-n", ns, "-f", keyfile,
		       file, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void cleanup(char *dir, char *file, char *sig, char *log)
{
	unlink(file);
	unlink(sig);
	unlink(log);
	rmdir(dir);
	free(file);
	free(sig);
	free(log);
}

int sshsig_sign(const char *keyfile, const char *ns, const void *data, size_t len,
		struct strbuf *out, struct fc_err *err)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096];
	char *file, *sig, *log;
	struct strbuf msg;
	int rc = -1, st;

	snprintf(dir, sizeof dir, "%s/fieldcheck-sign.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return fc_failk(err, FC_EIO, _("cannot make a folder for signing in %s: %s"),
				tmp && *tmp ? tmp : "/tmp", strerror(errno));
	file = xstrfmt("%s/commit", dir);
	sig = xstrfmt("%s/commit.sig", dir);
	log = xstrfmt("%s/log", dir);
	strbuf_init(&msg);
	if (file_write_new(file, data, len, 0600, err) || file_write_new(log, "", 0, 0600, err))
		goto out;
	st = run_keygen(keyfile, ns, file, log);
	if (st != 0) {
		read_small(log, 400, &msg);
		while (msg.len && (msg.buf[msg.len - 1] == '\n' || msg.buf[msg.len - 1] == '\r'))
			msg.buf[--msg.len] = '\0';
		fc_fail(err, _("signing with %s failed%s%s%s"), keyfile,
			st == 127 ? ": ssh-keygen is not installed (package openssh-client)" : "",
			msg.len ? ": " : "", msg.buf);
		goto out;
	}
	if (read_small(sig, SSHSIG_MAX, out)) {
		fc_failk(err, FC_EIO, _("ssh-keygen wrote no signature"));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&msg);
	cleanup(dir, file, sig, log);
	return rc;
}
