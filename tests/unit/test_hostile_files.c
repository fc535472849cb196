/* test_hostile_files.c: every file in tests/hostile/ — scenarios, session files, rows of
 * labelled data (CSV) and input files — built to stop the game: a long text, a length a
 * script controls, host memory outside the cap, lines the reader cannot read back, markup
 * in an export, bytes that are not UTF-8, a NUL, numbers that overflow, a quadratic export,
 * a FIFO, signals. Each file is run through the real binary as a user would meet it, and
 * its sidecar NAME.expect says what must happen:
 *
 *   run KIND [ARG]  check [FILE] (FILE is checked after) | check-json | play | verify | export
 * md|html|text | eval | input | sigterm TEXT (play with the game's clock in real time; SIGTERM once
 *                   TEXT is in the output) | sigterm-input SCENARIO TEXT (the same, the input
 *                   file played on SCENARIO)
 *   exit N          the exit status (the process must never end by a signal)
 *   says TEXT       the output (stdout and stderr; for export, the file written) holds TEXT
 *   never TEXT      ... and never TEXT
 *   escaped CHARS   wherever one of CHARS appears in the output, a backslash is before it
 *   turns N         play, input: the saved session holds exactly N turns
 *   verify          play, input: the saved session replays identically (`--verify`)
 *   memory KIB      the peak resident memory of the process is at most KIB KiB (three
 *                   times that in a build with AddressSanitizer, whose shadow memory and
 *                   quarantine of freed blocks grow every process; still far below the
 *                   gigabytes the bugs these limits cover took)
 *   env NAME=VALUE  set in the environment of the run (e.g. HEARD_CHECK_SECONDS=1)
 *   cpu S           a lower cap on its processor seconds (a runaway backstop, never a
 *                   measure: far above what the case takes, far below what the quadratic
 *                   or endless version of the bug it covers took)
 *
 * "{file}" in a line stands for the case's path. A few cases are too big to keep in the
 * repository (megabytes of text, tens of thousands of turns): the test writes them into its
 * temporary folder first and runs them the same way (the generated_* tests below).
 * Limits are asserted as counts (exit codes, turns, bytes, peak memory); a cap of CPU
 * seconds (setrlimit) only ends a runaway, so the test fails instead of hanging. */
#define _DEFAULT_SOURCE /* wait4: the peak memory of the one child */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "engine/core/hash.h"
#include "game/session/session.h"
#include "tests/support/binary_test.h"

#define HOSTILE_DIR "tests/hostile"
#define CPU_CAP_S 120 /* far above what any case takes, even under a sanitizer */
#define OUT_MAX (1 << 20)
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_FACTOR 3
#else
#define MEMORY_FACTOR 1
#endif
#define STARTUP "I want a new microwave, ours broke again."
#define REPLY "You want a new microwave because ours broke again."

static char tmpdir[256];
static int case_no;

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "hostile-files");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* ---- running the binary ------------------------------------------------------------ */

typedef struct Run {
    int status;   /* exit status, or -1 when ended by a signal */
    int signal;   /* the signal that ended it, or 0 */
    long max_rss; /* peak resident memory in KiB */
    char *out;    /* stdout and stderr (at most OUT_MAX bytes), owned */
} Run;

static int cpu_cap = CPU_CAP_S; /* for the next run_argv */
static const char *term_after;  /* for the next run_argv: SIGTERM once this is output */
static const char *run_env;     /* for the next run_argv: NAME=VALUE, or NULL */
static int stdout_only;         /* for the next run_argv: stderr to /dev/null */

/* Whether the file PATH holds TEXT. */
static int file_holds(const char *path, const char *text)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char buf[OUT_MAX + 1];
    size_t n = fread(buf, 1, OUT_MAX, f);
    buf[n] = '\0';
    fclose(f);
    return strstr(buf, text) != NULL;
}

