/* test_kill.c: nothing committed is lost. A headless game plays the microwave session at a
 * walking pace (each input command followed by a short real-time wait) and is killed with
 * SIGKILL right after it reports its N-th saved turn ("saved turn N" on stdout, printed only
 * after the sync), for every N from 0 (just after the session file was created) to the last
 * turn but one, over and over, 50 kills in all. After each kill the session file must load,
 * and every turn the game reported as saved must be in it, in order. The kill moments are
 * counted in saved turns, not in seconds, so a busy machine changes nothing but how far the
 * game got past the N-th save before the kill landed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "game/session/session.h"
#include "tests/support/binary_test.h"

#define KILLS 50
#define PACE_MS 6

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "kill");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* The two-round session without screenshots, with a pause after every command so the game
 * is still in the middle of the session when the kill comes. */
static void write_paced_input(const char *dst)
{
    FILE *in = fopen("tests/data/play/microwave-two-rounds.txt", "r"), *out = fopen(dst, "w");
    assert_non_null(in);
    assert_non_null(out);
    char line[1024];
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "shot ", 5) == 0 || strncmp(line, "wait ", 5) == 0)
            continue;
        fputs(line, out);
        if (line[0] != '#' && line[0] != '\n')
            fprintf(out, "wait %d\n", PACE_MS);
    }
    fclose(in);
    fclose(out);
}

/* Starts the game with stdout on a pipe; returns its pid and the read end in *FD. */
static pid_t start_game(const char *input, const char *data, int *fd)
{
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(p[1], STDOUT_FILENO);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDERR_FILENO);
        close(p[0]);
        execl(bt_bin(), bt_bin(), "play", "microwave", "--headless", "--realtime", "--trace",
              "--input", input, "--data-dir", data, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    *fd = p[0];
    return pid;
}

/* What the game printed so far: the session path and the highest saved turn. */
typedef struct Trace {
    char buf[65536];
    size_t len, scanned;
    char path[1024];
    int saved;
} Trace;

/* Reads the next line from FD into TR, updating the path and the saved count. Returns 1, or
 * 0 at the end of the output. */
static int read_line(int fd, Trace *tr)
{
    for (;;) {
        char *nl = memchr(tr->buf + tr->scanned, '\n', tr->len - tr->scanned);
        if (nl) {
            *nl = '\0';
            const char *line = tr->buf + tr->scanned;
            tr->scanned = (size_t)(nl - tr->buf) + 1;
            int t;
            if (strncmp(line, "session ", 8) == 0)
                snprintf(tr->path, sizeof tr->path, "%s", line + 8);
            else if (sscanf(line, "saved turn %d", &t) == 1 && t > tr->saved)
                tr->saved = t;
            return 1;
        }
        if (tr->len == sizeof tr->buf - 1)
            return 0; /* more output than the game ever prints: stop reading */
        ssize_t r = read(fd, tr->buf + tr->len, sizeof tr->buf - 1 - tr->len);
        if (r <= 0)
            return 0;
        tr->len += (size_t)r;
    }
}

/* Reads lines until the game has reported N saved turns (N = 0: until it named the session
 * file). Returns 1 when it did, 0 when the output ended first. */
static int read_until_saved(int fd, Trace *tr, int n)
{
    while (n == 0 ? !tr->path[0] : tr->saved < n)
        if (!read_line(fd, tr))
            return 0;
    return 1;
}

/* Kill number ROUND: right after the game reports N saved turns. Returns how many turns it
 * had reported saved by the time it died. */
static int kill_after(const char *input, int round, int n)
{
    char data[512];
    snprintf(data, sizeof data, "%s/data-%d", tmpdir, round);
    int fd;
    pid_t pid = start_game(input, data, &fd);
    static Trace tr;
    memset(&tr, 0, sizeof tr);
    int reached = read_until_saved(fd, &tr, n);
    kill(pid, SIGKILL);
    int st;
    waitpid(pid, &st, 0);
    while (read_line(fd, &tr)) /* what it printed before the kill landed */
        ;
    close(fd);
    if (!reached)
        fail_msg("kill %d: the game ended before it reported %d saved turns", round, n);
    SessionLoadReport rep;
    Session *s = session_load(tr.path, &rep);
    if (!s)
        fail_msg("kill %d after saved turn %d: %s", round, n, rep.error);
    if ((int)s->n_turns < tr.saved)
        fail_msg("kill %d after saved turn %d: %d turns reported saved, %zu in the file", round, n,
                 tr.saved, s->n_turns);
    for (int i = 0; i < tr.saved; i++)
        assert_int_equal(s->turns[i].n, i + 1);
    session_free(s);
    return tr.saved;
}

static void test_kill_after_each_saved_turn_loses_no_committed_turn(void **state)
{
    (void)state;
    char input[512], data[512];
    snprintf(input, sizeof input, "%s/paced.txt", tmpdir);
    snprintf(data, sizeof data, "%s/data-whole", tmpdir);
    write_paced_input(input);
    /* A whole game first: how many turns it saves. */
    int fd;
    pid_t pid = start_game(input, data, &fd);
    static Trace whole;
    while (read_line(fd, &whole))
        ;
    close(fd);
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    int full = whole.saved;
    assert_true(full > 10);
    printf("kill test: a whole game saves %d turns\n", full);

    int mid_session = 0;
    for (int i = 0; i < KILLS; i++) {
        int n = i % full; /* 0 .. full - 1, each at least twice */
        int saved = kill_after(input, i, n);
        mid_session += saved < full;
    }
    printf("kill test: %d of %d kills landed before the session ended\n", mid_session, KILLS);
    /* Most kills must land before the end of the session, or the test proves nothing. The
     * pace leaves dozens of milliseconds between one save and the next, so only a kill
     * delayed past the rest of the game misses. */
    if (mid_session < KILLS / 2)
        fail_msg("only %d of %d kills landed before the session ended", mid_session, KILLS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_after_each_saved_turn_loses_no_committed_turn,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
