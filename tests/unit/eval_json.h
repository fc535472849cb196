/* eval_json.h: runs `heard eval --json FILE` (HEARD_BIN) and returns the parsed report,
 * for the eval tests. Shared by test_eval_data.c and test_eval_targets.c. */
#ifndef HEARD_TEST_EVAL_JSON_H
#define HEARD_TEST_EVAL_JSON_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *run_eval(const char *file)
{
    const char *bin = getenv("HEARD_BIN");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=. '%s' eval --json '%s'", bin ? bin : "heard", file);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    json_error_t e;
    json_t *j = json_loadf(p, 0, &e);
    pclose(p);
    return j;
}

static double stat_of(json_t *report, const char *tag, const char *what)
{
    json_t *t = strcmp(tag, "micro") == 0 || strcmp(tag, "macro") == 0
                    ? json_object_get(report, tag)
                    : json_object_get(json_object_get(report, "tags"), tag);
    return json_number_value(json_object_get(t, what));
}

#endif
