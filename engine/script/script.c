/* script.c: the sandboxed Lua host: one lua_State per Script with a capped allocator, a
 * count hook that enforces the per-step instruction budget, and the protected entry points
 * (run a file or a string, call, resume) that turn every failure into a ScriptError.
 *
 * Depends on: Lua 5.4, engine/core/rng.h. The sandbox itself is in script_sandbox.c, the
 * error descriptions in script_error.c.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "engine/core/stop.h"
#include "engine/script/script_internal.h"

/* ===== Memory ============================================================ */

/* Records where the refused request came from, while the stack is still there: Lua does not
 * call the message handler for memory errors. Only reads the stack; allocates nothing. */
static void note_refusal(Script *s)
{
    lua_State *L = s->running;
    if (L == NULL) {
        s->mem_refused = 1;
        return;
    }
    lua_Debug ar;
    char file[sizeof s->mem_where.file];
    int line = 0;
    script_where(L, 0, file, sizeof file, &line);
    /* Lua retries a refused request after a collection, and a deep recursion is refused
     * again and again at the same line: a traceback costs time in the depth of the stack,
     * so keep the one already taken for that place. */
    if (s->mem_refused && line == s->mem_where.line && strcmp(file, s->mem_where.file) == 0)
        return;
    s->mem_refused = 1;
    memcpy(s->mem_where.file, file, sizeof file);
    s->mem_where.line = line;
    script_traceback(L, 0, s->mem_where.traceback, sizeof s->mem_where.traceback);
    s->mem_deep = lua_getstack(L, SCRIPT_DEEP_STACK, &ar);
}

/* Charges work seen by the allocator, which may not raise: when that spends the budget,
 * the count hook is asked to run at the very next instruction, and raises there. */
static void charge_quietly(Script *s, long long n)
{
    s->used += n;
    if (s->used > s->budget && s->running != NULL)
        lua_sethook(s->running, script_hook, LUA_MASKCOUNT, 1);
}

/* A refused request: Lua answers it with a full collection before it gives up, work the
 * hook does not see, so it is charged like collectgarbage("collect") by the heap's size. */
static void refuse(Script *s)
{
    note_refusal(s);
    charge_quietly(s, (long long)(s->mem_used / SCRIPT_BYTES_PER_INSTRUCTION));
}

int script_memory_fits(lua_State *L, size_t bytes)
{
    Script *s = script_from(L);
    return bytes <= s->mem_cap - s->mem_used;
}

int script_memory_error(lua_State *L)
{
    Script *s = script_from(L);
    lua_State *was = s->running;
    s->running = L;
    note_refusal(s);
    s->running = was;
    lua_pushliteral(L, "not enough memory");
    return lua_error(L);
}

/* lua_Alloc over malloc that keeps the whole state under mem_cap. When PTR is NULL, OSIZE
 * is a type tag, not a size. Growth past the cap is refused with NULL, which Lua turns into
 * a memory error after one emergency collection. Bytes obtained are also charged to the
 * instruction budget; the hook raises the error at its next call. */
static void *script_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Script *s = ud;
    size_t old = ptr != NULL ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->mem_used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > s->mem_cap - s->mem_used) {
        refuse(s);
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL) {
        refuse(s);
        return NULL;
    }
    s->mem_used = s->mem_used - old + nsize;
    if (nsize > old && nsize - old >= SCRIPT_BYTES_PER_INSTRUCTION)
        /* copying a long string costs time the hook does not see */
        charge_quietly(s, (long long)((nsize - old) / SCRIPT_BYTES_PER_INSTRUCTION));
    return p;
}

static void format_size(size_t bytes, char *out, size_t size)
{
    const size_t mib = (size_t)1024 * 1024;
    if (bytes >= mib && bytes % mib == 0)
        snprintf(out, size, "%zu MiB", bytes / mib);
    else if (bytes >= mib)
        snprintf(out, size, "%.1f MiB", (double)bytes / (double)mib);
    else if (bytes >= 1024)
        snprintf(out, size, "%zu KiB", bytes / 1024);
    else
        snprintf(out, size, "%zu bytes", bytes);
}

