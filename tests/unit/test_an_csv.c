/* test_an_csv.c: the labelled-data reader — quoting as RFC 4180 has it, line breaks and
 * commas inside quotes, CRLF, a malformed row reported by its line and skipped — and the
 * '|'-joined label lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_csv_quotes_commas_and_line_breaks),
        cmocka_unit_test(test_an_csv_malformed_row_is_skipped_with_its_line),
        cmocka_unit_test(test_an_csv_label_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
