/* script.h: the sandboxed Lua host. One Script per scenario (or per rules set), each with
 * its own lua_State, memory cap and per-call instruction budget.
 *
 * Depends on: Lua 5.4, engine/core/rng.h. Only files named script*.c, *_lua.c or bind_*.c
 * include Lua headers; everyone else talks to Lua through this header.
 *
 * The sandbox opens: base (no dofile, loadfile; load takes text chunks only), string (no
 * string.dump), table, math (math.random/randomseed draw on the session's seeded Rng),
 * utf8, coroutine. There is no io, os, package, debug, or require of files. print and warn
 * write one line to stderr. Every library function that loops in C over a length or count
 * a script controls is the sandbox's own, charging the instruction budget for its work
 * (string patterns count their steps); tostring and print show stable numbers in place of
 * addresses. docs/sandbox.md lists every difference from plain Lua and the message each
 * limit gives.
 *
 * A "step" is one call from C into Lua (script_run_*, script_call, script_resume). The
 * instruction budget is counted per step, across every coroutine it runs, and a scenario
 * cannot catch the budget error. A step also has a processor-time limit, for work inside
 * Lua's virtual machine that no count sees. Steps started while another is running (a
 * binding calling back) share the outer step's budget. After any error the Script is
 * usable again.
 */
#ifndef HEARD_SCRIPT_H
#define HEARD_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

struct lua_State;

typedef struct Script Script;

typedef struct ScriptLimits {
    size_t memory_bytes; /* cap for the whole state; 0 means SCRIPT_DEFAULT_MEMORY */
    long
        instructions; /* budget for one call from C into Lua; 0 means SCRIPT_DEFAULT_INSTRUCTIONS */
} ScriptLimits;

#define SCRIPT_DEFAULT_MEMORY ((size_t)64 * 1024 * 1024)
#define SCRIPT_DEFAULT_INSTRUCTIONS 50000000L

/* Processor time one step may use: a backstop for work inside Lua's virtual machine that
 * the instruction count cannot see (docs/sandbox.md). Far above what the budget lets
 * ordinary code take (well under a second; about 3 s with AddressSanitizer), so it never
 * decides how a sound scenario runs. */
#define SCRIPT_DEFAULT_CPU_MS 10000L

/* What went wrong in a script, for the error screen and for `heard check`. */
typedef struct ScriptError {
    char message[512];    /* "FILE:LINE: what happened", ready to show */
    char file[256];       /* chunk name without Lua's '@' ("" when unknown) */
    int line;             /* 0 when unknown */
    char traceback[2048]; /* Lua traceback, one frame a line ("" when none) */
} ScriptError;

/* Error codes returned by script_* (0 is success). */
enum {
    SCRIPT_OK = 0,
    SCRIPT_ERR_SYNTAX = -1,  /* the chunk did not compile */
    SCRIPT_ERR_RUNTIME = -2, /* error() or a failed operation */
    SCRIPT_ERR_MEMORY = -3,  /* the memory cap was reached */
    SCRIPT_ERR_BUDGET = -4,  /* the instruction budget ran out */
    SCRIPT_ERR_IO = -5,      /* the file could not be read */
    SCRIPT_ERR_STOPPED = -6  /* stopped on request (engine/core/stop.h): the game is closing,
                                or `heard check`'s watchdog gave up on the file */
};

/* Creates a sandboxed state. Returns NULL only when memory for the state itself cannot be
 * had. The caller owns the result; free it with script_destroy. */
Script *script_create(ScriptLimits limits, uint64_t seed);

/* Closes the state and frees everything. script_destroy(NULL) is a no-op. */
void script_destroy(Script *s);

/* The Lua state, borrowed, for binding files that push and read values. Between steps keep
 * to calls that neither run Lua code nor need memory (push a C function, a light userdata or
 * a copy of a stack slot, to call script_call with); anything that may run a metamethod,
 * allocate (a string, a table, a field set) or raise belongs inside a step (script_call a C
 * function that does it), because an error outside one aborts the program. */
struct lua_State *script_lua(Script *s);

/* Compiles the text file PATH (bytecode is refused) and runs it under the budget, leaving
 * NRESULTS results on the stack (LUA_MULTRET allowed). The chunk name is the path as given,
 * so errors read "scripts/scenarios/x.lua:12: ...". Returns 0 or a SCRIPT_ERR_* code and
 * fills ERR (which may be NULL); on error nothing is left on the stack. */
int script_run_file(Script *s, const char *path, int nresults, ScriptError *err);

/* As script_run_file for a chunk in memory, named NAME in messages. */
int script_run_string(Script *s, const char *chunk, size_t len, const char *name, int nresults,
                      ScriptError *err);

/* Calls the function below NARGS arguments on top of the stack, with a traceback handler
 * and a fresh instruction budget. Same results and errors as script_run_file. */
int script_call(Script *s, int nargs, int nresults, ScriptError *err);

/* Resumes coroutine CO (created on this state) with NARGS arguments on its stack, under a
 * fresh budget. Sets *NRESULTS to the values it yielded or returned, and *DONE to 1 when it
 * finished. Returns 0 or a SCRIPT_ERR_* code; ERR then carries the coroutine's traceback,
 * *NRESULTS is 0 and *DONE 1: CO is dead (do not lua_resetthread it: its pending __close
 * handlers could run outside the budget) and the main stack is untouched. */
int script_resume(Script *s, struct lua_State *co, int nargs, int *nresults, int *done,
                  ScriptError *err);

/* Bytes the state holds now, for tests and benchmarks. */
size_t script_memory_used(const Script *s);

/* Memory the host keeps on a script's behalf (a note's text copied out of Lua, a turn in
 * the transcript) counts against the same cap as the script's own: script_hold adds BYTES
 * to what the state holds, or returns SCRIPT_ERR_MEMORY, holding nothing, when that would
 * pass the cap. script_release gives back what a hold took. */
int script_hold(Script *s, size_t bytes);
void script_release(Script *s, size_t bytes);

/* The Script that owns L (any thread of its state), for bindings. */
Script *script_of(struct lua_State *L);

/* For a binding (a C function the script called) whose script_hold failed: raises the
 * memory error there, as if Lua's allocator had refused. The script may catch it with
 * pcall ("not enough memory"); if not, the step ends with SCRIPT_ERR_MEMORY and the cap's
 * message at the script's line. Does not return. */
int script_raise_memory(struct lua_State *L);

/* Instructions counted in the current step, or in the last one when none is running
 * (including the work charged for library functions), for tests and benchmarks. */
long long script_instructions_used(const Script *s);

/* Sets the processor time one step may use, in milliseconds (0: SCRIPT_DEFAULT_CPU_MS).
 * A step that uses it up ends with SCRIPT_ERR_BUDGET. */
void script_set_cpu_limit(Script *s, long ms);

#endif