/* Fills OUT for a memory error, placed where the refusal happened or else in FALLBACK. */
static void memory_error(Script *s, const char *fallback, ScriptError *out)
{
    char cap[32];
    format_size(s->mem_cap, cap, sizeof cap);
    const char *hint = s->mem_deep ? "look for a function that calls itself without end"
                                   : "look for a table or string that keeps growing";
    const char *what = "the scenario used more than";
    const ScriptError *w = &s->mem_where;
    if (w->line > 0) {
        snprintf(out->file, sizeof out->file, "%s", w->file);
        out->line = w->line;
        snprintf(out->message, sizeof out->message, "%s:%d: %s %s of memory — %s", w->file, w->line,
                 what, cap, hint);
    } else if (fallback != NULL) {
        snprintf(out->file, sizeof out->file, "%s", fallback);
        snprintf(out->message, sizeof out->message, "%s: %s %s of memory — %s", fallback, what, cap,
                 hint);
    } else {
        snprintf(out->message, sizeof out->message, "%s %s of memory — %s", what, cap, hint);
    }
    snprintf(out->traceback, sizeof out->traceback, "%s", w->traceback);
}

/* ===== Instruction budget ================================================ */

/* What stopped a step that ran too long, or was asked to stop. */
enum { STOP_COUNT, STOP_LIBRARY, STOP_TIME, STOP_REQUEST };

/* Raises the budget error from the function at LEVEL (0 inside the hook, 1 inside a C
 * function called from Lua). WHY is a STOP_* value; WHAT names the library function that
 * was running (STOP_LIBRARY). Keeps raising on every later hook call of the step, in every
 * thread, so the error cannot be caught and ignored for long. */
static int budget_error(lua_State *L, int level, int why, const char *what)
{
    Script *s = script_from(L);
    ScriptError *b = &s->budget_where;
    if (!s->budget_hit && why == STOP_REQUEST) {
        s->budget_hit = 1; /* a stop cannot be caught either */
        s->stop_hit = 1;
        const char *reason = stop_reason(stop_requested());
        if (script_where(L, level, b->file, sizeof b->file, &b->line))
            snprintf(b->message, sizeof b->message, "%.200s:%d: stopped: %s", b->file, b->line,
                     reason);
        else
            snprintf(b->message, sizeof b->message, "stopped: %s", reason);
    } else if (!s->budget_hit) {
        s->budget_hit = 1;
        char limit[160];
        const char *hint = "look for a loop that never ends";
        if (why == STOP_TIME) {
            snprintf(limit, sizeof limit, "more than %ld ms of processor time in one step",
                     s->cpu_ms);
            hint = "look for long strings compared or read as numbers, long __index chains "
                   "or very long argument lists";
        } else if (why == STOP_LIBRARY && what != NULL) {
            snprintf(limit, sizeof limit, "more than %ld instructions in one step, the last in %s",
                     s->budget, what);
            hint = "look for a loop that never ends, a pattern that backtracks, or a very long "
                   "string or table";
        } else {
            snprintf(limit, sizeof limit, "more than %ld instructions in one step", s->budget);
        }
        const char *ran = "the scenario ran too long";
        if (script_where(L, level, b->file, sizeof b->file, &b->line))
            snprintf(b->message, sizeof b->message, "%.200s:%d: %s (%.150s) — %s", b->file, b->line,
                     ran, limit, hint);
        else
            snprintf(b->message, sizeof b->message, "%s (%.150s) — %s", ran, limit, hint);
    }
    lua_pushstring(L, b->message);
    return lua_error(L);
}

void script_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    Script *s = script_from(L);
    int period = lua_gethookcount(L);
    s->used += period;
    if (!s->budget_hit && stop_requested())
        budget_error(L, 0, STOP_REQUEST, NULL);
    if (s->budget_hit || s->used > s->budget)
        budget_error(L, 0, STOP_COUNT, NULL);
    if (s->time_hit || script_clock_expired(s)) {
        s->time_hit = 1;
        budget_error(L, 0, STOP_TIME, NULL);
    }
    if (period != s->step) /* the clock asked for a look, and there was nothing to stop */
        script_limit_thread(s, L);
}

void script_limit_thread(Script *s, lua_State *co)
{
    lua_sethook(co, script_hook, LUA_MASKCOUNT, s->step);
}

void script_charge(lua_State *L, long long n)
{
    script_charge_in(L, n, NULL);
}

void script_charge_in(lua_State *L, long long n, const char *what)
{
    Script *s = script_from(L);
    s->used += n;
    if (!s->budget_hit && stop_requested())
        budget_error(L, 1, STOP_REQUEST, NULL);
    if (s->budget_hit || s->used > s->budget)
        budget_error(L, 1, what != NULL ? STOP_LIBRARY : STOP_COUNT, what);
}

int script_charge_quiet(lua_State *L, long long n)
{
    Script *s = script_from(L);
    s->used += n;
    return s->budget_hit || s->used > s->budget || stop_requested();
}

/* ===== Output from Lua itself ============================================ */

/* Warnings (warn() and errors in __gc finalizers of host objects) go to stderr, one line
 * each. Control messages ("@on", "@off") are ignored: warnings are always shown. */
