/* test_lexicon_rows.c: the lexicon keeps to closed sets. A phrase pattern that matches
 * exactly one row of the shared labelled data, and no text in the tests or the docs, was
 * lifted from that row: it says nothing about the next couple, and this test names it.
 * Skipped (exit 77) when ../shared/data is absent. */
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

#include "game/analysis/an_csv.h"
#include "game/rules/rules.h"

#define DATA "../shared/data"

static Rules *rules;
static int npat;
static int *data_rows;        /* per pattern: rows of the shared data it matches */
static unsigned char *others; /* per pattern: it matches some text of the tests or docs */

/* Adds the rows of the CSV at PATH to data_rows (a row counts once per pattern). */
static void count_rows(const char *path)
{
    AnCsv *c = an_csv_open(path);
    assert_non_null(c);
    unsigned char *hit = malloc((size_t)npat);
    AnCsvRow row;
    int rc;
    while ((rc = an_csv_next(c, &row)) != 0) {
        if (rc < 0 || row.count < 3 || row.line == 1)
            continue;
        memset(hit, 0, (size_t)npat);
        assert_int_equal(rules_pattern_hits(rules, row.fields[1], hit), 0);
        assert_int_equal(rules_pattern_hits(rules, row.fields[2], hit), 0);
        for (int i = 0; i < npat; i++)
            data_rows[i] += hit[i];
    }
    free(hit);
    an_csv_close(c);
}

/* Marks in OTHERS every pattern that matches a line of the text file PATH. */
static void mark_lines(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return;
    char line[4096];
    while (fgets(line, sizeof line, fp))
        if (strlen(line) > 1)
            rules_pattern_hits(rules, line, others);
    fclose(fp);
}

static int text_file(const char *name)
{
    static const char *const EXT[] = {".md", ".csv", ".c", ".lua", ".txt", ".expect", NULL};
    size_t n = strlen(name);
    for (int i = 0; EXT[i]; i++) {
        size_t k = strlen(EXT[i]);
        if (n > k && strcmp(name + n - k, EXT[i]) == 0)
            return 1;
    }
    return 0;
}

/* Every text file under DIR, recursively. */
static void mark_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            mark_tree(path);
        else if (S_ISREG(st.st_mode) && text_file(e->d_name))
            mark_lines(path);
    }
    closedir(d);
}

static void test_lexicon_rows_no_pattern_is_lifted_from_one_row(void **state)
{
    (void)state;
    DIR *d = opendir(DATA);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".csv") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, DATA "/%s", e->d_name);
        count_rows(path);
        files++;
    }
    closedir(d);
    assert_true(files >= 5);
    mark_tree("tests");
    mark_tree("docs");
    int lifted = 0, used = 0;
    for (int i = 0; i < npat; i++) {
        used += data_rows[i] > 0;
        if (data_rows[i] == 1 && !others[i]) {
            const char *cue;
            const char *pat = rules_pattern(rules, i, &cue);
            print_message("cue '%s' pattern \"%s\" matches one row of the shared data and "
                          "nothing in tests/ or docs/\n",
                          cue, pat);
            lifted++;
        }
    }
    print_message("%d patterns, %d of them match the shared data\n", npat, used);
    assert_int_equal(lifted, 0);
}

/* The audit itself: a pattern made for one sentence is found. */
static void test_lexicon_rows_the_audit_sees_a_pattern_match(void **state)
{
    (void)state;
    unsigned char *hit = calloc((size_t)npat, 1);
    assert_int_equal(rules_pattern_hits(rules, "Thank you so much for telling me.", hit), 0);
    int thanks = 0;
    for (int i = 0; i < npat; i++) {
        const char *cue;
        rules_pattern(rules, i, &cue);
        thanks += hit[i] && strcmp(cue, "thanks") == 0;
    }
    assert_true(thanks > 0);
    free(hit);
}

static int setup(void **state)
{
    (void)state;
    ScriptError err;
    rules = rules_load_unfitted(".", &err);
    if (!rules)
        return -1;
    npat = rules_pattern_count(rules);
    data_rows = calloc((size_t)npat, sizeof *data_rows);
    others = calloc((size_t)npat, 1);
    return npat > 0 && data_rows && others ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(data_rows);
    free(others);
    rules_destroy(rules);
    return 0;
}

int main(void)
{
    if (access(DATA "/couples-dev.csv", R_OK) != 0) {
        printf("shared data not found under " DATA ": skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_rows_the_audit_sees_a_pattern_match),
        cmocka_unit_test(test_lexicon_rows_no_pattern_is_lifted_from_one_row),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