/* Waits for the child PID to write TEXT to OUTPATH (or to end), then sends it SIGTERM. */
static void term_when_seen(pid_t pid, const char *outpath, const char *text)
{
    for (;;) {
        if (file_holds(outpath, text)) {
            kill(pid, SIGTERM);
            return;
        }
        siginfo_t info;
        memset(&info, 0, sizeof info);
        if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid)
            return; /* it ended before saying it: the checks below tell how */
        usleep(20000);
    }
}

/* Runs ARGV (the binary first) with stdout and stderr captured, under the CPU cap. */
static Run run_argv(char *const argv[])
{
    char outpath[400];
    snprintf(outpath, sizeof outpath, "%s/out-%d.txt", tmpdir, ++case_no);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0)
            _exit(126);
        dup2(fd, 1);
        if (stdout_only) {
            close(fd);
            fd = open("/dev/null", O_WRONLY);
        }
        dup2(fd, 2);
        close(fd);
        if (run_env)
            putenv((char *)run_env);
        struct rlimit cpu = {(rlim_t)cpu_cap, (rlim_t)cpu_cap};
        setrlimit(RLIMIT_CPU, &cpu);
        execv(argv[0], argv);
        _exit(127);
    }
    if (term_after)
        term_when_seen(pid, outpath, term_after);
    int st = 0;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0)
        ;
    Run r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, WIFSIGNALED(st) ? WTERMSIG(st) : 0, ru.ru_maxrss,
             calloc(1, OUT_MAX + 1)};
    assert_non_null(r.out);
    FILE *f = fopen(outpath, "rb");
    if (f) {
        size_t n = fread(r.out, 1, OUT_MAX, f);
        r.out[n] = '\0';
        fclose(f);
    }
    return r;
}

/* Appends the whole file PATH (at most OUT_MAX bytes in all) to R's output. */
static void add_file(Run *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t have = strlen(r->out);
    size_t n = fread(r->out + have, 1, OUT_MAX - have, f);
    r->out[have + n] = '\0';
    fclose(f);
}

/* ---- what a case expects ------------------------------------------------------------ */

#define LINES_MAX 16

typedef struct Expect {
    char run[32], arg[400];
    int exit;
    char says[LINES_MAX][512];
    int nsays;
    char never[LINES_MAX][512];
    int nnever;
    char escaped[32];
    int turns; /* -1: not checked */
    int verify;
    long memory; /* KiB; 0: not checked */
    int cpu;     /* seconds; 0: CPU_CAP_S */
    char env[128];
} Expect;

/* Replaces "{file}" in LINE by PATH. */
static void expand(char *dst, size_t cap, const char *line, const char *path)
{
    const char *at = strstr(line, "{file}");
    if (!at)
        snprintf(dst, cap, "%s", line);
    else
        snprintf(dst, cap, "%.*s%s%s", (int)(at - line), line, path, at + 6);
}

static void parse_expect_line(Expect *ex, const char *line, const char *path, const char *where)
{
    if (line[0] == '#' || line[0] == '\0')
        return;
    if (strncmp(line, "run ", 4) == 0) {
        if (sscanf(line + 4, "%31s %399[^\n]", ex->run, ex->arg) < 1)
            fail_msg("%s: 'run' needs a kind", where);
    } else if (strncmp(line, "exit ", 5) == 0)
        ex->exit = atoi(line + 5);
    else if (strncmp(line, "says ", 5) == 0 && ex->nsays < LINES_MAX)
        expand(ex->says[ex->nsays++], sizeof ex->says[0], line + 5, path);
    else if (strncmp(line, "never ", 6) == 0 && ex->nnever < LINES_MAX)
        expand(ex->never[ex->nnever++], sizeof ex->never[0], line + 6, path);
    else if (strncmp(line, "escaped ", 8) == 0)
        snprintf(ex->escaped, sizeof ex->escaped, "%s", line + 8);
    else if (strncmp(line, "turns ", 6) == 0)
        ex->turns = atoi(line + 6);
    else if (strcmp(line, "verify") == 0)
        ex->verify = 1;
    else if (strncmp(line, "env ", 4) == 0)
        snprintf(ex->env, sizeof ex->env, "%s", line + 4);
    else if (strncmp(line, "cpu ", 4) == 0)
        ex->cpu = atoi(line + 4);
    else if (strncmp(line, "memory ", 7) == 0)
        ex->memory = atol(line + 7) * MEMORY_FACTOR;
    else
        fail_msg("%s: unknown line '%s'", where, line);
}