static void script_warn(void *ud, const char *msg, int tocont)
{
    Script *s = ud;
    if (s->warn_len == 0 && !tocont && msg[0] == '@')
        return;
    size_t room = sizeof s->warn_line - 1 - s->warn_len;
    size_t n = strlen(msg);
    n = n < room ? n : room;
    memcpy(s->warn_line + s->warn_len, msg, n);
    s->warn_len += n;
    s->warn_line[s->warn_len] = '\0';
    if (!tocont) {
        fprintf(stderr, "warning: %s\n", s->warn_line);
        s->warn_len = 0;
    }
}

/* Lua aborts after this returns; it only happens when host code raises an error outside
 * script_run_*, script_call or script_resume, which is a bug in the host. */
static int script_panic(lua_State *L)
{
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    fprintf(stderr, "heard: Lua error outside a protected call (a host bug): %s\n", msg);
    return 0;
}

/* ===== Life cycle ======================================================== */

Script *script_create(ScriptLimits limits, uint64_t seed)
{
    Script *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->mem_cap = limits.memory_bytes ? limits.memory_bytes : SCRIPT_DEFAULT_MEMORY;
    s->budget = limits.instructions > 0 ? limits.instructions : SCRIPT_DEFAULT_INSTRUCTIONS;
    s->step = s->budget < SCRIPT_HOOK_STEP ? (int)s->budget : SCRIPT_HOOK_STEP;
    s->seed = seed;
    script_clock_set_limit(s, SCRIPT_DEFAULT_CPU_MS);
    rng_seed(&s->rng, seed);
    s->L = lua_newstate(script_alloc, s);
    if (s->L == NULL) {
        free(s);
        return NULL;
    }
    /* Every thread copies the main thread's extra space, so all of them find the Script. */
    *(Script **)lua_getextraspace(s->L) = s;
    lua_atpanic(s->L, script_panic);
    lua_setwarnf(s->L, script_warn, s);
    lua_pushcfunction(s->L, script_open_sandbox);
    if (lua_pcall(s->L, 0, 0, 0) != LUA_OK) { /* the cap is too small for the libraries */
        lua_close(s->L);
        free(s);
        return NULL;
    }
    script_limit_thread(s, s->L);
    return s;
}

void script_destroy(Script *s)
{
    if (s == NULL)
        return;
    /* Finalizers of host objects run during lua_close: give them a fresh budget. */
    s->depth = 0;
    s->used = 0;
    s->budget_hit = 0;
    s->time_hit = 0;
    s->running = NULL;
    Script *watched = script_clock_enter(s, 1);
    lua_close(s->L);
    script_clock_leave(watched);
    free(s);
}

struct lua_State *script_lua(Script *s)
{
    return s->L;
}

size_t script_memory_used(const Script *s)
{
    return s->mem_used;
}

int script_hold(Script *s, size_t bytes)
{
    if (bytes > s->mem_cap - s->mem_used)
        return SCRIPT_ERR_MEMORY;
    s->mem_used += bytes;
    return SCRIPT_OK;
}

void script_release(Script *s, size_t bytes)
{
    assert(bytes <= s->mem_used);
    s->mem_used -= bytes;
}

Script *script_of(struct lua_State *L)
{
    return script_from(L);
}

int script_raise_memory(struct lua_State *L)
{
    return script_memory_error(L);
}

long long script_instructions_used(const Script *s)
{
    return s->used;
}

void script_set_cpu_limit(Script *s, long ms)
{
    script_clock_set_limit(s, ms > 0 ? ms : SCRIPT_DEFAULT_CPU_MS);
}

/* ===== Protected calls =================================================== */

/* What a step replaces, to be put back when it ends. */
typedef struct StepSave {
    lua_State *thread; /* the thread that was running in this Script */
    Script *clock;     /* the Script whose step the processor-time limit was watching */
} StepSave;

/* Enters a step on THREAD. Only the outermost step resets the budget and starts the
 * processor-time limit, so a binding that calls back into Lua cannot hand the scenario a
 * fresh budget. */
static StepSave begin_step(Script *s, lua_State *thread)
{
    StepSave save = {s->running, NULL};
    int outermost = s->depth++ == 0;
    if (outermost) {
        s->used = 0;
        s->budget_hit = 0;
        s->stop_hit = 0;
        s->time_hit = 0;
        s->mem_refused = 0;
        s->mem_deep = 0;
        memset(&s->mem_where, 0, sizeof s->mem_where);
        script_limit_thread(s, thread);
    }
    s->running = thread;
    save.clock = script_clock_enter(s, outermost);
    return save;
}

