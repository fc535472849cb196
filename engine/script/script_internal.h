/* script_internal.h: what the script*.c files share: the Script struct, the budget and the
 * error-describing helpers. Not for use outside engine/script/.
 *
 * Depends on: Lua 5.4, engine/core/rng.h, engine/script/script.h.
 */
#ifndef HEARD_SCRIPT_INTERNAL_H
#define HEARD_SCRIPT_INTERNAL_H

#include <signal.h>

#include <lua.h>

#include "engine/core/rng.h"
#include "engine/script/script.h"

/* Instructions between two calls of the count hook (fewer when the budget is smaller). */
#define SCRIPT_HOOK_STEP 1000

/* Allocating this many bytes counts as one instruction: one instruction can copy megabytes
 * ("s .. t", string.rep), and the count hook sees only the instruction. */
#define SCRIPT_BYTES_PER_INSTRUCTION 64

/* Reading this many bytes (scanning, comparing, copying inside a library function) counts
 * as one instruction. */
#define SCRIPT_SCAN_BYTES 16

/* Reading this many bytes of a string as a number counts as one instruction: Lua converts a
 * numeric string wherever a number is expected, in time that grows with its length. */
#define SCRIPT_NUMBER_BYTES 4

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
    int budget_hit;           /* the budget ran out in this step (or a stop was asked) */
    int stop_hit;             /* ... because stop_request asked everything to stop */
    ScriptError budget_where; /* the budget message, where the running code was */

    long cpu_ms;                    /* processor time allowed in one step */
    long tick_limit;                /* the same in clock ticks (script_clock.c) */
    long tick_start;                /* the thread's tick count when the step began */
    volatile sig_atomic_t time_hit; /* the step used up its processor time */

    lua_Integer next_id; /* the last number tostring gave an object (script_base.c) */

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

/* The count hook: charges the instructions since its last call, and stops the step when
 * the budget or the processor time is used up. */
void script_hook(lua_State *L, lua_Debug *ar);

/* Puts the count hook on thread CO with the Script's period (also resets its count). */
void script_limit_thread(Script *s, lua_State *co);

/* Adds N instructions to the step's count; raises the budget error (does not return) when
 * that exceeds the budget. For work that the hook cannot see. */
void script_charge(lua_State *L, long long n);

/* As script_charge, from inside the library function named WHAT ("string.gsub"), which the
 * budget message then names. */
void script_charge_in(lua_State *L, long long n, const char *what);

/* Adds N instructions without raising: for callers that cannot raise where they are (the
 * pattern matcher). Returns nonzero when the budget is spent; script_charge_in(L, 0, ...)
 * then raises the error. */
int script_charge_quiet(lua_State *L, long long n);

/* Whether a request for BYTES more would pass the memory cap. */
int script_memory_fits(lua_State *L, size_t bytes);

/* Raises the memory error ("not enough memory", caught by pcall like Lua's own) as if the
 * allocator had refused a request here. Does not return. */
int script_memory_error(lua_State *L);

/* --- script_clock.c ------------------------------------------------------- */

/* Sets the processor time one step of S may use. */
void script_clock_set_limit(Script *s, long ms);

/* S starts a step on this thread (OUTERMOST: its first, which starts its time). Returns
 * the Script the clock watched before, for script_clock_leave. */
Script *script_clock_enter(Script *s, int outermost);

/* The step that script_clock_enter returned PREV for has ended. */
void script_clock_leave(Script *prev);

/* Whether S's step has used up its processor time. */
int script_clock_expired(const Script *s);

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

/* --- script_base.c -------------------------------------------------------- */

/* Opens the base library with the sandbox's replacements; leaves nothing on the stack. */
void script_open_base(lua_State *L);

/* luaL_checkinteger and luaL_optinteger that first charge for a numeric string by its
 * length (SCRIPT_NUMBER_BYTES). */
lua_Integer script_check_integer(lua_State *L, int arg);
lua_Integer script_opt_integer(lua_State *L, int arg, lua_Integer def);

/* Charges for every string among arguments FROM..top by its length (SCRIPT_NUMBER_BYTES):
 * before handing them to a Lua library function that may read them as numbers. */
void script_charge_strings(lua_State *L, int from, const char *what);

/* Replaces field NAME of the library table at index LIB (library LIBNAME) by a function
 * that charges for string arguments (script_charge_strings) and then calls the original,
 * which is kept in the hidden table at index HIDDEN (so Lua's own argument errors still
 * name it). */
void script_guard_field(lua_State *L, int lib, int hidden, const char *libname, const char *name);

/* Makes the hidden table that keeps the originals of library LIBNAME ("string") and
 * leaves it on the stack. */
void script_hidden_originals(lua_State *L, const char *libname);

/* tostring as the sandbox shows it: __tostring and __name are honoured, and a table,
 * function, coroutine or userdata reads "table: #3", numbered per Script in the order they
 * are first shown, the same in every run. Pushes the string and returns it. */
const char *script_tostring(lua_State *L, int idx, size_t *len);

/* The number that stands for the value at IDX (an object or a string) in what the sandbox
 * shows; assigned on first use. */
lua_Integer script_object_id(lua_State *L, int idx);

/* --- script_string.c, script_table.c, script_utf8.c ---------------------- */

/* Each opens its library with the budget-aware replacements and leaves nothing on the
 * stack. */
void script_open_string(lua_State *L);
void script_open_table(lua_State *L);
void script_open_utf8(lua_State *L);
void script_open_math(lua_State *L);

#endif
