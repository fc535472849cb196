/* test_hostile.c: every scenario in tests/data/scenarios-hostile tries to break out of the
 * sandbox or bring the game down (endless loops, memory bombs, deep recursion, huge
 * strings, coroutine floods, io/os/require/debug, bytecode, metatable tricks, odd error
 * values, errors in __gc, __tostring, __index and __close). Each is played through the real
 * binary, headless, from an input file that types a startup and a reply and rates it, so
 * traps inside `play` fire after two committed turns. For each file the test asserts:
 *   - the process exits with status 0 (the game carried on and showed the error screen).
 *     The sandbox's instruction budget and memory cap are what stop a trap; a cap on CPU
 *     seconds (ulimit -t, which a busy machine does not shorten) only ends a runaway that
 *     got past them, so the test fails instead of hanging;
 *   - the output names the file (the error screen's "heard: FILE:LINE: ..." line) and holds
 *     the message the file's "-- hostile: message A|B" line expects ("-" for no error);
 *   - the screenshot taken after the trap was written;
 *   - the session file loads with session_load and holds every turn committed before the
 *     trap (the file's "-- hostile: turns N" line; 0 means none need exist);
 *   - nothing escaped: /tmp/heard-hostile-escaped, which the io/os traps try to create,
 *     does not exist;
 *   - for a file with a "-- hostile: verify" line, `heard replay SESSION --verify` finds
 *     every turn identical (what a scenario shows must not change from run to run). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "game/session/session.h"
#include "tests/support/binary_test.h"

#define HOSTILE_DIR "tests/data/scenarios-hostile"
#define ESCAPED "/tmp/heard-hostile-escaped"
#define CPU_CAP_S 120 /* far above what any file takes, even under a sanitizer */
#define STARTUP "I want a new microwave, ours broke again."
#define REPLY "You want a new microwave because ours broke again."

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "hostile");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* What a hostile file says about itself in its "-- hostile:" lines. */
typedef struct Expect {
    int turns;
    int verify;        /* the session must replay identically */
    char message[256]; /* alternatives joined by '|'; "-" when the game must play on */
} Expect;

static void read_expect(const char *path, Expect *ex)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    ex->turns = -1;
    ex->verify = 0;
    ex->message[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "-- hostile: turns ", 18) == 0)
            ex->turns = atoi(line + 18);
        else if (strcmp(line, "-- hostile: verify") == 0)
            ex->verify = 1;
        else if (strncmp(line, "-- hostile: message ", 20) == 0)
            snprintf(ex->message, sizeof ex->message, "%.255s", line + 20);
    }
    fclose(f);
    if (ex->turns < 0 || !ex->message[0])
        fail_msg("%s: needs '-- hostile: turns N' and '-- hostile: message TEXT' lines", path);
}

/* Whether OUT holds one of the '|'-separated ALTERNATIVES. */
static int holds_one_of(const char *out, const char *alternatives)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", alternatives);
    for (char *save = NULL, *a = strtok_r(buf, "|", &save); a; a = strtok_r(NULL, "|", &save))
        if (strstr(out, a))
            return 1;
    return 0;
}

/* The one session file in DIR, or "" when there is none. */
static void find_session(const char *dir, char *out, size_t n)
{
    out[0] = '\0';
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 6 && strcmp(e->d_name + len - 6, ".jsonl") == 0)
            snprintf(out, n, "%s/%s", dir, e->d_name);
    }
    closedir(d);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Plays one hostile file and checks everything the header comment promises. */