static void end_step(Script *s, StepSave save)
{
    script_clock_leave(save.clock);
    s->depth--;
    s->running = save.thread;
}

static int ends_with(const char *text, const char *tail)
{
    size_t n = strlen(text), m = strlen(tail);
    return n >= m && strcmp(text + n - m, tail) == 0;
}

/* Turns a failed status into a SCRIPT_ERR_* code and fills OUT. The error object is at IDX
 * of L; INFO is its description (from the handler or the coroutine's stack) or NULL when
 * the stack is gone. FALLBACK names the chunk when nothing better is known. */
static int classify(Script *s, lua_State *L, int status, int idx, const ScriptError *info,
                    const char *fallback, ScriptError *out)
{
    ScriptError plain;
    if (info == NULL) {
        script_describe(L, idx, -1, &plain);
        info = &plain;
    }
    memset(out, 0, sizeof *out);
    if (s->budget_hit) {
        *out = s->budget_where;
        snprintf(out->traceback, sizeof out->traceback, "%s", info->traceback);
        return s->stop_hit ? SCRIPT_ERR_STOPPED : SCRIPT_ERR_BUDGET;
    }
    const char *obj = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : "";
    if (status == LUA_ERRMEM || (s->mem_refused && ends_with(obj, "not enough memory"))) {
        memory_error(s, fallback, out);
        return SCRIPT_ERR_MEMORY;
    }
    *out = *info;
    if (out->message[0] == '\0' && fallback != NULL)
        snprintf(out->message, sizeof out->message, "%s: unknown error", fallback);
    if (ends_with(out->message, "stack overflow")) {
        size_t n = strlen(out->message);
        snprintf(out->message + n, sizeof out->message - n,
                 " — look for a function that calls itself without end");
    }
    return status == LUA_ERRSYNTAX ? SCRIPT_ERR_SYNTAX : SCRIPT_ERR_RUNTIME;
}

/* Calls the function below NARGS arguments on s->L under lua_pcall with script_msgh. */
static int protected_call(Script *s, int nargs, int nresults, const char *fallback,
                          ScriptError *out)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs; /* the function */
    if (!lua_checkstack(L, 1)) {
        lua_settop(L, base - 1);
        memory_error(s, fallback, out);
        return SCRIPT_ERR_MEMORY;
    }
    lua_pushcfunction(L, script_msgh);
    lua_insert(L, base);
    s->has_pending = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    if (status == LUA_OK) {
        lua_remove(L, base);
        return SCRIPT_OK;
    }
    int rc =
        classify(s, L, status, lua_gettop(L), s->has_pending ? &s->pending : NULL, fallback, out);
    lua_settop(L, base - 1);
    if (rc == SCRIPT_ERR_MEMORY)
        lua_gc(L, LUA_GCCOLLECT); /* what the failed step built is garbage now */
    return rc;
}

static int refuse_bytecode(const char *name, ScriptError *out)
{
    snprintf(out->file, sizeof out->file, "%s", name);
    snprintf(out->message, sizeof out->message,
             "%s: this is compiled Lua (bytecode), which scenarios may not run — use the "
             ".lua source file instead",
             name);
    return SCRIPT_ERR_SYNTAX;
}

/* A chunk that did not compile. Lua's parser names no place when one of its own limits
 * stops it (nesting deeper than its C stack allows): say which file, and what to look for. */
static void place_load_error(const char *name, ScriptError *out, int *rc)
{
    *rc = SCRIPT_ERR_SYNTAX;
    size_t n = strlen(name);
    if (strncmp(out->message, name, n) == 0 && out->message[n] == ':')
        return;
    char msg[sizeof out->message];
    if (strstr(out->message, "C stack overflow"))
        snprintf(msg, sizeof msg,
                 "%s: tables, brackets or functions are nested too deeply for Lua to read the "
                 "file (C stack overflow)",
                 name);
    else
        snprintf(msg, sizeof msg, "%.200s: %.300s", name, out->message);
    memcpy(out->message, msg, sizeof msg);
    snprintf(out->file, sizeof out->file, "%s", name);
}

