/* test_kill.c: nothing committed is lost. A headless game plays the microwave session in
 * real time and is killed with SIGKILL at a random moment, 50 times over; after each kill
 * the session file must load, and every turn the game reported as saved before the kill
 * ("saved turn N" on stdout, printed only after the sync) must be in it, word for word
 * as far as the kind and player go. The random moments come from a fixed seed, printed,
 * so a failure can be replayed. */
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
#include <time.h>
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
 * is somewhere in the middle whenever the kill comes. */
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

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

/* Reads what the game printed: the session path and the highest saved turn. */
static void read_trace(int fd, char *path, size_t n, int *saved)
{
    char buf[65536];
    size_t len = 0;
    ssize_t r;
    while (len < sizeof buf - 1 && (r = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)r;
    buf[len] = '\0';
    close(fd);
    *saved = 0;
    path[0] = '\0';
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        int t;
        if (strncmp(line, "session ", 8) == 0)
            snprintf(path, n, "%s", line + 8);
        else if (sscanf(line, "saved turn %d", &t) == 1 && t > *saved)
            *saved = t;
    }
}

/* One kill after DELAY ms; returns how many turns had been saved. */
static int kill_once(const char *input, int round, double delay)
{
    char data[512], path[1024];
    snprintf(data, sizeof data, "%s/data-%d", tmpdir, round);
    int fd;
    pid_t pid = start_game(input, data, &fd);
    double until = now_ms() + delay;
    struct timespec tick = {0, 500000};
    while (now_ms() < until)
        nanosleep(&tick, NULL);
    kill(pid, SIGKILL);
    int st;
    waitpid(pid, &st, 0);
    int saved;
    read_trace(fd, path, sizeof path, &saved);
    if (!path[0])
        return 0; /* killed before the session file existed: nothing was committed */
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("kill %d after %.0f ms: %s", round, delay, rep.error);
    if ((int)s->n_turns < saved)
        fail_msg("kill %d after %.0f ms: %d turns reported saved, %zu in the file", round, delay,
                 saved, s->n_turns);
    for (int i = 0; i < saved; i++)
        assert_int_equal(s->turns[i].n, i + 1);
    session_free(s);
    return saved;
}

static void test_kill_at_random_moments_loses_no_committed_turn(void **state)
{
    (void)state;
    char input[512];
    snprintf(input, sizeof input, "%s/paced.txt", tmpdir);
    write_paced_input(input);
    /* How long a whole game takes here, so the kills fall across all of it. */
    double t0 = now_ms();
    int fd;
    pid_t pid = start_game(input, tmpdir, &fd);
    int st, full;
    char path[1024];
    read_trace(fd, path, sizeof path, &full);
    waitpid(pid, &st, 0);
    double whole = now_ms() - t0;
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    assert_true(full > 10);

    unsigned seed = 20261122;
    printf("kill test: seed %u, a whole game takes %.0f ms and saves %d turns\n", seed, whole,
           full);
    srand(seed);
    int reached_middle = 0;
    for (int i = 0; i < KILLS; i++) {
        double delay = whole * (rand() / (RAND_MAX + 1.0));
        int saved = kill_once(input, i, delay);
        reached_middle += saved > 0 && saved < full;
    }
    /* The kills must have hit mid-session, not only before or after it. */
    assert_true(reached_middle >= KILLS / 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_at_random_moments_loses_no_committed_turn, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
