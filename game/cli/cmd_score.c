/* cmd_score.c: `heard score --context TEXT REPLY [--json] [--role customer|agent]` prints
 * the moves, points and reasons the rules give one exchange; --json also says, for every tag
 * the models scored, which clause decided, with what probability against which threshold,
 * and which features weighed most. */
#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/core/limits.h"
#include "game/cli/commands.h"
#include "game/cli/root.h"
#include "game/rules/rules.h"

static int usage(void)
{
    fprintf(stderr,
            "usage: heard score [--context TEXT] [--role customer|agent] [--json] REPLY\n"
            "  Without --role, an empty context means a startup (customer), else a reply.\n");
    return 2;
}

static json_t *decisions_json(Rules *r)
{
    RulesDecision d[AN_MODEL_TAGS_MAX];
    int n = rules_decisions(r, d, AN_MODEL_TAGS_MAX);
    json_t *out = json_object();
    for (int i = 0; i < n; i++) {
        json_t *features = json_array();
        for (int k = 0; k < d[i].nfeatures; k++)
            json_array_append_new(features, json_pack("{s:s, s:f}", "feature", d[i].features[k],
                                                      "weight", d[i].weights[k]));
        json_object_set_new(out, d[i].tag,
                            json_pack("{s:f, s:f, s:b, s:s%, s:o}", "p", d[i].p, "threshold",
                                      d[i].threshold, "fires", d[i].fires, "clause", d[i].clause,
                                      d[i].clause_len, "features", features));
    }
    return out;
}

static void print_json(const MoveList *ml, Rules *r)
{
    json_t *moves = json_array();
    for (int i = 0; i < ml->count; i++)
        json_array_append_new(moves, json_pack("{s:s, s:i, s:s}", "tag", ml->items[i].tag, "points",
                                               ml->items[i].points, "reason", ml->items[i].reason));
    json_t *o = json_pack("{s:o, s:i, s:s, s:o}", "moves", moves, "total", ml->total, "rules",
                          rules_hash(r), "decisions", decisions_json(r));
    char *s = json_dumps(o, JSON_INDENT(2));
    if (s)
        puts(s);
    free(s);
    json_decref(o);
}

int cmd_score(int argc, char **argv)
{
    const char *context = "", *reply = NULL, *role_s = NULL;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--context") == 0 && i + 1 < argc)
            context = argv[++i];
        else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
            role_s = argv[++i];
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (argv[i][0] == '-' && argv[i][1] == '-')
            return usage();
        else if (!reply)
            reply = argv[i];
        else
            return usage();
    }
    if (!reply || (role_s && strcmp(role_s, "customer") != 0 && strcmp(role_s, "agent") != 0))
        return usage();
    Role role = role_s ? (strcmp(role_s, "customer") == 0 ? ROLE_CUSTOMER : ROLE_AGENT)
                       : (*context ? ROLE_AGENT : ROLE_CUSTOMER);
    char why[200];
    if (limits_check_text(reply, strlen(reply), LIMITS_TEXT_MAX, "the reply", why, sizeof why,
                          NULL) != LIMITS_OK ||
        limits_check_text(context, strlen(context), LIMITS_TEXT_MAX, "the context", why, sizeof why,
                          NULL) != LIMITS_OK) {
        fprintf(stderr, "heard score: %s\n", why);
        return 2;
    }
    ScriptError err;
    Rules *r = rules_load(cli_root(), &err);
    if (!r) {
        fprintf(stderr, "heard score: %s\n", err.message);
        return 2;
    }
    MoveList ml;
    int rc = rules_score(r, context, reply, role, &ml, &err);
    if (rc != 0) {
        fprintf(stderr, "heard score: %s\n", err.message);
        rules_destroy(r);
        return 1;
    }
    if (json) {
        print_json(&ml, r);
    } else {
        for (int i = 0; i < ml.count; i++)
            printf("%-18s %+3d  %s\n", ml.items[i].tag, ml.items[i].points, ml.items[i].reason);
        if (ml.count == 0)
            printf("(no moves seen)\n");
        printf("total %+d\n", ml.total);
    }
    rules_destroy(r);
    return 0;
}