static void expect_init(Expect *ex)
{
    memset(ex, 0, sizeof *ex);
    ex->exit = -2;
    ex->turns = -1;
}

#define RUNS_MAX 6

/* Parses the expect lines of TEXT ('\n'-separated; WHERE names them in messages) into EX:
 * each "run" line starts the next run. Returns how many runs. */
static int parse_expect(Expect ex[RUNS_MAX], const char *text, const char *path, const char *where)
{
    int n = 0;
    char *buf = strdup(text);
    assert_non_null(buf);
    for (char *save = NULL, *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (strncmp(l, "run ", 4) == 0) {
            if (n == RUNS_MAX) {
                fail_msg("%s: at most %d runs", where, RUNS_MAX);
                break; /* not reached: fail_msg ends the test */
            }
            expect_init(&ex[n++]);
        } else if (n == 0 && l[0] != '#') {
            fail_msg("%s: '%s' before the first 'run' line", where, l);
        }
        if (n > 0)
            parse_expect_line(&ex[n - 1], l, path, where);
    }
    free(buf);
    for (int i = 0; i < n; i++)
        if (ex[i].exit == -2)
            fail_msg("%s: run %d ('%s') needs an 'exit' line", where, i + 1, ex[i].run);
    if (n == 0)
        fail_msg("%s: needs at least one 'run' line", where);
    return n;
}

/* Reads CASE.expect for the case at PATH into EX. Returns how many runs. */
static int read_expect(const char *path, Expect ex[RUNS_MAX])
{
    char name[700];
    snprintf(name, sizeof name, "%.600s.expect", path);
    FILE *f = fopen(name, "r");
    if (!f)
        fail_msg("%s: no %s saying what must happen", path, name);
    static char text[16384];
    size_t len = fread(text, 1, sizeof text - 1, f);
    text[len] = '\0';
    fclose(f);
    return parse_expect(ex, text, path, name);
}

/* ---- the kinds of run -------------------------------------------------------------- */

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

/* Writes the input file that plays a startup, a reply and a rating. */
static void write_play_input(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
          "type " STARTUP "\nkey Return\ntype " REPLY "\nkey Return\nkey 1\nwait 500\n",
          f);
    fclose(f);
}

