/* test_scenario.c: scenario files are listed, checked and explained: a broken file shows
 * its error with file and line (and a suggestion for a typo) instead of hiding the list.
 * Real Lua, real files in a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/limits.h"

#include "engine/core/utf8.h"
#include "game/scenario/scenario.h"

typedef struct TempDir {
    char path[64];
    char files[16][128];
    int nfiles;
} TempDir;

static int dir_setup(void **state)
{
    TempDir *d = calloc(1, sizeof *d);
    snprintf(d->path, sizeof d->path, "/tmp/heard-scenario-XXXXXX");
    if (!d || !mkdtemp(d->path))
        return -1;
    *state = d;
    return 0;
}

static int dir_teardown(void **state)
{
    TempDir *d = *state;
    for (int i = 0; i < d->nfiles; i++)
        remove(d->files[i]);
    rmdir(d->path);
    free(d);
    return 0;
}

/* Writes NAME in the temp folder with TEXT; returns its path (owned by D). */
static const char *put(TempDir *d, const char *name, const char *text)
{
    char full[sizeof d->files[0]];
    snprintf(full, sizeof full, "%s/%s", d->path, name);
    char *path = d->files[d->nfiles++];
    memcpy(path, full, sizeof full);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static const char *good(const char *id, const char *title, int difficulty)
{
    static char buf[512];
    snprintf(buf, sizeof buf,
             "return {\n  id = \"%s\",\n  title = \"%s\",\n  description = \"One line.\",\n"
             "  difficulty = %d,\n}\n",
             id, title, difficulty);
    return buf;
}

/* Loads TEXT as a scenario and returns its error message (static), "" when it loads. */
static const char *error_of(TempDir *d, const char *text, int *line_out)
{
    static ScenarioInfo info;
    const char *path = put(d, "case.lua", text);
    int rc = scenario_info_load(path, &info);
    assert_int_equal(rc == 0, info.ok);
    if (line_out) {
        const char *colon = strstr(info.error, ".lua:");
        *line_out = colon ? atoi(colon + 5) : 0;
    }
    d->nfiles--; /* the next case rewrites the same file */
    remove(path);
    return info.error;
}

static void test_scenario_list_keeps_broken_files_with_their_error(void **state)
{
    TempDir *d = *state;
    put(d, "b.lua", good("bins", "Bins", 3));
    put(d, "z.lua", good("zoo", "Zoo trip", 1));
    put(d, "a.lua", good("alarm", "Alarm clock", 1));
    put(d, "broken.lua", "return {\n  id = \"oops\",\n  title = \"Oops\"\n  description = 1,\n}\n");
    put(d, "notes.txt", "not a scenario");
    ScenarioInfo *list;
    size_t n;
    assert_int_equal(scenario_list(d->path, &list, &n), 0);
    assert_int_equal(n, 4);
    /* by difficulty, then title; the broken file last, named by its file */
    assert_string_equal(list[0].title, "Alarm clock");
    assert_string_equal(list[1].title, "Zoo trip");
    assert_string_equal(list[2].title, "Bins");
    assert_int_equal(list[2].difficulty, 3);
    assert_int_equal(list[2].rounds, 2);
    for (int i = 0; i < 3; i++)
        assert_true(list[i].ok);
    assert_false(list[3].ok);
    assert_string_equal(list[3].title, "broken.lua");
    assert_non_null(strstr(list[3].error, "broken.lua:4:"));
    assert_non_null(strstr(list[3].path, d->path));
    scenario_list_free(list);
}

/* A FIFO, a device and a folder named *.lua in the scenarios folder: each is listed at once
 * with its error (the picker used to wait for a writer to the FIFO forever, and to read
 * /dev/zero until memory ran out), and the good file beside them still loads. */
static void test_scenario_list_refuses_what_is_not_a_file(void **state)
{
    TempDir *d = *state;
    put(d, "a.lua", good("alarm", "Alarm clock", 1));
    char fifo[160], dev[160], sub[160];
    snprintf(fifo, sizeof fifo, "%s/pipe.lua", d->path);
    snprintf(dev, sizeof dev, "%s/zero.lua", d->path);
    snprintf(sub, sizeof sub, "%s/folder.lua", d->path);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(symlink("/dev/zero", dev), 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    ScenarioInfo *list;
    size_t n;
    assert_int_equal(scenario_list(d->path, &list, &n), 0);
    assert_int_equal(n, 4);
    assert_true(list[0].ok);
    assert_string_equal(list[0].title, "Alarm clock");
    const char *want[] = {"folder.lua: error: cannot read the file: it is a folder, not a "
                          "regular file",
                          "pipe.lua: error: cannot read the file: it is a FIFO (a named pipe), "
                          "not a regular file",
                          "zero.lua: error: cannot read the file: it is a device, not a regular "
                          "file"};
    for (int i = 0; i < 3; i++) {
        assert_false(list[1 + i].ok);
        assert_non_null(strstr(list[1 + i].error, want[i]));
    }
    scenario_list_free(list);
    unlink(fifo);
    unlink(dev);
    rmdir(sub);
}

/* A scenario larger than LIMITS_SOURCE_MAX is refused before it is read whole. */
static void test_scenario_too_big_is_refused(void **state)
{
    TempDir *d = *state;
    char *text = malloc(LIMITS_SOURCE_MAX + 2);
    assert_non_null(text);
    memset(text, '-', LIMITS_SOURCE_MAX + 1);
    text[LIMITS_SOURCE_MAX + 1] = '\0';
    const char *path = put(d, "big.lua", text);
    free(text);
    ScenarioInfo info;
    assert_int_equal(scenario_info_load(path, &info), SCRIPT_ERR_IO);
    assert_false(info.ok);
    assert_non_null(strstr(info.error, "big.lua: error: cannot read the file: it is 524,289 "
                                       "bytes; the limit is 512 KiB (a scenario is saved whole "
                                       "with every session)"));
}

static void test_scenario_list_of_missing_folder_fails(void **state)
{
    (void)state;
    ScenarioInfo *list = (ScenarioInfo *)1;
    size_t n = 7;
    assert_int_equal(scenario_list("/nonexistent/heard/scenarios", &list, &n), SCRIPT_ERR_IO);
    assert_null(list);
    assert_int_equal(n, 0);
    scenario_list_free(NULL);
}

static void test_scenario_shipped_scenarios_load(void **state)
{
    (void)state;
    ScenarioInfo *list;
    size_t n;
    assert_int_equal(scenario_list("scripts/scenarios", &list, &n), 0);
    assert_true(n >= 1);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(list[i].ok);
        if (strcmp(list[i].id, "microwave") == 0) {
            found = 1;
            assert_string_equal(list[i].title, "The microwave and the toaster");
            assert_int_equal(list[i].difficulty, 1);
            assert_int_equal(list[i].rounds, 2);
        }
    }
    assert_true(found);
    scenario_list_free(list);
}

static void test_scenario_unknown_field_suggests_the_name(void **state)
{
    (void)state;
    ScenarioInfo info;
    const char *path = "tests/data/scenarios-broken/misspelled.lua";
    assert_int_equal(scenario_info_load(path, &info), SCENARIO_ERR_INVALID);
    assert_false(info.ok);
    assert_string_equal(info.error, "tests/data/scenarios-broken/misspelled.lua:8: error: "
                                    "unknown field 'promts' in the scenario (did you mean "
                                    "'prompts'?)");
    /* what could be read still shows in the picker */
    assert_string_equal(info.title, "A scenario with a typo");
}

/* A title longer than the field is cut, never in the middle of a character. */
static void test_scenario_long_title_is_cut_on_a_character(void **state)
{
    (void)state;
    char src[2048] = "return { id = 'long', description = 'd', difficulty = 1, title = '";
    for (int i = 0; i < 100; i++) /* 200 bytes of 'é' */
        strcat(src, "\xC3\xA9");
    strcat(src, "' }\n");
    ScenarioInfo info;
    scenario_info_load_source("long.lua", src, strlen(src), &info);
    size_t n = strlen(info.title);
    assert_true(n > 100 && n < sizeof info.title);
    assert_int_equal(utf8_validate(info.title, n), n);
}

static void test_scenario_unknown_move_and_example_field_suggest(void **state)
{
    TempDir *d = *state;
    int line;
    const char *e = error_of(d,
                             "return { id = \"x\", title = \"T\", description = \"D\",\n"
                             "  difficulty = 1,\n"
                             "  points = {\n"
                             "    reflectoin = 4,\n"
                             "  },\n"
                             "}\n",
                             &line);
    assert_non_null(strstr(e, "unknown move 'reflectoin' (did you mean 'reflection'?)"));
    assert_int_equal(line, 4);
    e = error_of(d,
                 "return { id = \"x\", title = \"T\", description = \"D\", difficulty = 1,\n"
                 "  examples = {\n"
                 "    { reply = \"Okay.\", moves = {} },\n"
                 "    { reply = \"Fine.\", moevs = { \"stonewalling\" } },\n"
                 "  },\n"
                 "}\n",
                 &line);
    assert_non_null(strstr(e, "unknown field 'moevs' in an example (did you mean 'moves'?)"));
    assert_int_equal(line, 4);
    e = error_of(d,
                 "return { id = \"x\", title = \"T\", description = \"D\", difficulty = 1,\n"
                 "  examples = { { reply = \"Well, my toaster...\",\n"
                 "                 moves = { \"counter_complain\" } } },\n"
                 "}\n",
                 &line);
    assert_non_null(strstr(e, "did you mean 'counter_complaint'?"));
    /* far from every name: no suggestion */
    e = error_of(d,
                 "return { id = \"x\", title = \"T\", description = \"D\", difficulty = 1,\n"
                 "  soundtrack = \"jazz\" }\n",
                 &line);
    assert_non_null(strstr(e, "unknown field 'soundtrack'"));
    assert_null(strstr(e, "did you mean"));
    assert_int_equal(line, 2);
}

static void test_scenario_wrong_types_name_field_and_line(void **state)
{
    TempDir *d = *state;
    static const struct {
        const char *body, *needle;
        int line;
    } cases[] = {
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = \"easy\",\n",
         "field 'difficulty' must be a whole number from 1 to 4, not string", 5},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 7,\n",
         "from 1 to 4, not 7", 5},
        {"id = \"x\",\ntitle = 5,\ndescription = \"D\",\ndifficulty = 1,\n",
         "field 'title' must be a text in quotes, not a number", 3},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"two\\nlines\",\ndifficulty = 1,\n",
         "field 'description' must be one line", 4},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 1,\nrounds = 0,\n",
         "field 'rounds' must be a whole number from 1 to 20", 6},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 1,\nprompts = \"p\",\n",
         "field 'prompts' must be a list of texts", 6},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 1,\nhints = {1},\n",
         "hints[1] must be a non-empty text, not number", 6},
        {"id = \"x\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 1,\nplay = 3,\n",
         "field 'play' must be a function, not a number", 6},
        {"id = \"two words\",\ntitle = \"T\",\ndescription = \"D\",\ndifficulty = 1,\n",
         "field 'id' may hold only letters", 2},
        {"title = \"T\",\ndescription = \"D\",\ndifficulty = 1,\n", "missing field 'id'", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "return {\n%s}\n", cases[i].body);
        int line;
        const char *e = error_of(d, text, &line);
        if (!strstr(e, cases[i].needle) || !strstr(e, ": error: "))
            fail_msg("case %zu: got \"%s\"", i, e);
        assert_int_equal(line, cases[i].line);
    }
}

