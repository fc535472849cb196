/* cmd_check.c: `heard check [--json] [--all] FILE...` tests scenario files (see
 * game/check/check.h and docs/scenarios.md) and prints what is wrong in compiler style,
 * then "N files checked: P passed, F failed". Exit 0 when every file passes, 1 when one
 * fails, 2 on a usage error, 128 + the signal when SIGTERM or SIGINT stopped it (the files
 * checked so far are reported, in JSON too). */
#include <dirent.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "engine/core/stop.h"

#include "game/cli/commands.h"
#include "game/cli/root.h"
#include "game/check/check.h"

/* The watchdog: processor seconds one file may take in all (its load, examples and dry run
 * together). The sandbox bounds each step, but a dry run of hundreds of answers, each step
 * near its limit, could still take hours. When the time is up, the scenario is asked to
 * stop (stop_request): it stops at its next instruction, the file fails with a message
 * naming the line, and the check goes on with the next file. HEARD_CHECK_SECONDS sets
 * another number (tests use 1). Processor time, not wall-clock: a busy machine does not
 * make a file fail. */
#define CHECK_FILE_SECONDS 120

/* What to print, and exit, if the file still does not give up a watchdog period after it
 * was asked to stop: only code outside the sandbox could do that, and none is known to. */
static char last_resort[1200];

static void watchdog(int sig)
{
    (void)sig;
    if (stop_requested() == SIGPROF) {
        ssize_t n = write(STDOUT_FILENO, last_resort, strlen(last_resort));
        (void)n;
        _exit(1);
    }
    stop_request(SIGPROF);
}

static int watchdog_seconds(void)
{
    const char *env = getenv("HEARD_CHECK_SECONDS");
    int n = env ? atoi(env) : 0;
    return n > 0 && n <= 86400 ? n : CHECK_FILE_SECONDS;
}

/* Arms the watchdog for PATH (JSON: what the last resort prints is a JSON object). */
static void watchdog_arm(const char *path, int json)
{
    int seconds = watchdog_seconds();
    if (json)
        snprintf(last_resort, sizeof last_resort,
                 "{\"error\": \"the check of a file did not stop %d seconds of processor "
                 "time after it was asked to\", \"failed\": 1}\n",
                 seconds);
    else
        snprintf(last_resort, sizeof last_resort,
                 "\n%.900s: error: the check of this file did not stop %d seconds of processor "
                 "time after it was asked to\n",
                 path, seconds);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = watchdog;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    struct itimerval t = {{seconds, 0}, {seconds, 0}};
    setitimer(ITIMER_PROF, &t, NULL);
}

static void watchdog_disarm(void)
{
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_PROF, &off, NULL);
    if (stop_requested() == SIGPROF)
        stop_clear();
}

static int usage(FILE *out, int code)
{
    fprintf(out,
            "usage: heard check [--json] FILE...    test scenario files\n"
            "       heard check [--json] --all      test every file in scripts/scenarios/\n"
            "  Loads each scenario, checks its fields, scores its examples with the real rules\n"
            "  and plays its flow with scripted answers. Prints FILE:LINE: error: ... for each\n"
            "  problem. Exit 0 when all pass, 1 when any fails, 2 on a usage error.\n"
            "  The coach's guide: docs/scenarios.md\n");
    return code;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends every *.lua of ROOT/scripts/scenarios to *FILES (sorted). Returns 0 or -1. */
static int add_all(char ***files, size_t *n, size_t *cap)
{
    char dir[1024], cwd[1024];
    const char *root = cli_root();
    /* paths read best relative to where the coach stands, when that is the root */
    if (getcwd(cwd, sizeof cwd) && strcmp(cwd, root) == 0)
        root = ".";
    snprintf(dir, sizeof dir, "%s/scripts/scenarios", root);
    if (strcmp(root, ".") == 0)
        snprintf(dir, sizeof dir, "scripts/scenarios");
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr,
                "heard check: cannot read the folder %s; set HEARD_ROOT to the game's folder\n",
                dir);
        return -1;
    }
    size_t first = *n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        if (*n == *cap) {
            size_t ncap = *cap ? *cap * 2 : 16;
            char **bigger = realloc(*files, ncap * sizeof *bigger);
            if (!bigger)
                break;
            *files = bigger;
            *cap = ncap;
        }
        size_t size = strlen(dir) + len + 2;
        char *path = malloc(size);
        if (!path)
            break;
        snprintf(path, size, "%s/%s", dir, e->d_name);
        (*files)[(*n)++] = path;
    }
    closedir(d);
    qsort(*files + first, *n - first, sizeof **files, compare_names);
    return 0;
}

static void print_text(const CheckResult *r)
{
    char line[1600];
    for (size_t i = 0; i < r->nmessages; i++) {
        check_message_format(&r->messages[i], line, sizeof line);
        puts(line);
    }
    check_result_format(r, line, sizeof line);
    puts(line);
}

