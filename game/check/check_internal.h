/* check_internal.h: what check.c needs from its Lua side (check_lua.c). Not for use outside
 * game/check. */
#ifndef HEARD_CHECK_INTERNAL_H
#define HEARD_CHECK_INTERNAL_H

#include <stddef.h>

#include "engine/script/script.h"
#include "game/check/check.h"
#include "game/scenario/scenario.h"

#define CHECK_HINTS_MAX 100

/* What the check reads from a scenario table that scenario_load has already checked. */
typedef struct CheckTable {
    CheckExample *examples; /* malloc'd, with their context and reply; NULL when none */
    size_t nexamples;
    int has_examples; /* the field is written, even as {} */
    int has_play;
    size_t prompt_len[SCENARIO_PROMPTS_MAX];
    int nprompts;
    size_t hint_len[CHECK_HINTS_MAX];
    int nhints;
} CheckTable;

/* Reads the checked scenario table on top of S's stack into T (zeroed first; the stack is
 * left as it was). Returns 0, or a SCRIPT_ERR_* code with ERR filled; T may then hold some
 * examples, which check_table_free releases either way. */
int check_lua_read(Script *s, CheckTable *t, ScriptError *err);

/* Frees T's examples and their texts. */
void check_table_free(CheckTable *t);

#endif