static int run_chunk(Script *s, const char *chunk, size_t len, const char *name, int nresults,
                     ScriptError *out)
{
    if (len >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 mark from an editor */
        chunk += 3;
        len -= 3;
    }
    /* Lua takes any chunk whose first byte is the signature's ESC for compiled code, with a
     * message that names no file; say it here, after the mark, as Lua would see it. */
    if (len >= 1 && chunk[0] == LUA_SIGNATURE[0])
        return refuse_bytecode(name, out);
    char chunkname[sizeof out->file + 1];
    snprintf(chunkname, sizeof chunkname, "@%s", name);
    lua_State *L = s->L;
    StepSave prev = begin_step(s, L);
    int rc;
    if (!lua_checkstack(L, 2)) {
        memory_error(s, name, out);
        rc = SCRIPT_ERR_MEMORY;
    } else {
        int status = luaL_loadbufferx(L, chunk, len, chunkname, "t");
        if (status == LUA_OK) {
            rc = protected_call(s, 0, nresults, name, out);
        } else {
            rc = classify(s, L, status, lua_gettop(L), NULL, name, out);
            lua_pop(L, 1);
            if (rc != SCRIPT_ERR_MEMORY)
                place_load_error(name, out, &rc);
        }
    }
    end_step(s, prev);
    return rc;
}

int script_run_string(Script *s, const char *chunk, size_t len, const char *name, int nresults,
                      ScriptError *err)
{
    ScriptError scratch;
    ScriptError *out = err != NULL ? err : &scratch;
    memset(out, 0, sizeof *out);
    return run_chunk(s, chunk, len, name != NULL ? name : "(chunk)", nresults, out);
}

/* Reads PATH whole into a malloc'd buffer (*BUF, *LEN). Files larger than the memory cap
 * are refused: the scenario could not hold them anyway. */
static int read_file(const Script *s, const char *path, char **buf, size_t *len, ScriptError *out)
{
    FILE *f = fopen(path, "rb");
    const char *why = NULL;
    char *data = NULL;
    size_t used = 0, cap = 0;
    if (f == NULL) {
        why = strerror(errno);
    } else {
        for (;;) {
            if (used == cap) {
                cap = cap ? cap * 2 : 16384;
                char *grown = cap <= s->mem_cap + 16384 ? realloc(data, cap) : NULL;
                if (grown == NULL) {
                    why = "the file is larger than the memory a scenario may use";
                    break;
                }
                data = grown;
            }
            size_t got = fread(data + used, 1, cap - used, f);
            used += got;
            if (got == 0) {
                if (ferror(f))
                    why = strerror(errno);
                break;
            }
        }
        fclose(f);
    }
    if (why != NULL) {
        free(data);
        snprintf(out->file, sizeof out->file, "%s", path);
        snprintf(out->message, sizeof out->message, "%s: could not read the file (%s)", path, why);
        return SCRIPT_ERR_IO;
    }
    *buf = data;
    *len = used;
    return SCRIPT_OK;
}

int script_run_file(Script *s, const char *path, int nresults, ScriptError *err)
{
    ScriptError scratch;
    ScriptError *out = err != NULL ? err : &scratch;
    memset(out, 0, sizeof *out);
    char *buf = NULL;
    size_t len = 0;
    int rc = read_file(s, path, &buf, &len, out);
    if (rc != SCRIPT_OK)
        return rc;
    rc = run_chunk(s, buf != NULL ? buf : "", len, path, nresults, out);
    free(buf);
    return rc;
}

int script_call(Script *s, int nargs, int nresults, ScriptError *err)
{
    ScriptError scratch;
    ScriptError *out = err != NULL ? err : &scratch;
    memset(out, 0, sizeof *out);
    assert(nargs >= 0 && lua_gettop(s->L) > nargs);
    StepSave prev = begin_step(s, s->L);
    int rc = protected_call(s, nargs, nresults, NULL, out);
    end_step(s, prev);
    return rc;
}

int script_resume(Script *s, struct lua_State *co, int nargs, int *nresults, int *done,
                  ScriptError *err)
{
    ScriptError scratch;
    ScriptError *out = err != NULL ? err : &scratch;
    memset(out, 0, sizeof *out);
    assert(co != NULL && co != s->L && script_from(co) == s);
    StepSave prev = begin_step(s, co);
    script_limit_thread(s, co); /* also when this is a nested step */
    int n = 0;
    int status = lua_resume(co, prev.thread, nargs, &n);
    int rc = SCRIPT_OK;
    int finished = 1;
    if (status == LUA_OK || status == LUA_YIELD) {
        finished = status == LUA_OK;
    } else {
        /* lua_resume leaves the dead coroutine's stack in place: describe it directly. */
        int idx = lua_gettop(co);
        script_describe(co, idx, 0, &s->pending);
        rc = classify(s, co, status, idx, &s->pending, NULL, out);
        n = 0;
        if (rc == SCRIPT_ERR_MEMORY)
            lua_gc(s->L, LUA_GCCOLLECT);
    }
    end_step(s, prev);
    if (nresults != NULL)
        *nresults = n;
    if (done != NULL)
        *done = finished;
    return rc;
}
