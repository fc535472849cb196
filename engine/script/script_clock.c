/* script_clock.c: the processor-time limit of a step, a backstop behind the instruction
 * budget. A few operations of Lua's virtual machine take time that grows with data and
 * that no hook sees: comparing two long strings that hold the same text, reading a long
 * string as a number in a numeric for, following an __index chain up to Lua's 2000 links,
 * copying a very long argument list, next() over a table whose entries were all removed.
 * The instruction budget counts each as one instruction, so a loop of them could run for
 * hours within its budget.
 *
 * How: each thread that runs a step gets a timer on its own processor-time clock that
 * ticks every SCRIPT_TICK_MS while the thread is busy (and never while it waits). The tick
 * handler counts; when the Script whose step runs on this thread has used its limit, it
 * sets the Script's time_hit and asks Lua to call the count hook at the very next
 * instruction, which raises the error (script.c). Calling lua_sethook from a signal
 * handler is what Lua's own interpreter does to stop a script on Ctrl+C.
 *
 * A step's limit counts ticks, so it is as precise as one tick. When the timer cannot be
 * made, steps simply have no time limit (the instruction budget still holds).
 *
 * Depends on: Lua 5.4, POSIX timers and signals (Linux: a timer that signals one thread).
 */
#define _GNU_SOURCE /* gettid, SIGEV_THREAD_ID */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>

#include "engine/core/stop.h"
#include "engine/script/script_internal.h"

/* Milliseconds of processor time between two ticks. */
#define SCRIPT_TICK_MS 10

/* The signal the timers send. */
#define SCRIPT_TICK_SIGNAL SIGVTALRM

/* Per thread: the ticks so far, the Script whose step runs (read by the handler, so a
 * lock-free atomic), and whether the timer exists (1), could not be made (-1), or not yet
 * (0). Thread-local because the clock and the steps it watches are per thread. */
static _Thread_local volatile sig_atomic_t tl_ticks;
static _Thread_local _Atomic(Script *) tl_script;
static _Thread_local int tl_timer;

static void on_tick(int sig)
{
    (void)sig;
    int saved = errno;
    tl_ticks = tl_ticks + 1;
    Script *s = atomic_load_explicit(&tl_script, memory_order_relaxed);
    int stop = stop_requested(); /* the game closing, a watchdog: stop now, not in 1000 */
    if (s != NULL && (stop || tl_ticks - s->tick_start >= s->tick_limit)) {
        if (!stop)
            s->time_hit = 1;
        lua_State *L = s->running;
        if (L != NULL) /* again on every tick, in case the thread changed meanwhile */
            lua_sethook(L, script_hook, LUA_MASKCOUNT, 1);
    }
    errno = saved;
}

/* Installs the handler (once per process) and this thread's timer. 1 when ticking. */
static int start_timer(void)
{
    static atomic_int handler_state; /* 0 not yet, 1 installed, -1 failed */
    int expected = 0;
    if (atomic_compare_exchange_strong(&handler_state, &expected, 2)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_tick;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        atomic_store(&handler_state, sigaction(SCRIPT_TICK_SIGNAL, &sa, NULL) == 0 ? 1 : -1);
    }
    while (atomic_load(&handler_state) == 2)
        ; /* another thread is installing it */
    if (atomic_load(&handler_state) != 1)
        return 0;
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SCRIPT_TICK_SIGNAL;
    ev._sigev_un._tid = gettid();
    timer_t timer;
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &ev, &timer) != 0)
        return 0;
    struct itimerspec period;
    period.it_interval.tv_sec = 0;
    period.it_interval.tv_nsec = SCRIPT_TICK_MS * 1000000L;
    period.it_value = period.it_interval;
    if (timer_settime(timer, 0, &period, NULL) != 0) {
        timer_delete(timer);
        return 0;
    }
    return 1;
}

void script_clock_set_limit(Script *s, long ms)
{
    s->cpu_ms = ms;
    s->tick_limit = (ms + SCRIPT_TICK_MS - 1) / SCRIPT_TICK_MS;
}

Script *script_clock_enter(Script *s, int outermost)
{
    if (tl_timer == 0)
        tl_timer = start_timer() ? 1 : -1;
    if (outermost)
        s->tick_start = tl_ticks;
    return atomic_exchange_explicit(&tl_script, s, memory_order_relaxed);
}

void script_clock_leave(Script *prev)
{
    atomic_store_explicit(&tl_script, prev, memory_order_relaxed);
}

int script_clock_expired(const Script *s)
{
    return tl_timer == 1 && tl_ticks - s->tick_start >= s->tick_limit;
}
