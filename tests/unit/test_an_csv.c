/* test_an_csv.c: the labelled-data reader — quoting as RFC 4180 has it, line breaks and
 * commas inside quotes, CRLF, a malformed row reported by its line and skipped — and the
 * '|'-joined label lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/limits.h"

#include "game/analysis/an_csv.h"

static AnCsv *from(const char *text)
{
    return an_csv_from_text(text, strlen(text));
}

static void test_an_csv_quotes_commas_and_line_breaks(void **state)
{
    (void)state;
    AnCsv *c = from("id,context,reply,labels\r\n"
                    "a1,\"I said \"\"no\"\", twice\",\"So, you\r\nsaid no.\",reflection|feeling\r\n"
                    "a2,,Okay.,\n");
    assert_non_null(c);
    AnCsvRow row;
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_int_equal(row.count, 4);
    assert_string_equal(row.fields[2], "reply");
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_int_equal(row.line, 2);
    assert_string_equal(row.fields[1], "I said \"no\", twice");
    assert_non_null(strstr(row.fields[2], "you"));
    assert_non_null(strchr(row.fields[2], '\n'));
    assert_string_equal(row.fields[3], "reflection|feeling");
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_int_equal(row.line, 4); /* the quoted line break counted */
    assert_string_equal(row.fields[1], "");
    assert_string_equal(row.fields[3], "");
    assert_int_equal(an_csv_next(c, &row), 0);
    an_csv_close(c);
}

static void test_an_csv_malformed_row_is_skipped_with_its_line(void **state)
{
    (void)state;
    AnCsv *c = from("id,reply\nr1,\"closed\"junk\nr2,fine\nr3,\"never closed\n");
    AnCsvRow row;
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_int_equal(an_csv_next(c, &row), -1);
    assert_int_equal(row.line, 2);
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_string_equal(row.fields[0], "r2");
    assert_int_equal(an_csv_next(c, &row), -1);
    assert_int_equal(row.line, 4);
    assert_int_equal(an_csv_next(c, &row), 0);
    an_csv_close(c);
    an_csv_close(NULL);
    assert_null(an_csv_open("/no/such/file.csv"));
}

static void test_an_csv_label_lists(void **state)
{
    (void)state;
    assert_true(an_labels_has("reflection|feeling", "feeling"));
    assert_true(an_labels_has("reflection|feeling", "reflection"));
    assert_false(an_labels_has("reflection_simple|feeling", "reflection"));
    assert_false(an_labels_has("question_open", "question"));
    assert_false(an_labels_has("", "question"));
    assert_true(an_labels_has("check", "check"));
}

/* A field longer than a player's words may be makes its row malformed, saying so. */
static void test_an_csv_field_over_the_text_limit(void **state)
{
    (void)state;
    size_t n = 3000;
    char *text = malloc(n + 64);
    assert_non_null(text);
    strcpy(text, "id,reply\nr1,");
    size_t k = strlen(text);
    memset(text + k, 'a', LIMITS_TEXT_MAX + 1);
    k += LIMITS_TEXT_MAX + 1;
    strcpy(text + k, "\nr2,fine\n");
    AnCsv *c = an_csv_from_text(text, strlen(text));
    free(text);
    AnCsvRow row;
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_int_equal(an_csv_next(c, &row), -1);
    assert_int_equal(row.line, 2);
    assert_string_equal(row.why, "a field longer than the 2,000 bytes of a player's words");
    assert_int_equal(an_csv_next(c, &row), 1);
    assert_string_equal(row.fields[1], "fine");
    an_csv_close(c);
}

/* Files that hold no labelled rows are refused at once, with the reason: empty, a header
 * that cannot be read, a FIFO, a device. */
static void test_an_csv_load_refuses_what_holds_no_rows(void **state)
{
    (void)state;
    char dir[] = "/tmp/heard-csv-XXXXXX", path[128], why[200];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/empty.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("\xEF\xBB\xBF\n\r\n", f);
    fclose(f);
    errno = 0;
    assert_null(an_csv_load(path, why, sizeof why));
    assert_string_equal(why, "it is empty: it has no header row (id,context,reply,labels)");
    assert_null(an_csv_open(path));
    assert_int_equal(errno, ENODATA);
    f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 33; i++)
        fprintf(f, "%sc%d", i ? "," : "", i);
    fputs("\n1,2,3\n", f);
    fclose(f);
    assert_null(an_csv_load(path, why, sizeof why));
    assert_string_equal(why, "its header (line 1) cannot be read: more than 32 fields");
    assert_int_equal(unlink(path), 0);
    snprintf(path, sizeof path, "%s/pipe.csv", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_null(an_csv_load(path, why, sizeof why));
    assert_string_equal(why, "it is a FIFO (a named pipe), not a regular file");
    assert_int_equal(unlink(path), 0);
    assert_null(an_csv_load("/dev/zero", why, sizeof why));
    assert_string_equal(why, "it is a device, not a regular file");
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_csv_field_over_the_text_limit),
        cmocka_unit_test(test_an_csv_load_refuses_what_holds_no_rows),
        cmocka_unit_test(test_an_csv_quotes_commas_and_line_breaks),
        cmocka_unit_test(test_an_csv_malformed_row_is_skipped_with_its_line),
        cmocka_unit_test(test_an_csv_label_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