/* Runs the case at PATH as EX says; *SESSION gets the session a play saved ("" if none). */
static Run run_case(const char *path, const Expect *ex, char *session, size_t n)
{
    char *bin = (char *)bt_bin(), data[500], input[500], out[500];
    int k = ++case_no;
    snprintf(data, sizeof data, "%s/data-%d", tmpdir, k);
    snprintf(input, sizeof input, "%s/input-%d.txt", tmpdir, k);
    snprintf(out, sizeof out, "%s/export-%d", tmpdir, k);
    session[0] = '\0';
    cpu_cap = ex->cpu ? ex->cpu : CPU_CAP_S;
    run_env = ex->env[0] ? ex->env : NULL;
    Run r;
    if (strcmp(ex->run, "check") == 0) {
        char *argv[] = {bin, "check", (char *)path, ex->arg[0] ? (char *)ex->arg : NULL, NULL};
        r = run_argv(argv);
    } else if (strcmp(ex->run, "check-sigterm") == 0) {
        char *argv[] = {bin, "check", (char *)path, "scripts/scenarios/dishes.lua", NULL};
        term_after = ex->arg;
        r = run_argv(argv);
        term_after = NULL;
    } else if (strcmp(ex->run, "check-json") == 0) {
        char *argv[] = {bin, "check", "--json", (char *)path, "scripts/scenarios/dishes.lua", NULL};
        stdout_only = 1;
        r = run_argv(argv);
        stdout_only = 0;
    } else if (strcmp(ex->run, "play") == 0 || strcmp(ex->run, "input") == 0) {
        int play = strcmp(ex->run, "play") == 0;
        if (play)
            write_play_input(input);
        char *scenario = play ? (char *)path : (char *)ex->arg;
        char *argv[] = {bin,          "play",    scenario,
                        "--headless", "--input", play ? input : (char *)path,
                        "--data-dir", data,      NULL};
        r = run_argv(argv);
        find_session(data, session, n);
    } else if (strcmp(ex->run, "sigterm") == 0 || strcmp(ex->run, "sigterm-input") == 0) {
        int own = strcmp(ex->run, "sigterm") == 0;
        char scenario[400] = "", *text = (char *)ex->arg;
        if (own) {
            write_play_input(input);
            FILE *f = fopen(input, "a");
            assert_non_null(f);
            fputs("wait 600000\n", f); /* idle until the signal comes */
            fclose(f);
        } else {
            text = strchr(ex->arg, ' ');
            assert_non_null(text);
            snprintf(scenario, sizeof scenario, "%.*s", (int)(text - ex->arg), ex->arg);
            text++;
        }
        char *argv[] = {
            bin,       "play",    own ? (char *)path : scenario, "--headless", "--realtime",
            "--trace", "--input", own ? input : (char *)path,    "--data-dir", data,
            NULL};
        term_after = text;
        r = run_argv(argv);
        term_after = NULL;
        find_session(data, session, n);
    } else if (strcmp(ex->run, "verify") == 0) {
        char *argv[] = {bin, "replay", (char *)path, "--verify", NULL};
        r = run_argv(argv);
    } else if (strcmp(ex->run, "export") == 0) {
        char *argv[] = {bin, "export", (char *)path, "--format", (char *)ex->arg, "-o", out, NULL};
        r = run_argv(argv);
        add_file(&r, out);
    } else if (strcmp(ex->run, "eval") == 0) {
        char *argv[] = {bin, "eval", (char *)path, NULL};
        r = run_argv(argv);
    } else {
        fail_msg("%s: unknown run '%s'", path, ex->run);
    }
    cpu_cap = CPU_CAP_S;
    run_env = NULL;
    if (strcmp(ex->run, "check-json") == 0) { /* whatever happened, the output is JSON */
        json_error_t jerr;
        json_t *j = json_loads(r.out, 0, &jerr);
        if (!j)
            fail_msg("%s: check --json printed no JSON (%s at line %d):\n%.4000s", path, jerr.text,
                     jerr.line, r.out);
        json_decref(j);
    }
    return r;
}

/* Checks what the run of the case at PATH did against EX. */
static void check_case(const char *path, const Expect *ex)
{
    char session[1200];
    Run r = run_case(path, ex, session, sizeof session);
    print_message("    %s %s: exit %d, peak memory %ld KiB\n", ex->run, ex->arg, r.status,
                  r.max_rss);
    if (r.status == -1)
        fail_msg("%s: ended by signal %d (%s); output:\n%.4000s", path, r.signal,
                 strsignal(r.signal), r.out);
    if (r.status != ex->exit)
        fail_msg("%s: exit status %d, expected %d; output:\n%.4000s", path, r.status, ex->exit,
                 r.out);
    for (int i = 0; i < ex->nsays; i++)
        if (!strstr(r.out, ex->says[i]))
            fail_msg("%s: expected '%s' in the output:\n%.4000s", path, ex->says[i], r.out);
    for (int i = 0; i < ex->nnever; i++)
        if (strstr(r.out, ex->never[i]))
            fail_msg("%s: '%s' must not appear in the output:\n%.4000s", path, ex->never[i], r.out);
    for (const char *p = r.out; ex->escaped[0] && *p; p++)
        if (strchr(ex->escaped, *p) && (p == r.out || p[-1] != '\\'))
            fail_msg("%s: '%c' not escaped at byte %ld of the output:\n%.4000s", path, *p,
                     (long)(p - r.out), r.out);
    if (ex->memory && r.max_rss > ex->memory)
        fail_msg("%s: peak memory %ld KiB, more than the %ld KiB allowed", path, r.max_rss,
                 ex->memory);
    if (ex->turns >= 0 || ex->verify) {
        if (!session[0])
            fail_msg("%s: no session was saved; output:\n%.4000s", path, r.out);
        SessionLoadReport rep;
        Session *s = session_load(session, &rep);
        if (!s)
            fail_msg("%s: the saved session does not load: %s", path, rep.error);
        if (ex->turns >= 0 && s->n_turns != (size_t)ex->turns)
            fail_msg("%s: %zu turns saved, expected %d", path, s->n_turns, ex->turns);
        session_free(s);
    }
    if (ex->verify) {
        char *argv[] = {(char *)bt_bin(), "replay", session, "--verify", NULL};
        Run v = run_argv(argv);
        if (v.status != 0 || !strstr(v.out, "identical: "))
            fail_msg("%s: the saved session does not replay identically (exit %d):\n%.4000s", path,
                     v.status, v.out);
        free(v.out);
    }
    free(r.out);
}

