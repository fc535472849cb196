/* script_internal.h: what the script*.c files share: the Script struct, the budget and the
 * error-describing helpers. Not for use outside engine/script/.
 *
 * Depends on: Lua 5.4, engine/core/rng.h, engine/script/script.h.
 */
#ifndef HEARD_SCRIPT_INTERNAL_H
#define HEARD_SCRIPT_INTERNAL_H

#include <lua.h>

#include "engine/core/rng.h"
#include "engine/script/script.h"

/* Instructions between two calls of the count hook (fewer when the budget is smaller). */
#define SCRIPT_HOOK_STEP 1000

/* Allocating this many bytes counts as one instruction: one instruction can copy megabytes
 * ("s .. t", string.rep), and the count hook sees only the instruction. */
#define SCRIPT_BYTES_PER_INSTRUCTION 64

/* A stack at least this deep when memory runs out means runaway recursion. */
#define SCRIPT_DEEP_STACK 10000

struct Script {
    lua_State *L;
    Rng rng;
    uint64_t seed; /* from script_create; math.randomseed() with no argument returns to it */

    size_t mem_cap;
    size_t mem_used;
    int mem_refused;       /* the allocator refused a request during this step */
    int mem_deep;          /* ... while the stack was SCRIPT_DEEP_STACK frames deep */
    ScriptError mem_where; /* where that refusal happened (file, line, traceback) */

    long budget;              /* instructions allowed in one step */
    long long used;           /* instructions counted in this step */
    int step;                 /* hook period, min(SCRIPT_HOOK_STEP, budget) */
    int budget_hit;           /* the budget ran out in this step */
    ScriptError budget_where; /* the budget message, where the running code was */

    int depth;          /* nesting of script_* calls; only the outermost resets the budget */
    lua_State *running; /* the thread executing Lua now, to locate memory errors */

    ScriptError pending; /* filled by the message handler */
    int has_pending;

    char warn_line[512]; /* a warning being assembled from pieces */
    size_t warn_len;
};

/* The Script that owns L (any thread of its state). */
static inline Script *script_from(lua_State *L)
{
    return *(Script **)lua_getextraspace(L);
}

/* --- script.c ------------------------------------------------------------- */

/* Puts the count hook on thread CO with the Script's period (also resets its count). */
void script_limit_thread(Script *s, lua_State *co);

/* Adds N instructions to the step's count; raises the budget error (does not return) when
 * that exceeds the budget. For work that the hook cannot see. */
void script_charge(lua_State *L, long long n);

/* --- script_error.c ------------------------------------------------------- */

/* The message handler given to every lua_pcall from C: records message, place and
 * traceback in the Script's pending error without allocating or calling any metamethod,
 * and returns the error object unchanged. */
int script_msgh(lua_State *L);

/* Describes the error object at index IDX of L into OUT: "FILE:LINE: what" (the place taken
 * from the message, or else from the first Lua function at LEVEL or above), file, line and
 * a traceback from LEVEL. LEVEL < 0 means the stack is gone: message only. Never calls a
 * metamethod and never allocates Lua memory. */
void script_describe(lua_State *L, int idx, int level, ScriptError *out);

/* The first Lua function at LEVEL or above: its chunk name (without '@') and current
 * line. Returns 1 when one was found, else 0 with FILE "" and *LINE 0. */
int script_where(lua_State *L, int level, char *file, size_t size, int *line);

/* Writes L's traceback from LEVEL, one frame a line, into BUF (always terminated). */
void script_traceback(lua_State *L, int level, char *buf, size_t size);

/* --- script_sandbox.c ----------------------------------------------------- */

/* A lua_CFunction, run under lua_pcall by script_create: opens the allowed libraries and
 * replaces or removes the functions a scenario must not have. */
int script_open_sandbox(lua_State *L);

#endif