static void test_scenario_chunk_errors_keep_file_and_line(void **state)
{
    TempDir *d = *state;
    int line;
    const char *e = error_of(d, "-- a comment\nreturn {\n  id = \"x\" \"y\",\n}\n", &line);
    assert_int_equal(line, 3);
    e = error_of(d, "local t = 1\nreturn t\n", &line);
    assert_non_null(strstr(e, "must return a table"));
    assert_int_equal(line, 2);
    /* a field name inside a string or a comment is not where the field is */
    e = error_of(d,
                 "-- title = \"not here\"\n"
                 "return { description = \"title = no\", id = \"x\",\n"
                 "  difficulty = 1,\n"
                 "  title = {},\n"
                 "}\n",
                 &line);
    assert_non_null(strstr(e, "field 'title'"));
    assert_int_equal(line, 4);
}

static void test_scenario_suggest_distance(void **state)
{
    (void)state;
    static const char *const words[] = {"title", "rounds", "difficulty"};
    assert_string_equal(scenario_suggest("titel", words, 3), "title");
    assert_string_equal(scenario_suggest("dificulty", words, 3), "difficulty");
    assert_string_equal(scenario_suggest("round", words, 3), "rounds");
    assert_null(scenario_suggest("colour", words, 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_scenario_list_keeps_broken_files_with_their_error,
                                        dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_scenario_list_refuses_what_is_not_a_file, dir_setup,
                                        dir_teardown),
        cmocka_unit_test_setup_teardown(test_scenario_too_big_is_refused, dir_setup, dir_teardown),
        cmocka_unit_test(test_scenario_list_of_missing_folder_fails),
        cmocka_unit_test(test_scenario_shipped_scenarios_load),
        cmocka_unit_test(test_scenario_unknown_field_suggests_the_name),
        cmocka_unit_test_setup_teardown(test_scenario_unknown_move_and_example_field_suggest,
                                        dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_scenario_wrong_types_name_field_and_line, dir_setup,
                                        dir_teardown),
        cmocka_unit_test_setup_teardown(test_scenario_chunk_errors_keep_file_and_line, dir_setup,
                                        dir_teardown),
        cmocka_unit_test(test_scenario_suggest_distance),
        cmocka_unit_test(test_scenario_long_title_is_cut_on_a_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