/* ---- the cases in the repository ----------------------------------------------------- */

static int is_case(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && !(n > 7 && strcmp(name + n - 7, ".expect") == 0) &&
           !(n > 3 && strcmp(name + n - 3, ".py") == 0);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every case of tests/hostile/KIND, in name order. */
static void run_folder(const char *kind)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/%s", HOSTILE_DIR, kind);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 256)
        if (is_case(e->d_name))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        Expect ex[RUNS_MAX];
        int runs = read_expect(path, ex);
        print_message("  %s\n", path);
        for (int k = 0; k < runs; k++)
            check_case(path, &ex[k]);
        free(names[i]);
    }
}

static void test_hostile_scenarios(void **state)
{
    (void)state;
    run_folder("scenarios");
}

static void test_hostile_csv(void **state)
{
    (void)state;
    run_folder("csv");
}

static void test_hostile_input(void **state)
{
    (void)state;
    run_folder("input");
}

static void test_hostile_sessions(void **state)
{
    (void)state;
    run_folder("sessions");
}

/* ---- generated cases -------------------------------------------------------------- */

/* Writes LEN bytes of DATA to the file NAME in the temporary folder; PATH gets its path. */
static void write_case(const char *name, const char *data, size_t len, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

/* Runs the generated case at PATH as the expect lines TEXT say. */
static void check_generated(const char *path, const char *text)
{
    Expect ex[RUNS_MAX];
    int runs = parse_expect(ex, text, path, path);
    print_message("  %s\n", path);
    for (int k = 0; k < runs; k++)
        check_case(path, &ex[k]);
}

/* A scenario that fills its 512 KiB with 20,000 examples: each example's line was found by
 * reading the source from the start again (a minute of `heard check`, and the picker stalled
 * as long), and the check kept each with its moves (120 MB). A scenario has at most 1,000
 * examples, and their lines are found in one pass. */
static void test_generated_many_examples(void **state)
{
    (void)state;
    size_t cap = 600000, n = 0;
    char *src = malloc(cap), path[600];
    assert_non_null(src);
    n += (size_t)snprintf(src, cap,
                          "return {\n    id = \"many\",\n    title = \"Many examples\",\n"
                          "    description = \"d\",\n    difficulty = 1,\n    examples = {\n");
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(src + n, cap - n, "{reply=\"ok\",moves={}},\n");
    n += (size_t)snprintf(src + n, cap - n, "    },\n}\n");
    write_case("many_examples.lua", src, n, path, sizeof path);
    free(src);
    check_generated(path, "run check\nexit 1\ncpu 30\nmemory 204800\nsays {file}:6: error: "
                          "field 'examples' has 20000 entries; at most 1000 are checked\n");
}

/* Nine megabytes of comments: a scenario larger than a session line could store. */
static void test_generated_huge_scenario(void **state)
{
    (void)state;
    size_t n = (size_t)9 * 1024 * 1024;
    char *src = malloc(n), path[600];
    assert_non_null(src);
    const char *table = "return { id = \"big\", title = \"Big\", description = \"d\", "
                        "difficulty = 1 }\n";
    memset(src, '-', n);
    for (size_t i = 79; i < n; i += 80)
        src[i] = '\n';
    memcpy(src + n - strlen(table), table, strlen(table));
    write_case("comments_9mb.lua", src, n, path, sizeof path);
    free(src);
    check_generated(path, "run check\nexit 1\nsays {file}: error: cannot read the file: it is "
                          "9,437,184 bytes; the limit is 512 KiB (a scenario is saved whole "
                          "with every session)\n"
                          "run play\nexit 2\nsays {file}: error: cannot read the file: it is "
                          "9,437,184 bytes\n");
}

/* A FIFO where a scenario or a session should be: refused at once, nothing waits. */
static void test_generated_fifos(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/pipe.lua", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    check_generated(path, "run check\nexit 1\ncpu 30\nsays {file}: error: cannot read the file: "
                          "it is a FIFO (a named pipe), not a regular file\n");
    snprintf(path, sizeof path, "%s/pipe.jsonl", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    check_generated(path, "run export md\nexit 2\ncpu 30\nsays cannot read {file}: it is a FIFO "
                          "(a named pipe), not a file\n"
                          "run verify\nexit 2\ncpu 30\nsays it is a FIFO\n");
}

/* Writes the header of a session of the scenario "return {}" into F. */
static void session_header(FILE *f)
{
    char hash[17];
    hash_text("return {}", 9, hash);
    fprintf(f,
            "{\"type\":\"header\",\"format\":4,\"min_reader\":1,\"game_version\":\"0.1.0\","
            "\"scenario_id\":\"kitchen\",\"scenario_path\":\"k.lua\",\"scenario_title\":"
            "\"Kitchen\",\"scenario_source\":\"return {}\",\"scenario_hash\":"
            "\"%s\",\"rules_hash\":\"r\",\"players\":[\"Ana\",\"Ben\"],"
            "\"first\":0,\"seed\":\"7\",\"started\":\"2026-12-05T10:00:00Z\"}\n",
            hash);
}

/* 60,000 parked toasters: the export read every later turn for each of them (38 s); and a
 * session holds at most 2,000 turns, so the rest are left out with a warning. A 9 MB line
 * among them is skipped without being held. */
static void test_generated_big_sessions(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/parks.jsonl", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    session_header(f);
    for (int i = 1; i <= 60000; i++)
        fprintf(f,
                "{\"type\":\"turn\",\"n\":%d,\"round\":1,\"player\":1,\"role\":\"agent\","
                "\"kind\":\"park\",\"text\":\"toaster %d\",\"ms\":%d,\"points\":0,"
                "\"moves\":[]}\n",
                i, i % 50, i);
    fputs("{\"type\":\"turn\",\"text\":\"", f);
    static char block[1 << 16];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 144; i++) /* 9 MiB */
        assert_int_equal(fwrite(block, 1, sizeof block, f), sizeof block);
    fputs("\"}\n", f);
    assert_int_equal(fclose(f), 0);
    for (int k = 0; k < 3; k++) {
        static const char *const formats[] = {"md", "html", "text"};
        char text[1024];
        snprintf(text, sizeof text,
                 "run export %s\nexit 0\ncpu 30\nmemory 204800\n"
                 "says {file}:2002: a turn past the 2,000 a session holds; the line was skipped\n"
                 "says and 57993 more lines left out like these\n"
                 "never toaster 0 (turn 2001\n",
                 formats[k]);
        check_generated(path, text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_scenarios),
        cmocka_unit_test(test_hostile_sessions),
        cmocka_unit_test(test_hostile_csv),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_generated_many_examples),
        cmocka_unit_test(test_generated_huge_scenario),
        cmocka_unit_test(test_generated_fifos),
        cmocka_unit_test(test_generated_big_sessions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