/* A JSON string for S; Lua texts may hold bytes that are not UTF-8, which JSON cannot. */
static json_t *text(const char *s)
{
    json_t *j = json_string(s);
    if (j)
        return j;
    size_t n = strlen(s);
    char *copy = malloc(n + 1);
    if (!copy)
        return json_string("");
    for (size_t i = 0; i <= n; i++)
        copy[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
    j = json_string(copy);
    free(copy);
    return j;
}

static json_t *json_of_example(const CheckExample *ex)
{
    json_t *expected = json_array(), *found = json_array();
    for (int i = 0; i < ex->nexpected; i++)
        json_array_append_new(expected, json_string(ex->expected[i]));
    for (int i = 0; i < ex->found.count; i++) {
        const Move *m = &ex->found.items[i];
        json_array_append_new(found, json_pack("{s:s, s:i, s:o}", "tag", m->tag, "points",
                                               m->points, "reason", text(m->reason)));
    }
    return json_pack("{s:i, s:i, s:s, s:o, s:o, s:o, s:o, s:b}", "index", ex->index, "line",
                     ex->line, "role", ex->role == ROLE_AGENT ? "agent" : "customer", "context",
                     text(ex->context), "reply", text(ex->reply), "expected", expected, "found",
                     found, "passed", ex->passed);
}

static json_t *json_of_result(const CheckResult *r)
{
    json_t *messages = json_array(), *examples = json_array();
    char line[1600];
    for (size_t i = 0; i < r->nmessages; i++) {
        const CheckMessage *m = &r->messages[i];
        check_message_format(m, line, sizeof line);
        json_array_append_new(messages,
                              json_pack("{s:s, s:o, s:i, s:o, s:o}", "level",
                                        check_level_name(m->level), "file", text(m->file), "line",
                                        m->line, "text", text(m->text), "formatted", text(line)));
    }
    for (size_t i = 0; i < r->nexamples; i++)
        json_array_append_new(examples, json_of_example(&r->examples[i]));
    return json_pack("{s:o, s:b, s:i, s:i, s:o, s:o, s:{s:b, s:i}}", "file", text(r->path),
                     "passed", r->passed, "errors", r->errors, "warnings", r->warnings, "messages",
                     messages, "examples", examples, "flow", "finished", r->flow_finished,
                     "answers", r->flow_answers);
}

/* Checks FILES, printing as it goes (text) or once at the end (JSON). Returns the number
 * of files that failed. */
static int run(Checker *c, char **files, size_t n, int json)
{
    json_t *list = json ? json_array() : NULL;
    int failed = 0;
    size_t i = 0;
    for (; i < n && !stop_requested(); i++) { /* SIGTERM, SIGINT: stop after this file */
        watchdog_arm(files[i], json);
        CheckResult r;
        check_file(c, files[i], &r);
        watchdog_disarm();
        failed += !r.passed;
        if (json)
            json_array_append_new(list, json_of_result(&r));
        else
            print_text(&r);
        check_result_free(&r);
        fflush(stdout);
    }
    n = i;
    int passed = (int)n - failed;
    if (json) {
        json_t *o = json_pack("{s:o, s:i, s:i, s:i}", "files", list, "checked", (int)n, "passed",
                              passed, "failed", failed);
        char *s = json_dumps(o, JSON_INDENT(2));
        if (s)
            puts(s);
        free(s);
        json_decref(o);
    } else {
        printf("%zu file%s checked: %d passed, %d failed\n", n, n == 1 ? "" : "s", passed, failed);
    }
    return failed;
}

int cmd_check(int argc, char **argv)
{
    int json = 0, all = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t n = 0, cap = (size_t)argc + 1;
    if (!files)
        return 2;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--all") == 0)
            all = 1;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            free(files);
            return usage(stdout, 0);
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "heard check: unknown option '%s'\n", argv[i]);
            free(files);
            return usage(stderr, 2);
        } else
            files[n++] = argv[i];
    }
    size_t given = n;
    int rc = 2;
    stop_install(); /* SIGTERM, SIGINT: the file being checked stops, the results so far print */
    if (n == 0 && !all) {
        fprintf(stderr, "heard check: no files to check; name scenario files or use --all\n");
        usage(stderr, 2);
    } else if (!all || add_all(&files, &n, &cap) == 0) {
        ScriptError err;
        Checker *c = check_create(cli_root(), &err);
        if (!c)
            fprintf(stderr, "heard check: cannot load the rules: %s\n", err.message);
        else
            rc = run(c, files, n, json) > 0 ? 1 : 0;
        int why = stop_requested();
        if (why == SIGTERM || why == SIGINT) {
            fprintf(stderr,
                    "heard check: %s; the files after the last one shown were not "
                    "checked\n",
                    stop_reason(why));
            rc = 128 + why;
        }
        check_destroy(c);
    }
    for (size_t i = given; i < n; i++)
        free(files[i]);
    free(files);
    return rc;
}
