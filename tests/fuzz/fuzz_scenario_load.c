/* fuzz_scenario_load.c: libFuzzer target for reading scenarios. Each input is a scenario's
 * Lua source, read as the picker reads it (scenario_info_load_source, its own small
 * sandbox) and as the turn flow loads it (scenario_load into a Script), twice in the same
 * Script as a reload would. The Script has small limits, so a loop or a memory bomb ends as
 * a budget or memory error within milliseconds instead of a fuzzer timeout. Whatever the
 * bytes: a clean result or an error that names the file, never a crash, a leak or undefined
 * behaviour. Built with -DHEARD_FUZZ=ON (clang); see docs/hardening.md.
 *
 * fuzz_scenario_input() is declared in fuzz_inputs.h and shared with
 * tests/unit/test_fuzz_regress.c. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/script/script.h"
#include "game/scenario/scenario.h"
#include "tests/fuzz/fuzz_inputs.h"

#define NAME "fuzz/scenario.lua"
#define FUZZ_MEMORY ((size_t)4 * 1024 * 1024)
#define FUZZ_INSTRUCTIONS 200000L

static void broken(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_scenario_load: %s: %s\n", what, detail);
    abort();
}

int fuzz_scenario_input(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    ScenarioInfo info;
    int rc = scenario_info_load_source(NAME, src, size, &info);
    if (rc != 0 && (info.ok || !strstr(info.error, NAME)))
        broken("a failed load whose message does not name the file", info.error);
    if (rc == 0 && !info.ok)
        broken("a load that worked but is not ok", info.error);

    ScriptLimits limits = {FUZZ_MEMORY, FUZZ_INSTRUCTIONS};
    Script *s = script_create(limits, 42);
    if (!s)
        return 0;
    for (int pass = 0; pass < 2; pass++) {
        ScriptError err;
        memset(&err, 0, sizeof err);
        rc = scenario_load(s, NAME, src, size, &info, &err);
        /* Out of memory may leave no room to say where; anything else says which file. */
        if (rc != 0 && rc != SCRIPT_ERR_MEMORY && !strstr(err.message, NAME))
            broken("an error that does not name the file", err.message);
        /* On success the table stays on the stack; two of them fit, and script_destroy
         * frees them. */
    }
    script_destroy(s);
    return 0;
}

#ifndef FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_scenario_input(data, size);
}
#endif