static void play_hostile(const char *name)
{
    char path[512], input[600], shot[600], data[600], cmd[3000], session[1200];
    static char out[65536];
    snprintf(path, sizeof path, "%s/%s", HOSTILE_DIR, name);
    Expect ex;
    read_expect(path, &ex);

    snprintf(input, sizeof input, "%s/%s.txt", tmpdir, name);
    snprintf(shot, sizeof shot, "%s/%s.bmp", tmpdir, name);
    snprintf(data, sizeof data, "%s/data-%s", tmpdir, name);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fprintf(f,
            "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
            "type " STARTUP "\nkey Return\ntype " REPLY "\nkey Return\nkey 1\n"
            "wait 500\nshot %s\n",
            shot);
    fclose(f);

    unlink(ESCAPED);
    snprintf(cmd, sizeof cmd,
             "ulimit -t %d; exec %s play %s --headless --input %s --data-dir %s 2>&1", CPU_CAP_S,
             bt_bin(), path, input, data);
    int rc = bt_run(cmd, out, sizeof out);
    if (rc == -1)
        fail_msg("%s: the game was ended by a signal (a runaway past the sandbox's limits is "
                 "stopped after %d s of CPU); output:\n%s",
                 name, CPU_CAP_S, out);
    if (rc != 0)
        fail_msg("%s: exit status %d, output:\n%s", name, rc, out);

    if (strcmp(ex.message, "-") == 0) {
        if (strstr(out, "heard: "))
            fail_msg("%s: expected to play on without an error, got:\n%s", name, out);
    } else {
        char where[600];
        snprintf(where, sizeof where, "heard: %s:", path);
        if (!strstr(out, where))
            fail_msg("%s: no message naming the file (%s); output:\n%s", name, where, out);
        if (!holds_one_of(out, ex.message))
            fail_msg("%s: expected '%s' in the message; output:\n%s", name, ex.message, out);
    }
    struct stat sb;
    if (stat(shot, &sb) != 0 || sb.st_size < 1000)
        fail_msg("%s: the screenshot after the trap was not written", name);
    if (stat(ESCAPED, &sb) == 0)
        fail_msg("%s: escaped the sandbox and wrote %s", name, ESCAPED);

    find_session(data, session, sizeof session);
    if (ex.turns == 0 && !session[0])
        return;
    if (!session[0])
        fail_msg("%s: no session file in %s", name, data);
    SessionLoadReport rep;
    Session *s = session_load(session, &rep);
    if (!s)
        fail_msg("%s: the session does not load: %s", name, rep.error);
    if (s->n_turns < (size_t)ex.turns)
        fail_msg("%s: %zu turns saved, expected at least %d", name, s->n_turns, ex.turns);
    if (ex.turns >= 2) { /* the two typed turns, whatever notes the flow added around them */
        const char *startup = NULL, *reply = NULL;
        for (size_t i = 0; i < s->n_turns; i++) {
            if (!startup && strcmp(s->turns[i].kind, "startup") == 0)
                startup = s->turns[i].text;
            if (!reply && strcmp(s->turns[i].kind, "reply") == 0)
                reply = s->turns[i].text;
        }
        assert_non_null(startup);
        assert_non_null(reply);
        assert_string_equal(startup, STARTUP);
        assert_string_equal(reply, REPLY);
    }
    session_free(s);
    if (ex.verify) {
        snprintf(cmd, sizeof cmd, "ulimit -t %d; exec %s replay %s --verify 2>&1", CPU_CAP_S,
                 bt_bin(), session);
        rc = bt_run(cmd, out, sizeof out);
        if (rc != 0 || !strstr(out, "identical: "))
            fail_msg("%s: the session does not replay identically (exit %d):\n%s", name, rc, out);
    }
}

static void test_hostile_file(void **state)
{
    play_hostile((const char *)*state);
}

/* One test per file, named after it, so one failure does not hide the others. */
int main(void)
{
    DIR *d = opendir(HOSTILE_DIR);
    if (!d) {
        fprintf(stderr, "test_hostile: cannot open %s (run from the repository root)\n",
                HOSTILE_DIR);
        return 1;
    }
    static char names[128][256];
    static struct CMUnitTest tests[128];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 128) {
        size_t len = strlen(e->d_name);
        if (len > 4 && len < sizeof names[0] && strcmp(e->d_name + len - 4, ".lua") == 0)
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_names);
    for (size_t i = 0; i < n; i++)
        tests[i] = (struct CMUnitTest){names[i], test_hostile_file, setup, teardown, names[i]};
    if (n < 20) {
        fprintf(stderr, "test_hostile: only %zu files in %s\n", n, HOSTILE_DIR);
        return 1;
    }
    return _cmocka_run_group_tests("hostile", tests, n, NULL, NULL);
}
